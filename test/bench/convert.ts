import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openDatabase } from '../../electron/db/open-database';
import { rowFromLead } from '../../electron/db/repositories/lead-rows';
import { runConversionRule, setConversionRule } from '../../electron/services/automatic-conversion-service';
import { suggestAccounts } from '../../electron/services/conversion-service';
import { createEvent } from '../../electron/services/events-service';
import { createServiceContext } from '../../electron/services/service-context';
import { setStaffName } from '../../electron/services/settings-service';
import { normalizeCompanyName } from '../../shared/domain/normalize';
import { fakeLead } from './fake-leads';
import { percentile, printFigure, timeMsAsync } from './stats';

const QUALIFIED_LEADS = 10_000;
const EXISTING_ACCOUNTS = 3_000;
const SUGGESTION_ACCOUNTS = 100_000;
const SUGGESTION_SAMPLES = 400;

/**
 * `npm run bench -- convert`: 10,000 qualified leads over 3,000 existing accounts converted
 * by the automatic rule (total time, longest event-loop block), and account suggestion
 * at 100,000 accounts.
 */
export async function runConvertBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadbooth-bench-convert-'));
  const database = await openDatabase(path.join(dir, 'bench.db'));
  try {
    const context = createServiceContext(database.db);
    await setStaffName(context, 'Bench');
    const event = await createEvent(context, { name: 'Bench Show' });
    seedLeadsAndAccounts(database.sqlite, event.id);
    await setConversionRule(context, event.id, { minMet: 3, requireCloseDate: false, stage: 'Prospecting', closeInDays: 90 });

    // The event loop's longest stall while the rule runs: what a window would feel.
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const started = performance.now();
    const report = await runConversionRule(context, event.id);
    const totalMs = performance.now() - started;
    delay.disable();
    printFigure('convert_auto_10k_total', totalMs / 1000, 's', 2);
    printFigure('convert_auto_converted', report.converted, 'leads', 0);
    printFigure('convert_auto_into_existing_accounts', countExisting(database.sqlite), 'leads', 0);
    printFigure('convert_auto_event_loop_max_block', delay.max / 1e6, 'ms', 1);
    printFigure('convert_auto_per_lead', totalMs / Math.max(1, report.converted), 'ms');

    seedAccounts(database.sqlite, SUGGESTION_ACCOUNTS - EXISTING_ACCOUNTS, EXISTING_ACCOUNTS);
    const times: number[] = [];
    for (let sample = 0; sample < SUGGESTION_SAMPLES; sample++) {
      const lead = fakeLead(sample * 37, event.id, new Date().toISOString());
      times.push(await timeMsAsync(() => suggestAccounts(database.db, { company: accountName(sample * 211), website: lead.website, email: lead.email })));
    }
    printFigure('account_suggestion_100k_accounts_p95', percentile(times, 0.95), 'ms');
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function accountName(index: number): string {
  return `Account ${index} ${['GmbH', 'Ltd', 'Inc.', 'S.A.', 'B.V.'][index % 5]}`;
}

/** Leads with 3 of 4 BANT criteria met; every other one's company is one of the existing accounts. */
function seedLeadsAndAccounts(sqlite: import('better-sqlite3').Database, eventId: string): void {
  seedAccounts(sqlite, EXISTING_ACCOUNTS, 0);
  const first = rowFromLead(fakeLead(0, eventId, new Date(0).toISOString()));
  const columns = Object.keys(first);
  const insertLead = sqlite.prepare(`INSERT INTO leads (${columns.join(', ')}) VALUES (${columns.map((column) => '@' + column).join(', ')})`);
  const answer = sqlite.prepare(
    "INSERT INTO lead_criteria (lead_id, criterion_key, state, value, note, answered_by, answered_at) VALUES (?, ?, 'met', '', '', 'Bench', '2026-06-01T00:00:00Z')",
  );
  const start = Date.parse('2026-06-01T00:00:00Z');
  sqlite.transaction(() => {
    for (let index = 0; index < QUALIFIED_LEADS; index++) {
      const lead = fakeLead(index, eventId, new Date(start + index * 60_000).toISOString());
      if (index % 2 === 0) lead.company = accountName(index % EXISTING_ACCOUNTS);
      insertLead.run(rowFromLead(lead));
      for (const key of ['budget', 'authority', 'need']) answer.run(lead.id, key);
    }
  })();
}

function seedAccounts(sqlite: import('better-sqlite3').Database, count: number, offset: number): void {
  const insert = sqlite.prepare(
    "INSERT INTO accounts (id, name, name_key, domain, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, 'Bench', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
  );
  sqlite.transaction(() => {
    for (let index = offset; index < offset + count; index++) {
      const name = accountName(index);
      insert.run(crypto.randomUUID(), name, normalizeCompanyName(name), `account${index}.example`);
    }
  })();
}

function countExisting(sqlite: import('better-sqlite3').Database): number {
  return Number(sqlite.prepare('SELECT count(*) FROM conversions WHERE account_created = 0').pluck().get());
}
