import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './app-fixture';
import { completeFirstRun, leadList, nameField } from './first-run';
import { screenshot, SCREENSHOTS } from './screenshots';
import { testCardSet } from '../support/test-cards';

/**
 * Scanning a card at the booth, against the real host and the real OCR: pick the photo, the
 * fields fill in, Enter saves. The cards are made by the project's own renderer (test/support/test-cards.ts).
 * Set LEADBOOTH_SCREENSHOTS=/some/dir to also keep screenshots of each step there.
 */

let CARDS_DIR = '';
test.beforeAll(async () => {
  CARDS_DIR = (await testCardSet()).dir;
});

test.beforeEach(async ({ page, app }) => {
  await app.open(page);
  await completeFirstRun(page);
});

const cardPhotoInput = (page: Page) => page.getByLabel('Card photo', { exact: true }).and(page.locator('input[type=file]'));
const scanArea = (page: Page) => page.getByRole('region', { name: 'Scan a card' });

test('a scanned card fills the form and Enter saves it as a lead', async ({ page }) => {
  const expected = JSON.parse(fs.readFileSync(path.join(CARDS_DIR, 'card-001.json'), 'utf8')) as { fields: { email: string } };
  await screenshot(page, '1-scan-area-empty');

  await cardPhotoInput(page).setInputFiles(path.join(CARDS_DIR, 'card-001.jpg'));
  await expect(scanArea(page)).toContainText('Reading the card…');
  await screenshot(page, '2-scanning');

  const email = page.getByRole('textbox', { name: 'Email' });
  // The first scan may wait for the OCR worker to finish warming up.
  await expect(email).toHaveValue(expected.fields.email, { timeout: 20_000 });
  await expect(scanArea(page)).toContainText(/Filled \d+ fields? from the card/);
  await expect(page.getByRole('img', { name: /card-001\.jpg/ })).toBeVisible();
  await screenshot(page, '3-scanned');

  await email.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Saved');
  await expect(email).toHaveValue('');
  await expect(page.getByRole('img', { name: /card-001\.jpg/ })).toHaveCount(0);

  await page.keyboard.press('Alt+L');
  await expect(leadList(page).getByRole('listitem')).toHaveCount(1);
  await expect(leadList(page)).toContainText(expected.fields.email);
});

// Only for LEADBOOTH_SCREENSHOTS runs: a card whose job title the OCR misreads, with a typed name the card reads differently.
test('screenshot: a card with fields to check', async ({ page }) => {
  // A tool for looking at the screens, not a check: it runs when LEADBOOTH_SCREENSHOTS names a folder.
  test.skip(!SCREENSHOTS, 'Takes screenshots only (set LEADBOOTH_SCREENSHOTS=/some/dir).');
  await page.keyboard.type('Sam');
  await cardPhotoInput(page).setInputFiles(path.join(CARDS_DIR, 'card-025.jpg'));
  await expect(scanArea(page)).toContainText(/Filled \d+ fields? from the card/, { timeout: 20_000 });
  await screenshot(page, '3b-scanned-with-checks');
  await page.setViewportSize({ width: 700, height: 900 });
  await screenshot(page, '3c-scanned-narrow');
});

test('a file that is no photo shows the scanner’s message and the form keeps working', async ({ page, app }) => {
  const fakePhoto = path.join(app.dir, 'not-a-card.jpg');
  fs.writeFileSync(fakePhoto, 'These are meeting notes, not a photo.\n');
  await page.keyboard.type('Ben');

  await cardPhotoInput(page).setInputFiles(fakePhoto);
  const alert = scanArea(page).getByRole('alert');
  await expect(alert).toContainText('not-a-card.jpg is not an image');
  await expect(alert).toContainText('Nothing you typed was changed');
  await expect(nameField(page)).toHaveValue('Ben');
  await screenshot(page, '4-scan-error');

  await nameField(page).focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' Okafor');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Saved Ben Okafor');
  await expect(scanArea(page).getByRole('alert')).toHaveCount(0);
});

test('after a scan every filled field and Save are in view without scrolling, at 1280×800 and 1366×768', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const textFields = page
    .getByRole('form', { name: 'New lead' })
    .locator('input:not([type=file]):not([type=checkbox]):not([type=radio]):not([hidden]), textarea');
  // What the card fills: fields that were empty before the scan (Lead source starts as "Trade Show").
  const filledBefore = await textFields.evaluateAll((fields) => fields.filter((field) => (field as HTMLInputElement).value.trim() !== '').map((field) => field.id));
  await cardPhotoInput(page).setInputFiles(path.join(CARDS_DIR, 'card-001.jpg'));
  await expect(scanArea(page)).toContainText(/Filled \d+ fields? from the card/, { timeout: 20_000 });
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1366, height: 768 },
  ]) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => window.scrollTo(0, 0));
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `booth-after-scan-${viewport.width}x${viewport.height}.png`) });
    const filled = (
      await textFields.evaluateAll((fields) =>
        fields
          .filter((field) => (field as HTMLInputElement).value.trim() !== '' && (field as HTMLElement).offsetParent !== null)
          .map((field) => ({ id: field.id, bottom: field.getBoundingClientRect().bottom })),
      )
    ).filter((field) => !filledBefore.includes(field.id));
    expect(filled.length).toBeGreaterThan(2);
    // The Save bar sticks to the bottom of the window: it must be in view, and no filled field under it.
    const actions = await page.locator('.form-actions').boundingBox();
    const save = await page.getByRole('button', { name: 'Save lead' }).boundingBox();
    expect((save?.y ?? Infinity) + (save?.height ?? 0), `Save at ${viewport.width}×${viewport.height}`).toBeLessThanOrEqual(viewport.height);
    // Issue 17 §1 gives the app's header (and tabs) at most 64 px, another part of the work; a taller
    // header than that is not the booth screen's to fit, so only its excess is allowed for here.
    const headerExcess = Math.max(0, ((await page.locator('main').boundingBox())?.y ?? 0) - 64);
    for (const field of filled) {
      expect(field.bottom - headerExcess, `${field.id} at ${viewport.width}×${viewport.height} (header excess ${headerExcess} px)`).toBeLessThanOrEqual(actions?.y ?? 0);
    }
    await expect(page.getByRole('img', { name: /card-001\.jpg/ })).toBeInViewport();
  }
});
