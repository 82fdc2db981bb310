import fs from 'node:fs';
import path from 'node:path';
import { EXIT_OK } from '../cli-io';
import type { CliContext } from '../cli-context';
import type { CommandArgs } from '../parse-command-line';

export async function runServeCommand(args: CommandArgs, { dbPath, io }: CliContext): Promise<number> {
  const options = { dbPath, port: args.integer('--port') };
  // Loaded here, not at the top: it brings the whole app, which other commands' start-up should not pay for.
  const { BUILT_RENDERER_DIR, startBrowserMode } = await import('../../host/browser-mode');
  if (!fs.existsSync(path.join(BUILT_RENDERER_DIR, 'index.html'))) {
    throw new Error('The app is not built yet: run "npm run build" (or "npm start", which builds it) first.');
  }
  const browserMode = await startBrowserMode({
    dbPath: options.dbPath,
    port: options.port,
    onUnexpectedError: (error) => io.stderr(`leadbooth: unexpected error: ${String(error)}`),
  });
  io.stdout(`LeadBooth is running in browser mode. Open this address in your browser:\n\n  ${browserMode.host.url}\n`);
  io.stdout(`Data: ${options.dbPath}`);
  io.stdout('Press Ctrl+C to stop.');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await browserMode.close();
  return EXIT_OK;
}
