import { sql, type RawBuilder } from 'kysely';
import { recordIdSql, travelsSql, type SyncedTable } from './synced-tables';

/**
 * The SQL that makes SQLite itself log every write of a synced table, so no repository, import
 * or service can forget to: one trigger per table and operation, made from the sync registry
 * by these functions only (migration 0011 runs them; a later migration that changes a synced
 * table's columns drops the table's three `sync_log_<table>_<insert|update|delete>` triggers
 * and runs them again).
 *
 * - INSERT: a change holding every synced column.
 * - UPDATE: a change holding only the columns whose value changed; none when nothing did.
 * - a table whose rows travel only when `travelsWhen` says so (card scans tied to a lead): an
 *   insert or update of a row that does not travel logs nothing; an update that makes it travel
 *   logs it whole (`sync_log_<table>_starts`).
 * - DELETE: a tombstone. Also, whatever the guard says: the record's earlier changes and field
 *   clocks are removed (a forgotten person's fields must not stay in the log) and the record is
 *   kept in `sync_tombstones`, so nothing (a pull, a bundle) brings it back.
 *
 * The log rows are written only while `sync_capture.logging` is 1: off until the laptop joins a
 * hub (a laptop that never joins logs nothing), and off while the sync applies remote changes
 * (those are the hub's already). A flag in a table, because a trigger of the main schema cannot
 * see a TEMP table.
 */

/** Milliseconds since 1970 by SQLite's clock, when the change was made. */
const NOW_MS = "CAST(unixepoch('subsec') * 1000 AS INTEGER)";
const LOGGING = '(SELECT logging FROM sync_capture WHERE id = 1) = 1';

function quote(name: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`"${name}" is not a column or table name the sync registry may hold.`);
  return `"${name}"`;
}

function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** `json_object('col', <row>.col, ...)` of a record's synced columns; `row` is `new`, or a table in a SELECT. */
function recordFieldsJson(table: SyncedTable, row: string): string {
  return `json_object(${table.columns.map((column) => `${literal(column)}, ${row}.${quote(column)}`).join(', ')})`;
}

/** `changed_at_ms` of a record logged when the laptop joined: held before joining, older than any edit. */
export const HELD_BEFORE_JOINING_MS = 0;

/** Logs every record of a table as an insert held before joining: what a laptop holds when it joins a hub (it logged nothing before). */
export function logAllRecordsSql(table: SyncedTable): string {
  return (
    `INSERT INTO sync_changes (kind, record_id, fields, changed_at_ms) ` +
    `SELECT ${literal(table.kind)}, ${recordIdSql(table, 'r')}, ${recordFieldsJson(table, 'r')}, ${HELD_BEFORE_JOINING_MS} ` +
    // Insertion order where the table has one (a WITHOUT ROWID table has not: key order).
    `FROM ${quote(table.table)} AS r WHERE ${travelsSql(table, 'r')} ORDER BY ${table.key.length === 1 ? 'r.rowid' : table.key.map((column) => `r.${quote(column)}`).join(', ')}`
  );
}

/**
 * Logs records of a table whole, as inserts made now, while the laptop logs. For records whose
 * first insert another laptop may not be able to apply (it named an account merged away since:
 * account-merge.ts), so every laptop receives each record as it is now.
 */
export function logRecordsWhole(table: SyncedTable, recordIds: readonly string[]): RawBuilder<unknown> {
  const insert =
    `INSERT INTO sync_changes (kind, record_id, fields, changed_at_ms) ` +
    `SELECT ${literal(table.kind)}, ${recordIdSql(table, 'r')}, ${recordFieldsJson(table, 'r')}, ${NOW_MS} ` +
    `FROM ${quote(table.table)} AS r WHERE ${LOGGING} AND ${travelsSql(table, 'r')} AND ${recordIdSql(table, 'r')} IN (SELECT value FROM json_each(`;
  return sql`${sql.raw(insert)}${JSON.stringify(recordIds)}${sql.raw('))')}`;
}

function triggerName(table: SyncedTable, operation: 'insert' | 'starts' | 'update' | 'delete'): string {
  return `sync_log_${table.table}_${operation}`;
}

