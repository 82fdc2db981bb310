import type { Page } from '@playwright/test';
import { expect, test } from './app-fixture';
import { completeFirstRun, leadList, nameField } from './first-run';

/**
 * The walking skeleton, as a person on a fresh machine lives it: set up, type leads with
 * the keyboard only, find one, restart the app, and everything is still there.
 */

/** Types values into consecutive fields with Tab between them, the way a person at the booth does. */
async function typeFields(page: Page, values: string[]): Promise<void> {
  for (const [index, value] of values.entries()) {
    if (index > 0) await page.keyboard.press('Tab');
    if (value) await page.keyboard.type(value);
  }
}

test('first run, two leads by keyboard, search, and a restart keeps everything', async ({ page, app }) => {
  const host = await app.open(page);
  await completeFirstRun(page);

  // Lead 1: name, company, email, title, then Enter.
  await typeFields(page, ['Ana Müller', 'Acme GmbH', 'ana.mueller@acme.example', 'Head of Purchasing']);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Saved Ana Müller');
  await expect(nameField(page)).toBeFocused();
  await expect(nameField(page)).toHaveValue('');

  // Lead 2 has no company: saved anyway, with a quiet note about the export.
  await typeFields(page, ['Ben Okafor']);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Saved Ben Okafor — still needs Company for export');
  await expect(nameField(page)).toBeFocused();

  // A half-typed third lead, kept as a draft.
  const draftSaved = page.waitForResponse((response) => response.url().endsWith('/api/drafts.save'));
  await page.keyboard.type('Cleo Park');
  await draftSaved;

  // Search finds the right lead and not the other.
  await page.keyboard.press('Alt+L');
  await expect(leadList(page).getByRole('listitem')).toHaveCount(2);
  await expect(leadList(page).getByRole('listitem').first()).toContainText('Ben Okafor'); // newest first
  await expect(page.getByRole('searchbox', { name: 'Search leads' })).toBeFocused();
  await page.keyboard.type('acme');
  await expect(leadList(page).getByRole('listitem')).toHaveCount(1);
  await expect(leadList(page)).toContainText('Ana Müller');
  await expect(leadList(page)).not.toContainText('Ben Okafor');

  // Stop the app and start it again on the same file: a new token, so the new address.
  await host.stop();
  const restarted = await app.start();
  await page.goto(restarted.url);
  await expect(nameField(page)).toHaveValue('Cleo Park');
  await expect(page.getByRole('textbox', { name: /^Last name/ })).toHaveValue('Park');
  await expect(page.getByText('was not saved before LeadBooth closed')).toBeVisible();
  await page.getByRole('tab', { name: /Leads/ }).click();
  await expect(leadList(page).getByRole('listitem')).toHaveCount(2);
  await expect(leadList(page)).toContainText('Ana Müller');
  await expect(leadList(page)).toContainText('Ben Okafor');
  await expect(leadList(page)).toContainText('needs Company for export');
});

test('a bad email is shown next to the email field and nothing typed is lost', async ({ page, app }) => {
  const host = await app.open(page);
  await completeFirstRun(page);

  await typeFields(page, ['Ben Okafor', 'Globex', 'ben@globex']);
  await page.keyboard.press('Enter');

  const email = page.getByRole('textbox', { name: 'Email' });
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/does not look like an email address/);
  await expect(email).toBeFocused();
  await expect(page.getByRole('alert')).toContainText('Not saved yet');
  await expect(email).toHaveValue('ben@globex');
  await expect(nameField(page)).toHaveValue('Ben Okafor');
  await expect(page.getByRole('textbox', { name: /^Last name/ })).toHaveValue('Okafor');
  await expect(page.getByRole('textbox', { name: /^Company/ })).toHaveValue('Globex');

  // Fixed, Enter again: saved.
  await email.fill('ben@globex.example');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Saved Ben Okafor');
  await expect(email).toHaveValue('');
});
