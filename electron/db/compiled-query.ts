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

/**
 * A multi-row INSERT into `table` for many rows at once (an import), its SQL written once per
 * row count and only bound afterwards: Kysely's builder would make an object for every value
 * of every row, which at 100,000 rows costs more than SQLite's own work. Every row must name
 * the same columns as the first (a column left out is written as NULL).
 */
export function compiledBulkInsert<Table extends keyof Database & string>(table: Table): (db: Kysely<Database>, rows: ReadonlyArray<Insertable<Database[Table]>>) => Promise<void> {
  const textByCount = new Map<number, string>();
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
      let text = textByCount.get(chunk.length);
      if (text === undefined) {
        const tuple = `(${names.map(() => '?').join(', ')})`;
        text = `insert into "${table}" (${names.map((name) => `"${name}"`).join(', ')}) values ${new Array<string>(chunk.length).fill(tuple).join(', ')}`;
        textByCount.set(chunk.length, text);
      }
      const parameters: unknown[] = new Array(chunk.length * names.length);
      let index = 0;
      for (const record of chunk) for (const name of names) parameters[index++] = record[name] ?? null;
      await db.executeQuery(CompiledQuery.raw(text, parameters));
    }
  };
}
