import type { Page } from '@playwright/test';
import { expect, test } from './app-fixture';
import { screenshot } from './screenshots';

/**
 * The heart of the product, as a sales manager lives it: open a lead from the list,
 * qualify it with BANT, convert it into a new account, convert a colleague of the same
 * company into that existing account, and undo a conversion.
 * Set LEADBOOTH_SCREENSHOTS=/some/dir to keep screenshots of each screen.
 */


test.beforeEach(async ({ page, app }) => {
  const { cli } = app;
  // The booth's work, done on the command line: a show and two people from one company.
  cli('staff', 'Dana Booth');
  cli('events', 'add', 'Hannover Messe 2026');
  cli('leads', 'add', '--json', '{"firstName":"Ana","lastName":"Silva","company":"Müller Antriebe GmbH","email":"ana@mueller.example"}');
  cli('leads', 'add', '--json', '{"firstName":"Bo","lastName":"Roe","company":"MULLER ANTRIEBE AG","email":"bo@mueller.example","city":"Köln"}');
  await app.open(page);
  await expect(page.getByRole('banner')).toContainText('Hannover Messe 2026');
});

async function openLead(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name: /Leads/ }).click();
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(name) })).toBeVisible();
}

test('qualify with BANT, convert into a new account, convert a colleague into it, undo', async ({ page, app }) => {
  await openLead(page, 'Ana Silva');
  await screenshot(page, 'lead-detail-new');

  // Qualify: Need met → Working, Authority met → Qualified; the timeline says so.
  const checklist = page.getByRole('region', { name: /Qualification · BANT/ });
  await checklist.getByRole('group', { name: 'Need' }).getByRole('button', { name: 'Met', exact: true }).click();
  await expect(page.locator('.detail-header .status-badge')).toHaveText('Working');
  await checklist.getByRole('group', { name: 'Authority' }).getByRole('button', { name: 'Met', exact: true }).click();
  await expect(page.locator('.detail-header .status-badge')).toHaveText('Qualified');
  await checklist.getByRole('textbox', { name: 'Budget: amount' }).fill('50k');
  await checklist.getByRole('group', { name: 'Budget' }).getByRole('button', { name: 'Met', exact: true }).click();
  await expect(checklist).toContainText('3 of 4 met');
  const timeline = page.getByRole('list', { name: 'Timeline, newest first' });
  await expect(timeline).toContainText('Status Working → Qualified, suggested by the checklist');

  // Convert into a new account; the amount comes from the Budget answer.
  await page.getByRole('button', { name: 'Convert this lead…' }).click();
  await expect(page.getByLabel('Opportunity name', { exact: true })).toHaveValue('Müller Antriebe GmbH – Hannover Messe 2026');
  await expect(page.getByLabel('Amount', { exact: true })).toHaveValue('50000');
  await page.getByLabel('Close date', { exact: true }).fill('2027-03-31');
  await screenshot(page, 'lead-convert-form');
  await page.getByRole('button', { name: 'Convert', exact: true }).click();
  const converted = page.getByRole('region', { name: 'Converted' });
  await expect(converted).toContainText('Müller Antriebe GmbH (new)');
  await expect(page.getByLabel('Company', { exact: true })).toHaveAttribute('readonly', '');
  await screenshot(page, 'lead-converted');

  // Back with Escape, to the second person of the same company: the existing account is suggested.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('list', { name: 'Leads, newest first' })).toBeVisible();
  await openLead(page, 'Bo Roe');
  await page.getByRole('button', { name: 'Convert this lead…' }).click();
  await expect(page.getByRole('radio', { name: /Müller Antriebe GmbH existing · same company name/ })).toBeChecked();
  await page.getByLabel('Do not create an opportunity').check();
  await page.getByRole('button', { name: 'Convert', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Converted' })).toContainText('Müller Antriebe GmbH (existing)');

  // One account with both contacts; its empty city was filled from Bo's lead, its name kept.
  const accounts = app.cli('accounts', 'list', '--json').trim().split('\n').map((line) => JSON.parse(line) as { id: string; name: string; city: string });
  expect(accounts).toEqual([expect.objectContaining({ name: 'Müller Antriebe GmbH', city: 'Köln' })]);
  expect(app.cli('contacts', 'list', '--json').trim().split('\n')).toHaveLength(2);

  // Undo the second conversion: the lead is editable again and its timeline records the undo.
  await openLead(page, 'Bo Roe');
  await page.getByRole('button', { name: 'Undo conversion…' }).click();
  await page.getByRole('button', { name: 'Yes, undo the conversion' }).click();
  await expect(page.getByRole('button', { name: 'Convert this lead…' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Timeline, newest first' })).toContainText('Conversion undone');
  await expect(page.getByLabel('Company', { exact: true })).not.toHaveAttribute('readonly', '');
  await screenshot(page, 'lead-after-undo');
});
