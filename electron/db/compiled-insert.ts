import { CompiledQuery, type Insertable, type Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * An INSERT into `table` whose SQL is compiled once. Such an INSERT is the same SQL every
 * time (one placeholder per column), yet Kysely would build and compile it on every call:
 * tens of µs, more than SQLite's own insert (a lead saved; the automatic conversion rule
 * writes seven rows a lead). Each call only binds its values in the first row's column
 * order; the statement cache then finds the prepared statement by the same text.
 *
 * Every row must name the same columns as the first: a column left out (undefined) is
 * written as NULL, not given its default.
 */
export function compiledInsert<Table extends keyof Database & string>(table: Table): (db: Kysely<Database>, row: Insertable<Database[Table]>) => Promise<void> {
  let compiled: { sql: string; columns: string[] } | undefined;
  return async (db, row) => {
    // Keyed by column name; Insertable's mapped type cannot be indexed by a plain string.
    const values = row as Record<string, unknown>;
    compiled ??= compile(db, table, values);
    const { sql, columns } = compiled;
    await db.executeQuery(CompiledQuery.raw(sql, columns.map((column) => values[column] ?? null)));
  };
}

function compile(db: Kysely<Database>, table: keyof Database & string, row: Record<string, unknown>): { sql: string; columns: string[] } {
  const columns = Object.keys(row);
  // Compiled from nulls: Kysely leaves out a column whose value is undefined, and every
  // column must keep its placeholder for the rows that come later.
  const placeholders = Object.fromEntries(columns.map((column) => [column, null]));
  // The placeholders are nulls for the table's own columns, which Kysely's types cannot follow through Object.fromEntries.
  return { sql: db.insertInto(table).values(placeholders as never).compile().sql, columns };
}
