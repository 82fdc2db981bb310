import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database as Sqlite } from 'better-sqlite3';
import { openDatabase } from '../../electron/db/open-database';
import { rowFromLead } from '../../electron/db/repositories/lead-rows';
import { findDuplicates } from '../../electron/services/duplicates-service';
import { createEvent } from '../../electron/services/events-service';
import { createServiceContext } from '../../electron/services/service-context';
import type { Lead } from '../../shared/domain/lead';
import { fakeLead } from './fake-leads';
import { median, percentile, printFigure, timeMsAsync } from './stats';

const SEEDED_LEADS = 100_000;
const SAMPLES = 1000;
const WARM_UP = 200;
// Syllables that make ~4,000 distinct surnames, so a surname is shared by a few dozen leads
// at 100,000, as at a real show series (the store bench's 26 surnames would be 3,800 each).
const SYLLABLES = ['ka', 'lo', 'mi', 'ber', 'son', 'dt', 'ra', 'vic', 'nez', 'ov', 'ue', 'ski', 'sen', 'ni', 'ta', 'ri'];

function variedLead(index: number, eventId: string, capturedAt: string): Lead {
  const lead = fakeLead(index, eventId, capturedAt);
  const suffix = `${SYLLABLES[index % 16]}${SYLLABLES[Math.floor(index / 16) % 16]}${SYLLABLES[Math.floor(index / 256) % 16]}`;
  return { ...lead, lastName: `${lead.lastName}${suffix}` };
}

/**
 * `npm run bench -- duplicates`: the check at save among 100,000 leads. Probes are half
 * real duplicates (an existing lead typed again with other case and accents) and half
 * new people; the same for the worst case where every surname is shared by 3,800 leads.
 */
export async function runDuplicatesBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadbooth-bench-dup-'));
  try {
    for (const [name, makeLead] of [
      ['duplicates_check_100k', variedLead],
      ['duplicates_check_100k_common_names', fakeLead],
    ] as const) {
      const database = await openDatabase(path.join(dir, `${name}.db`));
      try {
        const context = createServiceContext(database.db);
        const event = await createEvent(context, { name: 'Bench Show' });
        const seeded = seed(database.sqlite, event.id, makeLead);
        const times: number[] = [];
        let found = 0;
        // The first checks compile the code paths and fill SQLite's page cache: not what a booth sees all day.
        for (let sample = -WARM_UP; sample < SAMPLES; sample++) {
          const existing = seeded[((sample + WARM_UP) * 7919) % seeded.length] as Lead;
          const probe =
            sample % 2 === 0
              ? { firstName: existing.firstName.toUpperCase(), lastName: existing.lastName, company: existing.company.replace(/ \S+$/, ''), email: '', phone: '', mobile: '' }
              : { firstName: 'Newperson', lastName: `Nobody${sample}`, company: 'Fresh Ltd', email: `new${sample}@fresh.example`, phone: '', mobile: '' };
          const ms = await timeMsAsync(async () => {
            const matched = (await findDuplicates(context, probe)).length > 0;
            if (sample >= 0 && matched) found++;
          });
          if (sample >= 0) times.push(ms);
        }
        printFigure(`${name}_p95`, percentile(times, 0.95), 'ms');
        printFigure(`${name}_median`, median(times), 'ms');
        printFigure(`${name}_probes_with_a_match`, found / SAMPLES, 'ratio');
      } finally {
        await database.close();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function seed(sqlite: Sqlite, eventId: string, makeLead: (index: number, eventId: string, at: string) => Lead): Lead[] {
  const first = rowFromLead(makeLead(0, eventId, new Date(0).toISOString()));
  const columns = Object.keys(first);
  const insert = sqlite.prepare(`INSERT INTO leads (${columns.join(', ')}) VALUES (${columns.map((column) => '@' + column).join(', ')})`);
  const start = Date.parse('2026-06-01T00:00:00Z');
  const leads: Lead[] = [];
  sqlite.transaction(() => {
    for (let index = 0; index < SEEDED_LEADS; index++) {
      const lead = makeLead(index, eventId, new Date(start + index * 60_000).toISOString());
      insert.run(rowFromLead(lead));
      if (index % 97 === 0) leads.push(lead);
    }
  })();
  return leads;
}
