import { expect, type Page } from '@playwright/test';

/** The New-lead form's first field: the person's whole name (its label also carries "needed for export"). */
export const nameField = (page: Page) => page.getByRole('textbox', { name: /^Name\b/ });
export const leadList = (page: Page) => page.getByRole('list', { name: 'Leads, newest first' });

/** First-run setup with the keyboard: the name field has the focus, Enter in the show name finishes. */
export async function completeFirstRun(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Welcome to LeadBooth' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Your name' })).toBeFocused();
  await page.keyboard.type('Dana Booth');
  await page.keyboard.press('Tab'); // the "which show" choice ("a new show" is picked when there is none yet)
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Show name' })).toBeFocused();
  await page.keyboard.type('Hannover Messe 2026');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('banner')).toContainText('Hannover Messe 2026');
  await expect(page.getByRole('banner')).toContainText('Dana Booth');
  await expect(nameField(page)).toBeFocused();
}
