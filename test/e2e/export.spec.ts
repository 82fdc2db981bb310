import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './accessibility';
import { expect, test, type LeadBoothUnderTest } from './app-fixture';
import { SCREENSHOTS } from './screenshots';

/** A manager exports a batch from the Export screen through its guided flow: a real download, then the batch in the history; and imports a CSV. */

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
  // The guided flow: which leads (counted), the format (Salesforce Leads by default), the check.
  await expect(page.getByText('2 leads chosen.')).toBeVisible();
  await page.getByRole('button', { name: 'Next: format' }).click();
  await page.getByRole('button', { name: 'Next: check' }).click();
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
  await expect(history).toContainText('Salesforce Leads CSV');
  await expect(history).toContainText('2 leads: Ana Müller, Ben Okafor');
  await expect(history.getByRole('cell', { name: download.suggestedFilename() })).toBeVisible();

  // "Only leads not exported yet" is on: nothing new is left to export, and the flow says so before any format is chosen.
  await page.getByRole('button', { name: 'Export another batch' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'nothing new to export' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next: format' })).toBeDisabled();

  // Export the batch again from the history: a second download, a second row.
  const again = page.waitForEvent('download');
  await history.getByRole('button', { name: 'Export again' }).click();
  expect((await again).suggestedFilename()).toMatch(/\.csv$/);
  await expect(history.getByRole('row')).toHaveCount(3);
});

