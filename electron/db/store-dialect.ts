import type BetterSqlite3 from 'better-sqlite3';
import {
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';
import { deadlineFromNow, lockWaitExpired, whenUnlocked } from './lock-wait';
import { WriteTurns } from './write-turns';

/** A connection's statements, prepared once (statement-cache.ts). */
export interface PreparedStatements {
  prepare(sql: string): BetterSqlite3.Statement;
  close(): void;
}

export interface StoreConnections {
  /** The one connection that writes: every transaction, and every statement that is not a plain read. */
  writer: PreparedStatements;
  /** Plain reads outside a transaction. In WAL mode it never waits for a writer, ours or another process's. */
  reader: PreparedStatements;
  /** True while the writer is inside a transaction (SQLite may end one by itself, e.g. on a full disk). */
  writerInTransaction(): boolean;
  /** How long a write may wait for the lock; tests shorten it. */
  writeWaitMs?: number;
  /** Called once per write that has waited LONG_WAIT_MS for another program's lock (the CLI says so). */
  onLockWait?: () => void;
  /** This process's queue of writes to the store (write-turns.ts); a queue of its own when not given. */
  turns?: WriteTurns;
}

/**
 * Kysely over the store's two connections, built so that a lock held by another process
 * never stops this one.
 *
 * Kysely's own SqliteDriver runs everything on one connection behind a mutex: while a save
 * waits for another process's write lock, every read waits too, and better-sqlite3's busy
 * timeout makes that wait synchronous, freezing the Electron main process or the
 * browser-mode server for its whole length. Here the write connection has a busy timeout
 * of 0 and waits asynchronously (lock-wait.ts): a transaction takes this process's write
 * turn, then BEGIN IMMEDIATE is retried on a timer until the lock is free, so nothing inside
 * a transaction ever meets a lock and no transaction needs to run twice. Reads outside a
 * transaction go to a second connection, which in WAL mode reads the last commit without
 * waiting for anyone.
 */
export class StoreDialect implements Dialect {
  readonly #connections: StoreConnections;

  constructor(connections: StoreConnections) {
    this.#connections = connections;
  }

  createDriver(): Driver {
    return new StoreDriver(this.#connections);
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }

  // Kysely's introspector is generic over the schema it reads; this dialect has no say in it.
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

class StoreDriver implements Driver {
  readonly #connections: StoreConnections;
  readonly #turns: WriteTurns;

  constructor(connections: StoreConnections) {
    this.#connections = connections;
    this.#turns = connections.turns ?? new WriteTurns();
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    // No mutex: a read needs none, and a write takes its turn when it runs.
    return new StoreConnection(this.#connections, this.#turns);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as StoreConnection).begin();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as StoreConnection).finish('COMMIT');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as StoreConnection).finish('ROLLBACK');
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as StoreConnection).release();
  }

  async destroy(): Promise<void> {
    // A read-only store reads and "writes" on one connection: closed once.
    if (this.#connections.reader !== this.#connections.writer) this.#connections.reader.close();
    this.#connections.writer.close();
  }
}

class StoreConnection implements DatabaseConnection {
  readonly #connections: StoreConnections;
  readonly #turns: WriteTurns;
  #holdsTurn = false;

  constructor(connections: StoreConnections, turns: WriteTurns) {
    this.#connections = connections;
    this.#turns = turns;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.#holdsTurn) return run<R>(this.#connections.writer.prepare(query.sql), query.parameters);
    const statement = this.#connections.reader.prepare(query.sql);
    // readonly alone would also send a connection setting (PRAGMA foreign_keys = …) to the reader.
    if (statement.readonly && statement.reader) return whenUnlocked(() => run<R>(statement, query.parameters), this.#deadline());
    // A single write outside a transaction: its own turn; failing on the lock changed nothing, so it is retried.
    const deadline = this.#deadline();
    await this.#takeTurn(deadline);
    try {
      return await whenUnlocked(() => run<R>(this.#connections.writer.prepare(query.sql), query.parameters), deadline, this.#connections.onLockWait);
    } finally {
      this.#giveTurn();
    }
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    // Nothing streams from the store today; kept correct rather than clever: the whole result, a row at a time.
    const result = await this.executeQuery<R>(query);
    for (const row of result.rows) yield { rows: [row] };
  }

  /** BEGIN IMMEDIATE once this process's turn and the file's write lock are both ours. */
  async begin(): Promise<void> {
    const deadline = this.#deadline();
    await this.#takeTurn(deadline);
    try {
      await whenUnlocked(() => this.#connections.writer.prepare('BEGIN IMMEDIATE').run(), deadline, this.#connections.onLockWait);
    } catch (error) {
      this.#giveTurn();
      throw error;
    }
  }

  async finish(statement: 'COMMIT' | 'ROLLBACK'): Promise<void> {
    // On a full disk (and some I/O errors) SQLite has already rolled back by itself; a second
    // rollback would fail with "no transaction is active" and hide the error that matters.
    if (statement === 'ROLLBACK' && !this.#connections.writerInTransaction()) return;
    this.#connections.writer.prepare(statement).run();
  }

  release(): void {
    if (!this.#holdsTurn) return;
    // A transaction Kysely could not end must not leak into the next writer's.
    if (this.#connections.writerInTransaction()) this.#connections.writer.prepare('ROLLBACK').run();
    this.#giveTurn();
  }

  async #takeTurn(deadline: number): Promise<void> {
    if (!(await this.#turns.take(deadline))) throw lockWaitExpired();
    this.#holdsTurn = true;
  }

  #giveTurn(): void {
    if (!this.#holdsTurn) return;
    this.#holdsTurn = false;
    this.#turns.give();
  }

  #deadline(): number {
    return deadlineFromNow(this.#connections.writeWaitMs);
  }
}

function run<R>(statement: BetterSqlite3.Statement, parameters: readonly unknown[]): QueryResult<R> {
  if (statement.reader) return { rows: statement.all(parameters) as R[] };
  const { changes, lastInsertRowid } = statement.run(parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}
