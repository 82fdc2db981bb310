import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, test, type LeadBoothUnderTest } from './app-fixture';

/** A manager exports a batch from the Export screen: a real download, then the batch in the history. */

/** Staff, show and two leads through the command line (the booth's entry form has its own specs). */
function seedLeads({ cli }: LeadBoothUnderTest): void {
  cli('staff', 'Dana Booth');
  cli('events', 'add', 'Hannover Messe 2026');
  cli('leads', 'add', '--json', JSON.stringify({ firstName: 'Ana', lastName: 'Müller', company: '=Acme GmbH' }));
  cli('leads', 'add', '--json', JSON.stringify({ firstName: 'Ben', lastName: 'Okafor' }));
}

test('export a Salesforce batch as a download, see it in the history, and nothing new is left', async ({ page, app }) => {
  seedLeads(app);
  await app.open(page);
  await expect(page.getByRole('banner')).toContainText('Hannover Messe 2026');

  await page.keyboard.press('Alt+E');
  await expect(page.getByRole('heading', { name: 'Export and import' })).toBeVisible();
  await expect(page.getByText('No batch exported yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Check and export…' }).click();
  const before = page.getByRole('region', { name: 'Before exporting' });
  await expect(before).toContainText('2 leads chosen.');
  await expect(before).toContainText('Ben Okafor: Company missing');

  const downloading = page.waitForEvent('download');
  await before.getByRole('button', { name: 'Export all' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^leadbooth-salesforce-leads-.*\.csv$/);
  const file = path.join(app.dir, download.suggestedFilename());
  await download.saveAs(file);
  const rows = parse(fs.readFileSync(file, 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
  expect(rows.map((row) => [row.LastName, row.Company])).toEqual([
    ['Müller', "'=Acme GmbH"],
    ['Okafor', ''],
  ]);

  const history = page.getByRole('table');
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history).toContainText('salesforce-leads');
  await expect(history.getByRole('cell', { name: download.suggestedFilename() })).toBeVisible();

  // "Only leads not exported yet" is on: nothing new is left to export.
  await page.getByLabel('Format').selectOption('vcard');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('nothing new to export');

  // Export the batch again from the history: a second download, a second row.
  const again = page.waitForEvent('download');
  await history.getByRole('button', { name: 'Export again' }).click();
  expect((await again).suggestedFilename()).toMatch(/\.csv$/);
  await expect(history.getByRole('row')).toHaveCount(3);
});
