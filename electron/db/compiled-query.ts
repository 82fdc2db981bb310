import { CompiledQuery, type Compilable, type Insertable, type Kysely } from 'kysely';
import type { Database } from './schema';

/** What a compiled query's arguments may be: values SQLite binds as they are. */
type SqlValue = string | number | bigint | null;

/** Stands in for one argument while the query is built, so its parameter can be found again. */
class ArgumentMarker {
  constructor(readonly name: string) {}
}

/**
 * A query built with Kysely's builder once, then only bound. The same query shape is the
 * same SQL every time, yet Kysely builds and compiles it again on every call: more time
 * than SQLite takes for a lookup by key or a small insert, on paths that run them
 * thousands of times (the automatic conversion rule: ~15 statements a lead; saving a
 * lead). The statement cache (statement-cache.ts) then finds the prepared statement by
 * the same text.
 *
 * `build` is called once, with a marker in place of each argument: it must give the query
 * the same shape whatever the arguments are (no `if` on them; one compiled query per
 * shape) and use each only as a value. Constants written in it stay as they are. An
 * argument left out (undefined) is bound as NULL.
 *
 * Write a LIMIT as literal SQL (`.limit(sql.lit(5))`), not as a bound value: SQLite plans
 * with the value a LIMIT is bound to, so binding one (even the same value) makes it plan
 * the statement afresh on every run — 10-20 µs, more than a lookup by key.
 */
export function compiledQuery<Args extends Record<string, SqlValue | undefined>, Row>(
  build: (db: Kysely<Database>, args: Args) => Compilable<Row>,
): (db: Kysely<Database>, args: Args) => Promise<Row[]> {
  let compiled: { sql: string; bind: (args: Args) => unknown[] } | undefined;
  return async (db, args) => {
    compiled ??= compile(db, build, Object.keys(args));
    const result = await db.executeQuery<Row>(CompiledQuery.raw(compiled.sql, compiled.bind(args)));
    return [...result.rows];
  };
}

function compile<Args extends Record<string, SqlValue | undefined>, Row>(
  db: Kysely<Database>,
  build: (db: Kysely<Database>, args: Args) => Compilable<Row>,
  names: string[],
): { sql: string; bind: (args: Args) => unknown[] } {
  // The markers travel through the builder as opaque values, which its types cannot know.
  const markers = Object.fromEntries(names.map((name) => [name, new ArgumentMarker(name)])) as unknown as Args;
  const query = build(db, markers).compile();
  const parameters = query.parameters.map((parameter) =>
    parameter instanceof ArgumentMarker ? (args: Args) => args[parameter.name] ?? null : () => parameter,
  );
  return { sql: query.sql, bind: (args) => parameters.map((parameter) => parameter(args)) };
}

/**
 * An INSERT of one row into `table`, compiled once (see compiledQuery). Every row must
 * name the same columns as the first: a column left out is written as NULL, not given its
 * default.
 */
export function compiledInsert<Table extends keyof Database & string>(table: Table): (db: Kysely<Database>, row: Insertable<Database[Table]>) => Promise<void> {
  // Kysely cannot follow a table chosen by a type parameter through values(); the row is that table's Insertable.
  const insert = compiledQuery((db, row: Record<string, SqlValue | undefined>) => db.insertInto(table).values(row as never));
  return async (db, row) => {
    await insert(db, row as Record<string, SqlValue | undefined>);
  };
}

/** Bound parameters per multi-row INSERT: well under SQLite's 32,766. */
const PARAMETERS_PER_BULK_INSERT = 30_000;

/** Literal SQL texts kept per bulk insert (one per row count and alike values); past this many, started afresh. */
const BULK_TEXTS_KEPT = 32;

/**
 * A multi-row INSERT into `table` for many rows at once (an import), its SQL written once per
 * row count and only bound afterwards: Kysely's builder would make an object for every value
 * of every row, which at 100,000 rows costs more than SQLite's own work. Every row must name
 * the same columns as the first (a column left out is written as NULL).
 *
 * A column holding the same short value in every row of a statement (an import's show,
 * capturer, capture time, method, status; a column nobody filled) is written into the SQL
 * once as a literal (sqlLiteral) instead of being bound row by row: binding a value — a string
 * copied into SQLite — cost more than SQLite's insert of it, and about half the columns of an
 * import's lead rows are alike. (A numbered parameter named by every row would do the same, but
 * better-sqlite3 binds an array only to unnamed parameters.)
 *
 * `onConflict`: a constant clause written after the rows (`ON CONFLICT … DO NOTHING`, an
 * upsert's `DO UPDATE`), for tables written many rows at a time that may hold some already
 * (the sync's field clocks and applied change ids).
 */
export function compiledBulkInsert<Table extends keyof Database & string>(
  table: Table,
  onConflict = '',
): (db: Kysely<Database>, rows: ReadonlyArray<Insertable<Database[Table]>>) => Promise<void> {
  const textByShape = new Map<string, string>();
  let columns: string[] | undefined;
  return async (db, rows) => {
    if (rows.length === 0) return;
    // The rows are the table's Insertable; read as plain records of SQL values.
    const records = rows as ReadonlyArray<Record<string, SqlValue | undefined>>;
    columns ??= Object.keys(records[0] as object);
    const names = columns;
    const perStatement = Math.max(1, Math.floor(PARAMETERS_PER_BULK_INSERT / names.length));
    for (let start = 0; start < records.length; start += perStatement) {
      const chunk = records.slice(start, start + perStatement);
      const literals = alikeLiterals(chunk, names);
      const shape = `${chunk.length}\u0000${literals.join('\u0000')}`;
      let text = textByShape.get(shape);
      if (text === undefined) {
        const tuple = `(${names.map((_, column) => literals[column] ?? '?').join(', ')})`;
        text = `insert into "${table}" (${names.map((name) => `"${name}"`).join(', ')}) values ${new Array<string>(chunk.length).fill(tuple).join(', ')}${onConflict && ` ${onConflict}`}`;
        if (textByShape.size >= BULK_TEXTS_KEPT) textByShape.clear();
        textByShape.set(shape, text);
      }
      const bound = names.filter((_, column) => literals[column] === undefined);
      const parameters: unknown[] = new Array(chunk.length * bound.length);
      let index = 0;
      for (const record of chunk) for (const name of bound) parameters[index++] = record[name] ?? null;
      await db.executeQuery(CompiledQuery.raw(text, parameters));
    }
  };
}

/** A value written into SQL as a literal: longer ones are bound (their statement would be written for them alone). */
const LONGEST_LITERAL = 100;

/** Per column, the literal of the value every row of `chunk` holds in it, or undefined where they differ (or one row only). */
function alikeLiterals(chunk: ReadonlyArray<Record<string, SqlValue | undefined>>, names: readonly string[]): Array<string | undefined> {
  const first = chunk[0] as Record<string, SqlValue | undefined>;
  return names.map((name) => {
    if (chunk.length === 1) return undefined;
    const value = first[name] ?? null;
    for (const record of chunk) if ((record[name] ?? null) !== value) return undefined;
    return sqlLiteral(value);
  });
}

/**
 * `value` as SQLite reads it back from a literal — null, a safe integer, or a short string
 * without NUL (SQLite's tokenizer ends at one) with its quotes doubled, the only escape
 * SQLite's string literals have — or undefined for anything else (bound as usual).
 */
function sqlLiteral(value: SqlValue): string | undefined {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : undefined;
  if (typeof value === 'string' && value.length <= LONGEST_LITERAL && !value.includes('\u0000')) return `'${value.replaceAll("'", "''")}'`;
  return undefined;
}