/** The window sizes the issue asks to look at; the check runs at the first. */
const WINDOW_SIZES = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** axe on the step as it is now, then (LEADBOOTH_SCREENSHOTS set) the window at each size, scrolled to `shown`: what a person sees. */
async function lookAt(page: Page, name: string, shown: Locator): Promise<void> {
  await expectNoSeriousA11yViolations(page, name);
  if (!SCREENSHOTS) return;
  for (const size of WINDOW_SIZES) {
    await page.setViewportSize(size);
    await shown.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${size.width}x${size.height}.png` });
  }
  await page.setViewportSize(WINDOW_SIZES[0]);
}

test('the guided export: which leads → format → check by person (a name opens the lead and Escape comes back) → file, summary and the names in the history', async ({ page, app }) => {
  test.setTimeout(180_000);
  seedLeads(app);
  for (const [firstName, lastName] of [['Chidi', 'Obi'], ['Dora', 'Lind'], ['Emil', 'Berg']] as const) {
    app.cli('leads', 'add', '--json', JSON.stringify({ firstName, lastName, company: 'Northwind', email: `${firstName.toLowerCase()}@northwind.example` }));
  }
  await page.setViewportSize(WINDOW_SIZES[0]);
  await app.open(page);
  await expect(page.getByRole('banner')).toContainText('Hannover Messe 2026');
  await page.keyboard.press('Alt+E');

  // 1. Which leads: this show, only those not exported yet, counted.
  const steps = page.getByRole('list', { name: 'Export steps' });
  await expect(steps.locator('[aria-current="step"]')).toContainText('Which leads');
  await expect(page.getByText('5 leads chosen.')).toBeVisible();
  await lookAt(page, 'export-1-leads', page.getByRole('button', { name: 'Next: format' }));
  // On a full-HD window the screen is a centred reading column, not left-aligned beside an empty band.
  await page.setViewportSize(WINDOW_SIZES[2]);
  const main = await page.getByRole('main').boundingBox();
  const column = await page.getByRole('tabpanel').boundingBox();
  if (!main || !column) throw new Error('no main column');
  const [left, right] = [column.x - main.x, main.x + main.width - (column.x + column.width)];
  expect(left).toBeGreaterThan(100);
  expect(Math.abs(left - right)).toBeLessThan(20);
  await page.setViewportSize(WINDOW_SIZES[0]);
  await page.getByRole('button', { name: 'Next: format' }).click();

  // 2. Format: named for people, with what each is for; the Salesforce profile under Salesforce's Leads CSV.
  await expect(steps.locator('[aria-current="step"]')).toContainText('Format');
  await expect(page.getByRole('radio', { name: /Salesforce Leads CSV/ })).toBeChecked();
  await expect(page.getByText('Salesforce profile: Lead Status values and consent')).toBeVisible();
  await page.getByRole('radio', { name: /HubSpot contacts CSV/ }).check();
  await expect(page.getByText('Salesforce profile: Lead Status values and consent')).toHaveCount(0);
  await page.getByRole('radio', { name: /Salesforce Leads CSV/ }).check();
  await lookAt(page, 'export-2-format', page.getByRole('button', { name: 'Next: check' }));
  await page.getByRole('button', { name: 'Next: check' }).click();

  // 3. Check: who Salesforce refuses, by name; the name opens the lead, Escape comes back to the same step.
  const before = page.getByRole('region', { name: 'Before exporting' });
  await expect(before).toContainText('5 leads chosen.');
  await expect(before).toContainText('Ben Okafor: Company missing');
  await lookAt(page, 'export-3-check', before);
  await before.getByRole('button', { name: 'Ben Okafor' }).click();
  await expect(page.getByRole('heading', { name: /Ben Okafor/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Before exporting' })).toContainText('Ben Okafor: Company missing');

  // 4. File: left out the lead Salesforce would refuse; the download is the file, then the summary.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export without them' }).click();
  const download = await downloading;
  const file = path.join(app.dir, download.suggestedFilename());
  await download.saveAs(file);
  const rows = parse(fs.readFileSync(file, 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
  expect(rows.map((row) => row.LastName)).toEqual(['Müller', 'Obi', 'Lind', 'Berg']);
  await expect(steps.locator('[aria-current="step"]')).toContainText('File');
  const done = page.getByRole('status').filter({ hasText: 'Exported 4 leads' });
  await expect(done).toContainText(`Exported 4 leads as ${download.suggestedFilename()}`);
  await expect(done).toContainText('Handed to your browser’s downloads.');
  await expect(page.getByRole('region', { name: 'Export summary' })).toContainText('1 lead not in the file: left out for a missing Last Name or Company');

  // The history names the batch's people: the first three, then "and 1 more" shows the rest.
  const batch = page.getByRole('table').getByRole('row').nth(1);
  await expect(batch).toContainText('Salesforce Leads CSV');
  await expect(batch).toContainText('4 leads: Ana Müller, Chidi Obi, Dora Lind and 1 more');
  await batch.getByRole('button', { name: 'and 1 more' }).click();
  await expect(batch).toContainText('4 leads: Ana Müller, Chidi Obi, Dora Lind, Emil Berg');
  await lookAt(page, 'export-4-file', batch);
});

test('"Export these N leads" from the filtered review list: the export says the filter in words and the file holds exactly those leads', async ({ page, app }) => {
  test.setTimeout(180_000);
  app.cli('staff', 'Dana Booth');
  app.cli('events', 'add', 'Hannover Messe 2026');
  const people = [
    { firstName: 'Ana', lastName: 'Müller', company: 'Acme GmbH', rating: 'Hot' },
    { firstName: 'Ari', lastName: 'Stone', company: 'Acme GmbH', rating: 'Hot', status: 'Working' },
    { firstName: 'Bea', lastName: 'Lund', company: 'Acme Tools', rating: 'Hot' },
    { firstName: 'Cleo', lastName: 'Park', company: 'Acme GmbH', rating: 'Cold' },
    { firstName: 'Gil', lastName: 'Moss', company: 'Globex', rating: 'Hot' },
  ];
  for (const person of people) app.cli('leads', 'add', '--json', JSON.stringify(person));
  // Ari went out in an earlier batch: "not exported" leaves him out.
  app.cli('export', '--format', 'vcard', '--status', 'Working', '--out', path.join(app.dir, 'earlier.vcf'));
  await page.setViewportSize(WINDOW_SIZES[0]);
  await app.open(page);
  await expect(page.getByRole('banner')).toContainText('Hannover Messe 2026');

  await page.keyboard.press('Alt+L');
  await page.getByLabel('Search leads').fill('acme');
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByLabel('Rating', { exact: true }).selectOption('Hot');
  await page.getByLabel('Exported', { exact: true }).selectOption('no');
  await page.getByRole('button', { name: /^Filters/ }).click();
  await expect(page.getByText('2 leads · captured time, newest first')).toBeVisible();
  const exportThese = page.getByRole('button', { name: 'Export these 2 leads' });
  await lookAt(page, 'review-export-these', exportThese);
  await exportThese.focus();
  await page.keyboard.press('Enter');

  // The guided export opens on the list's filter, in words; the export's own narrowing is not offered beside it.
  await expect(page.getByRole('heading', { name: 'Export and import' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /review list’s leads/ })).toBeChecked();
  const chosen = page.getByRole('status').filter({ hasText: '2 leads at Hannover Messe 2026: Hot, not exported, matching “acme”.' });
  await expect(chosen).toBeVisible();
  await expect(page.getByLabel('Only leads not exported yet')).toHaveCount(0);
  await lookAt(page, 'export-1-listed', page.getByRole('button', { name: 'Next: format' }));
  await page.getByRole('button', { name: 'Next: format' }).click();
  await page.getByRole('button', { name: 'Next: check' }).click();
  const before = page.getByRole('region', { name: 'Before exporting' });
  await expect(before).toContainText('2 leads chosen.');

  const downloading = page.waitForEvent('download');
  await before.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  const file = path.join(app.dir, download.suggestedFilename());
  await download.saveAs(file);
  const rows = parse(fs.readFileSync(file, 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
  expect(rows.map((row) => `${row.FirstName} ${row.LastName}, ${row.Company}, ${row.Rating}`).sort()).toEqual(['Ana Müller, Acme GmbH, Hot', 'Bea Lund, Acme Tools, Hot']);
  await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText('2 leads: Ana Müller, Bea Lund');

  // Back in the list, the same filter now matches nobody: both went out.
  await page.keyboard.press('Alt+L');
  await expect(page.getByText('No lead matches “acme” at Hannover Messe 2026.')).toBeVisible();
});

test('the guided import: a CSV chosen from the drop zone’s button, its columns and problem rows, then the summary', async ({ page, app }) => {
  test.setTimeout(120_000);
  app.cli('staff', 'Dana Booth');
  app.cli('events', 'add', 'Hannover Messe 2026');
  const csv = path.join(app.dir, 'badge-list.csv');
  fs.writeFileSync(csv, 'First Name,Last Name,Company,E-mail,Booth Note\nAna,Müller,Acme GmbH,ana@acme.example,demo\nBen,Okafor,Northwind,not-an-email,call back\n');
  await page.setViewportSize(WINDOW_SIZES[0]);
  await app.open(page);
  await expect(page.getByRole('banner')).toContainText('Hannover Messe 2026');
  await page.keyboard.press('Alt+E');

  const steps = page.getByRole('list', { name: 'Import steps' });
  await expect(steps.locator('[aria-current="step"]')).toContainText('Choose a file');
  await expect(page.getByRole('button', { name: 'Choose a file…' })).toBeVisible();
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await (await choosing).setFiles(csv);

  const mapping = page.getByRole('region', { name: 'Column mapping' });
  await expect(mapping).toContainText('2 rows in badge-list.csv.');
  await expect(page.getByLabel('Field for E-mail')).toHaveValue('email');
  await expect(mapping.getByRole('row', { name: /^E-mail/ })).toContainText('1 value');
  await expect(mapping).toContainText('Kept on each lead as imported fields: Booth Note.');
  await lookAt(page, 'import-2-columns', page.getByRole('button', { name: 'Import 2 rows' }));
  await page.getByRole('button', { name: 'Import 2 rows' }).click();

  await expect(steps.locator('[aria-current="step"]')).toContainText('Imported');
  await expect(page.getByRole('status').filter({ hasText: 'Added 2' })).toBeVisible();
  await lookAt(page, 'import-3-done', page.getByRole('button', { name: 'Import another file' }));
  await page.getByRole('button', { name: 'Import another file' }).click();
  await expect(steps.locator('[aria-current="step"]')).toContainText('Choose a file');
});
