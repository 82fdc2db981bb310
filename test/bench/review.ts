import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../electron/db/open-database';
import { rowFromLead } from '../../electron/db/repositories/lead-rows';
import { countReviewLeads } from '../../electron/db/repositories/review-query';
import { duplicateSnapshot } from '../../electron/services/duplicate-groups-service';
import { createEvent, useEvent } from '../../electron/services/events-service';
import { queryReview } from '../../electron/services/review-service';
import { createServiceContext } from '../../electron/services/service-context';
import { setStaffName } from '../../electron/services/settings-service';
import { CAPTURE_METHODS, LEAD_RATINGS, LEAD_STATUSES, type Lead } from '../../shared/domain/lead';
import type { ReviewFilter, ReviewSort } from '../../shared/domain/review';
import { fakeLead, SEARCH_QUERIES } from './fake-leads';
import { median, percentile, printFigure, timeMs, timeMsAsync } from './stats';

const SEEDED_LEADS = 100_000;
const QUERY_SAMPLES = 300;
const STAFF = ['Dana Booth', 'Sam Stand', 'Kim Floor', 'Lee Hall'];

const SYLLABLES = ['ka', 'ro', 'mi', 'tel', 'san', 'dor', 'vi', 'len', 'bu', 'gar', 'o', 'nes', 'ta', 'lin', 'ber', 'u'];

/** A surname part from the index, so most people are different people (fake-leads' 26×26 names repeat every few hundred leads). */
function surnamePart(index: number): string {
  let rest = index;
  let part = '';
  do {
    part += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  } while (rest > 0);
  return part[0]?.toUpperCase() + part.slice(1);
}

/** Every this-many leads, one is the previous person captured again (~3 %, as at a busy booth). */
const DUPLICATE_EVERY = 33;

/**
 * A fake lead with the review list's dimensions varied: status, rating, staff, how, consent;
 * names made distinct, and about 3 % of leads a second capture of the lead before them
 * (same name and company, email in another case), so duplicate detection sees a show's mix.
 */
export function reviewLead(index: number, eventId: string, capturedAt: string): Lead {
  const source = index % DUPLICATE_EVERY === DUPLICATE_EVERY - 1 ? index - 1 : index;
  const base = fakeLead(source, eventId, capturedAt);
  // About 4,000 companies (≈25 leads each), not fake-leads' 20: one company with 5,000 leads is no show.
  const company = base.company.replace(/^(\S+)/, (word) => `${word} ${surnamePart(source % 4000)}`);
  const person = {
    ...base,
    lastName: `${base.lastName}-${surnamePart(source)}`,
    company,
    // Each company its own domain, each person their own number (fake-leads has 100 numbers for all).
    email: (() => {
      const email = `${base.firstName.toLowerCase()}.${source}@${company.split(' ').slice(0, 2).join('').toLowerCase()}.example`;
      return source === index ? email : email.toUpperCase();
    })(),
    phone: `+1 555 ${String(1_000_000 + source).slice(-7)}`,
  };
  const lead = { ...fakeLead(index, eventId, capturedAt), ...pickPerson(person) };
  const status = LEAD_STATUSES[index % 9 === 0 ? 1 : index % 23 === 0 ? 2 : index % 31 === 0 ? 3 : 0] ?? 'New';
  return {
    ...lead,
    status,
    unqualifiedReason: status === 'Unqualified' ? 'No budget' : '',
    rating: index % 4 === 3 ? null : (LEAD_RATINGS[index % 3] ?? null),
    capturedBy: STAFF[index % STAFF.length] as string,
    captureMethod: CAPTURE_METHODS[index % 3] ?? 'typed',
    consent: index % 2 === 0 ? { given: true, wording: 'You may email me.', at: capturedAt } : null,
  };
}

/** Seeds in one transaction through the raw driver: setup speed is not what is measured. */
export function seedReviewLeads(sqlite: BetterSqlite3.Database, eventIds: string[], count = SEEDED_LEADS): void {
  const first = rowFromLead(reviewLead(0, eventIds[0] as string, new Date(0).toISOString()));
  const columns = Object.keys(first);
  const insert = sqlite.prepare(`INSERT INTO leads (${columns.join(', ')}) VALUES (${columns.map((column) => '@' + column).join(', ')})`);
  // Three show days, 08:00–18:00 UTC, a lead every ~1 s of show time.
  const start = Date.parse('2026-06-01T08:00:00Z');
  sqlite.transaction(() => {
    for (let index = 0; index < count; index++) {
      const day = index % 3;
      const capturedAt = new Date(start + day * 86_400_000 + ((index * 7919) % 36_000) * 1000).toISOString();
      // Most leads at the main show; a tenth at a second one.
      const eventId = eventIds[index % 10 === 0 && eventIds.length > 1 ? 1 : 0] as string;
      insert.run(rowFromLead(reviewLead(index, eventId, capturedAt)));
    }
  })();
}

function pickPerson(lead: Lead): Pick<Lead, 'firstName' | 'lastName' | 'company' | 'email' | 'phone'> {
  return { firstName: lead.firstName, lastName: lead.lastName, company: lead.company, email: lead.email, phone: lead.phone };
}

const SORTS: ReviewSort[] = [
  { by: 'captured', direction: 'desc' },
  { by: 'name', direction: 'asc' },
  { by: 'company', direction: 'asc' },
  { by: 'status', direction: 'asc' },
  { by: 'rating', direction: 'asc' },
  { by: 'name', direction: 'desc' },
];

