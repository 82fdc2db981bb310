/**
 * One laptop of `npm run bench -- hub`'s first sync, in a process of its own (a laptop is a
 * machine of its own; see runFirstSync in hub.ts). Forked with an IPC channel:
 * `node electron/cli/run-ts.mjs test/bench/hub-laptop-child.ts NAME LEADS HUB_URL CODE`. It
 * seeds and joins, sends `{ ready: true }`, then answers `{ id, ask }`: 'sync' with a TimedSync,
 * 'leads' with `{ leads }` (how many it holds), 'edit' (the first 100 leads' title changed) with
 * `{}`, 'stop' with `{ cpuMs }` (this process's CPU) before it deletes its store and exits; a
 * failure with `{ id, error }`.
 */
import { updateLead } from '../../electron/services/leads-service';
import { joinLaptop, seededLaptop, timedSync } from './hub-laptop';

interface LaptopBenchMessage {
  id: number;
  ask: 'sync' | 'leads' | 'edit' | 'stop';
}

export async function main(args: string[]): Promise<number> {
  const [name, leads, hubUrl, code] = args;
  if (!name || !leads || !hubUrl || !code || !process.send) throw new Error('usage: hub-laptop-child.ts NAME LEADS HUB_URL CODE (forked with an IPC channel)');
  const send = (message: object) => process.send?.(message);
  const store = await joinLaptop(await seededLaptop(name, Number(leads)), hubUrl, code);
  const stopped = new Promise<void>((resolve) => {
    process.on('message', (message: LaptopBenchMessage) => {
      const { id, ask } = message;
      const answer = async (): Promise<object> => {
        if (ask === 'sync') return timedSync(store);
        if (ask === 'leads') return { leads: Number(store.database.sqlite.prepare('SELECT count(*) FROM leads').pluck().get()) };
        if (ask === 'edit') {
          const ids = store.database.sqlite.prepare('SELECT id FROM leads ORDER BY id LIMIT 100').pluck().all() as string[];
          for (const leadId of ids) await updateLead(store.context, leadId, { title: 'VP Incremental' });
          return {};
        }
        const cpu = process.cpuUsage();
        await store.dispose();
        return { cpuMs: (cpu.user + cpu.system) / 1000 };
      };
      // The stop's answer goes before the channel closes; a failure (a sync that met a cut connection) is answered too.
      void answer().then(
        (reply) => {
          send({ id, ...reply });
          if (ask === 'stop') resolve();
        },
        (error: unknown) => send({ id, error: error instanceof Error ? error.message : String(error) }),
      );
    });
  });
  send({ ready: true });
  await stopped;
  process.disconnect?.();
  return 0;
}
