/**
 * `npm run docs:cli`: writes docs/cli.md from the command table (usage.ts). A test
 * (test/electron/cli/usage.test.ts) fails when the file is stale, so a changed command or
 * option lands with its page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliReference } from './usage';

export const CLI_REFERENCE_PATH = fileURLToPath(new URL('../../docs/cli.md', import.meta.url));

export async function main(): Promise<number> {
  fs.mkdirSync(path.dirname(CLI_REFERENCE_PATH), { recursive: true });
  fs.writeFileSync(CLI_REFERENCE_PATH, `${await cliReference()}\n`);
  process.stdout.write(`docs:cli: wrote ${path.relative(process.cwd(), CLI_REFERENCE_PATH)}\n`);
  return 0;
}