function filters(eventId: string): ReviewFilter[] {
  return [
    { eventId },
    { eventId, status: 'Working' },
    { eventId, rating: 'Hot' },
    { eventId, capturedBy: 'Sam Stand' },
    { eventId, captureMethod: 'card_scan', consent: 'given' },
    { eventId, capturedFrom: '2026-06-02T00:00:00.000Z', capturedTo: '2026-06-03T00:00:00.000Z' },
    { status: 'Qualified', rating: 'Warm' },
    { eventId, rating: 'none', status: 'New' },
  ];
}

/** `npm run bench -- review`: the manager's review list over 100,000 leads. */
export async function runReviewBench(args: string[]): Promise<void> {
  // --keep PATH: seed PATH once and keep it; later runs measure on it again (seeding is slow on a busy machine).
  const keepIndex = args.indexOf('--keep');
  const kept = keepIndex >= 0 ? args[keepIndex + 1] : undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadbooth-bench-review-'));
  const dbPath = kept ?? path.join(dir, 'bench.db');
  const reuse = kept !== undefined && fs.existsSync(kept);
  const database = await openDatabase(dbPath);
  try {
    const context = createServiceContext(database.db);
    let main: { id: string };
    if (reuse) {
      main = await context.db.selectFrom('events').select('id').where('name', '=', 'Bench Show').executeTakeFirstOrThrow();
    } else {
      await setStaffName(context, 'Dana Booth');
      main = await createEvent(context, { name: 'Bench Show' });
      const other = await createEvent(context, { name: 'Other Show' });
      // The list opens on the current show: the big one, 90,000 of the 100,000 leads.
      await useEvent(context, main.id);
      printFigure('review_seed_100k', timeMs(() => seedReviewLeads(database.sqlite, [main.id, other.id])) / 1000, 's', 2);
    }
    database.sqlite.pragma('optimize');

    const searchTimes: number[] = [];
    for (let sample = 0; sample < QUERY_SAMPLES; sample++) {
      const text = SEARCH_QUERIES[sample % SEARCH_QUERIES.length] as string;
      const filter: ReviewFilter = sample % 2 === 0 ? { text, eventId: main.id } : { text };
      searchTimes.push(await timeMsAsync(() => queryReview(context, { filter, sort: { by: 'captured', direction: 'desc' }, offset: 0, limit: 100 })));
    }
    printFigure('review_search_p95', percentile(searchTimes, 0.95), 'ms');
    printFigure('review_search_median', median(searchTimes), 'ms');

    const filterTimes: number[] = [];
    const slowest: Array<{ ms: number; label: string }> = [];
    const cases = filters(main.id);
    for (let sample = 0; sample < QUERY_SAMPLES; sample++) {
      const filter = cases[sample % cases.length] as ReviewFilter;
      const sort = SORTS[Math.floor(sample / cases.length) % SORTS.length] as ReviewSort;
      // Mostly the first window, sometimes one deep in the list (a dragged scrollbar).
      const offset = sample % 5 === 4 ? 20_000 : 0;
      const ms = await timeMsAsync(() => queryReview(context, { filter, sort, offset, limit: 100 }));
      filterTimes.push(ms);
      slowest.push({ ms, label: `${JSON.stringify(filter)} ${sort.by} ${sort.direction} @${offset}` });
    }
    printFigure('review_filter_sort_p95', percentile(filterTimes, 0.95), 'ms');
    printFigure('review_filter_sort_median', median(filterTimes), 'ms');
    if (args.includes('--verbose')) {
      for (const item of slowest.sort((a, b) => b.ms - a.ms).slice(0, 8)) process.stderr.write(`${item.ms.toFixed(1)} ms ${item.label.replaceAll(main.id, 'E')}\n`);
    }

    // The count of a new filter on its own, uncached (the list pays it once per filter and data change).
    const countTimes: number[] = [];
    for (let sample = 0; sample < 80; sample++) {
      countTimes.push(await timeMsAsync(() => countReviewLeads(context.db, cases[sample % cases.length] as ReviewFilter)));
    }
    printFigure('review_count_uncached_p95', percentile(countTimes, 0.95), 'ms');

    let groups = 0;
    const duplicatesMs = await timeMsAsync(async () => {
      groups = (await duplicateSnapshot(context.db)).groups.length;
    });
    printFigure('duplicates_detect_100k', duplicatesMs / 1000, 's', 2);
    printFigure('duplicates_groups_100k', groups, 'groups', 0);
    const cachedMs = await timeMsAsync(() => duplicateSnapshot(context.db));
    printFigure('duplicates_cached_check', cachedMs, 'ms');
    const duplicateFilterTimes: number[] = [];
    for (let sample = 0; sample < 50; sample++) {
      duplicateFilterTimes.push(
        await timeMsAsync(() => queryReview(context, { filter: { eventId: main.id, duplicate: 'yes' }, sort: SORTS[sample % SORTS.length] as ReviewSort, offset: 0, limit: 100 })),
      );
    }
    printFigure('review_duplicate_filter_p95', percentile(duplicateFilterTimes, 0.95), 'ms');

    if (!args.includes('--no-browser')) {
      await database.close();
      const { runReviewBrowserBench } = await import('./review-browser');
      await runReviewBrowserBench(dbPath);
    }
  } finally {
    await database.close().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
