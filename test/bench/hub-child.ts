/**
 * The hub of `npm run bench -- hub`, in a process of its own (as on the team's hub computer), so
 * the laptops' event loop and the hub's memory are measured apart. Run through tsx with an IPC
 * channel: `node electron/cli/run-ts.mjs test/bench/hub-child.ts DATA_DIR`. It sends
 * `{ url }` once listening, and answers `{ id, ask }` with `{ id, code }` (ask 'code') or
 * `{ id, rss, cpuMs }` (ask 'usage'); ask 'stop' closes it (PostgreSQL included).
 */
import { startHub } from '../../electron/hub/start-hub';

interface HubBenchMessage {
  id: number;
  ask: 'code' | 'usage' | 'stop';
}

export async function main(args: string[]): Promise<number> {
  const [dataDir] = args;
  if (!dataDir || !process.send) throw new Error('usage: hub-child.ts DATA_DIR (forked with an IPC channel)');
  const send = (message: object) => process.send?.(message);
  const hub = await startHub({ dataDir, port: 0, host: '127.0.0.1', onUnexpected: (error) => console.error('hub:', error) });
  const stopped = new Promise<void>((resolve) => {
    process.on('message', (message: HubBenchMessage) => {
      const { id, ask } = message;
      // Manager devices: every laptop receives every lead, the goal's setting (a booth device pulls its own shows only).
      if (ask === 'code') void hub.newPairingCode('manager').then((code) => send({ id, code }));
      else if (ask === 'usage') {
        const cpu = process.cpuUsage();
        send({ id, rss: process.memoryUsage().rss, cpuMs: (cpu.user + cpu.system) / 1000 });
      } else void hub.close().then(resolve);
    });
  });
  send({ url: hub.url });
  await stopped;
  process.disconnect?.();
  return 0;
}
