import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { startHost, type BrowserModeHost } from './browser-mode-host';
import { screenshot } from './screenshots';

/**
 * "Forget this person" as a person asks for it at the booth: the confirmation names the
 * backups in the app's backups folder that still hold them (today's too), and forgetting
 * removes them from those backups as well. Set LEADBOOTH_SCREENSHOTS=/some/dir to keep a
 * screenshot of the confirmation.
 */

const CLI = fileURLToPath(new URL('../../electron/cli/bin.mjs', import.meta.url));

let dataDir = '';
let host: BrowserModeHost | undefined;

function cli(dbPath: string, ...args: string[]): string {
  return execFileSync(process.execPath, [CLI, '--db', dbPath, ...args], { encoding: 'utf8' });
}

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  dataDir = '';
});

test("forgetting names today's backup holding the person and removes them from it", async ({ page }) => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadbooth-e2e-forget-'));
  const dbPath = path.join(dataDir, 'leadbooth.db');
  cli(dbPath, 'staff', 'Dana Booth');
  cli(dbPath, 'events', 'add', 'Hannover Messe 2026');
  cli(dbPath, 'leads', 'add', '--json', '{"firstName":"Zephyrine","lastName":"Quaxleigh","company":"Vortimax"}');
  cli(dbPath, 'leads', 'add', '--json', '{"firstName":"Bo","lastName":"Roe","company":"Globex"}');
  cli(dbPath, 'backup');
  const folder = path.join(dataDir, 'backups');
  const holding = () => fs.readdirSync(folder).filter((name) => fs.readFileSync(path.join(folder, name)).toString('latin1').includes('Quaxleigh'));
  const backups = fs.readdirSync(folder);
  expect(holding()).toEqual(backups);

  host = await startHost(dbPath);
  await page.goto(host.url);
  await page.getByRole('tab', { name: /Leads/ }).click();
  await page.getByRole('button', { name: /Zephyrine Quaxleigh/ }).click();
  await page.getByRole('button', { name: 'Forget this person…' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText(`still hold Zephyrine Quaxleigh`);
  for (const name of backups) await expect(dialog).toContainText(name);
  await expect(dialog.getByRole('checkbox', { name: /Also remove Zephyrine Quaxleigh from/ })).toBeChecked();
  await screenshot(page, 'forget-confirmation');
  await dialog.getByRole('button', { name: 'Forget for good' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Forgotten.' })).toContainText(`Removed from ${backups.length} backup(s).`);
  expect(holding()).toEqual([]);
  expect(fs.readdirSync(folder).sort()).toEqual([...backups].sort());
});
