import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../electron/db/open-database';
import { insertLead, listLeads } from '../../electron/db/repositories/leads';
import { rowFromLead } from '../../electron/db/repositories/lead-rows';
import { createEvent } from '../../electron/services/events-service';
import { createServiceContext } from '../../electron/services/service-context';
import { fakeLead, SEARCH_QUERIES } from './fake-leads';
import { median, percentile, printFigure, timeMs, timeMsAsync } from './stats';

const SEEDED_LEADS = 100_000;
const INSERT_SAMPLES = 300;
const QUERY_SAMPLES = 400;

/** `npm run bench -- store`: the store at booth scale (100k leads), durable writes included. */
export async function runStoreBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadbooth-bench-'));
  const database = await openDatabase(path.join(dir, 'bench.db'));
  try {
    const context = createServiceContext(database.db);
    const event = await createEvent(context, { name: 'Bench Show' });

    const seedMs = timeMs(() => seed(database.sqlite, event.id));
    printFigure('store_seed_100k', seedMs / 1000, 's', 2);

    // Durable single-lead insert: each its own commit with synchronous=FULL, the way the booth saves.
    // The baseline runs the exact SQL Kysely compiles, straight through better-sqlite3, interleaved.
    const repositoryTimes: number[] = [];
    const rawTimes: number[] = [];
    const base = Date.parse('2027-01-01T00:00:00Z');
    for (let sample = 0; sample < INSERT_SAMPLES; sample++) {
      const viaRepository = fakeLead(SEEDED_LEADS + sample * 2, event.id, new Date(base + sample * 2000).toISOString());
      const viaRaw = fakeLead(SEEDED_LEADS + sample * 2 + 1, event.id, new Date(base + sample * 2000 + 1000).toISOString());
      const compiled = database.db.insertInto('leads').values(rowFromLead(viaRaw)).compile();
      const statement = database.sqlite.prepare(compiled.sql);
      const runRepository = async () => repositoryTimes.push(await timeMsAsync(() => insertLead(database.db, viaRepository)));
      const runRaw = () => rawTimes.push(timeMs(() => statement.run(...(compiled.parameters as unknown[]))));
      // Alternate who goes first, so a WAL checkpoint or a slow fsync does not always land on one side.
      if (sample % 2 === 0) {
        await runRepository();
        runRaw();
      } else {
        runRaw();
        await runRepository();
      }
    }
    const repositoryMedian = median(repositoryTimes);
    const rawMedian = median(rawTimes);
    printFigure('insert_durable_repository_median', repositoryMedian, 'ms');
    printFigure('insert_durable_raw_better_sqlite3_median', rawMedian, 'ms');
    printFigure('insert_repository_vs_raw', repositoryMedian / rawMedian, 'ratio');

    const searchTimes: number[] = [];
    for (let sample = 0; sample < QUERY_SAMPLES; sample++) {
      const text = SEARCH_QUERIES[sample % SEARCH_QUERIES.length] as string;
      searchTimes.push(await timeMsAsync(() => listLeads(database.db, { text, limit: 100 })));
    }
    printFigure('search_fts_100k_p95', percentile(searchTimes, 0.95), 'ms');
    printFigure('search_fts_100k_median', median(searchTimes), 'ms');

    const pageTimes: number[] = [];
    for (let sample = 0; sample < QUERY_SAMPLES; sample++) {
      pageTimes.push(await timeMsAsync(() => listLeads(database.db, { limit: 100 })));
    }
    printFigure('list_first_page_100_p95', percentile(pageTimes, 0.95), 'ms');

    database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    printFigure('database_size', fs.statSync(database.path).size / (1024 * 1024), 'MB', 1);
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Seeds in one transaction through the raw driver: setup speed is not what is measured. */
export function seed(sqlite: import('better-sqlite3').Database, eventId: string): void {
  const first = rowFromLead(fakeLead(0, eventId, new Date(0).toISOString()));
  const columns = Object.keys(first);
  const insert = sqlite.prepare(`INSERT INTO leads (${columns.join(', ')}) VALUES (${columns.map((column) => '@' + column).join(', ')})`);
  const start = Date.parse('2026-06-01T00:00:00Z');
  sqlite.transaction(() => {
    for (let index = 0; index < SEEDED_LEADS; index++) {
      insert.run(rowFromLead(fakeLead(index, eventId, new Date(start + index * 60_000).toISOString())));
    }
  })();
}
