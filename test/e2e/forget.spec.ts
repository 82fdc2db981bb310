import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './app-fixture';
import { screenshot } from './screenshots';

/**
 * "Forget this person" as a person asks for it at the booth: the confirmation names the
 * backups in the app's backups folder that still hold them (today's too), and forgetting
 * removes them from those backups as well. Set LEADBOOTH_SCREENSHOTS=/some/dir to keep a
 * screenshot of the confirmation.
 */

test("forgetting names today's backup holding the person and removes them from it", async ({ page, app }) => {
  const { cli } = app;
  cli('staff', 'Dana Booth');
  cli('events', 'add', 'Hannover Messe 2026');
  cli('leads', 'add', '--json', '{"firstName":"Zephyrine","lastName":"Quaxleigh","company":"Vortimax"}');
  cli('leads', 'add', '--json', '{"firstName":"Bo","lastName":"Roe","company":"Globex"}');
  cli('backup');
  const folder = path.join(app.dir, 'backups');
  const holding = () => fs.readdirSync(folder).filter((name) => fs.readFileSync(path.join(folder, name)).toString('latin1').includes('Quaxleigh'));
  const backups = fs.readdirSync(folder);
  expect(holding()).toEqual(backups);

  await app.open(page);
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