export function changeTriggerStatements(table: SyncedTable): string[] {
  const kind = literal(table.kind);
  const target = quote(table.table);
  const newId = recordIdSql(table, 'new');
  const oldId = recordIdSql(table, 'old');
  const changed = table.columns.filter((column) => !table.key.includes(column)).map(quote);
  const changedColumns = changed
    .map((column) => `SELECT ${literal(column.slice(1, -1))} AS name, new.${column} AS value WHERE new.${column} IS NOT old.${column}`)
    .join(' UNION ALL ');
  const travels = table.travelsWhen ? ` AND ${travelsSql(table, 'new')}` : '';
  const travelled = table.travelsWhen ? ` AND ${travelsSql(table, 'old')}` : '';
  return [
    `CREATE TRIGGER ${triggerName(table, 'insert')} AFTER INSERT ON ${target} WHEN ${LOGGING}${travels} BEGIN
      INSERT INTO sync_changes (kind, record_id, fields, changed_at_ms) VALUES (${kind}, ${newId}, ${recordFieldsJson(table, 'new')}, ${NOW_MS});
    END`,
    // A row that starts to travel (a scan tied to its lead) is logged whole, as an insert.
    ...(table.travelsWhen
      ? [
          `CREATE TRIGGER ${triggerName(table, 'starts')} AFTER UPDATE ON ${target} WHEN ${LOGGING}${travels} AND NOT ${travelsSql(table, 'old')} BEGIN
      INSERT INTO sync_changes (kind, record_id, fields, changed_at_ms) VALUES (${kind}, ${newId}, ${recordFieldsJson(table, 'new')}, ${NOW_MS});
    END`,
        ]
      : []),
    // A table of key columns only (an export batch's members) has nothing an update could log.
    ...(changed.length > 0
      ? [
          `CREATE TRIGGER ${triggerName(table, 'update')} AFTER UPDATE ON ${target}
    WHEN ${LOGGING}${travels}${travelled} AND (${changed.map((column) => `new.${column} IS NOT old.${column}`).join(' OR ')}) BEGIN
      INSERT INTO sync_changes (kind, record_id, fields, changed_at_ms)
      VALUES (${kind}, ${newId}, (SELECT json_group_object(name, value) FROM (${changedColumns})), ${NOW_MS});
    END`,
        ]
      : []),
    `CREATE TRIGGER ${triggerName(table, 'delete')} AFTER DELETE ON ${target} BEGIN
      DELETE FROM sync_changes WHERE kind = ${kind} AND record_id = ${oldId};
      DELETE FROM sync_field_clocks WHERE kind = ${kind} AND record_id = ${oldId};
      INSERT OR IGNORE INTO sync_tombstones (kind, record_id, deleted_at_ms) VALUES (${kind}, ${oldId}, ${NOW_MS});
      INSERT INTO sync_changes (kind, record_id, fields, changed_at_ms, tombstone)
      SELECT ${kind}, ${oldId}, '{}', ${NOW_MS}, 1 WHERE ${LOGGING};
    END`,
  ];
}

/**
 * Until the change log starts (`sync_capture.local_clocks`, 0 once the laptop joins a hub), an update stamps each synced column it changed
 * in `sync_field_clocks` with the time and this store's own device id (migration 0012): the
 * bundle import merges a record field by field with these stamps, as the sync does with its
 * clocks. A joined laptop stamps its changes when it syncs (change-log.ts) and joining clears
 * these (startChangeLog): what a laptop held before joining is older than any edit.
 */
export function localFieldClockTriggerStatements(table: SyncedTable): string[] {
  const kind = literal(table.kind);
  const changed = table.columns.filter((column) => !table.key.includes(column)).map(quote);
  const changedColumns = changed.map((column) => `SELECT ${literal(column.slice(1, -1))} AS name WHERE new.${column} IS NOT old.${column}`).join(' UNION ALL ');
  const stamp = `printf('%013d-0000-%s', ${NOW_MS}, (SELECT local_device_id FROM sync_capture WHERE id = 1))`;
  return [
    `CREATE TRIGGER sync_local_clock_${table.table}_update AFTER UPDATE ON ${quote(table.table)}
    WHEN (SELECT local_clocks FROM sync_capture WHERE id = 1) = 1 AND (${changed.map((column) => `new.${column} IS NOT old.${column}`).join(' OR ')}) BEGIN
      INSERT INTO sync_field_clocks (kind, record_id, field, hlc)
      SELECT ${kind}, ${recordIdSql(table, 'new')}, name, ${stamp} FROM (${changedColumns}) WHERE true
      ON CONFLICT (kind, record_id, field) DO UPDATE SET hlc = excluded.hlc WHERE sync_field_clocks.hlc < excluded.hlc;
    END`,
  ];
}
