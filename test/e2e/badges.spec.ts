import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { barcodePng, photographed } from '../support/barcode-images';
import { expect, test } from './app-fixture';
import { completeFirstRun, nameField } from './first-run';
import { screenshot } from './screenshots';

/**
 * Any badge at the booth, in the real browser build under the app's CSP: photos of PDF417,
 * DataMatrix, Aztec and Code 128 badges decoded by zxing-wasm in the page (its .wasm served by
 * the app itself), an organiser's caret record read by the built-in profile, a book's EAN
 * refused in one line with the form still ready, and the same badge twice caught by the
 * duplicate warning. LEADBOOTH_SCREENSHOTS=/some/dir keeps screenshots.
 */

const CARET = 'A1029384^Ana^Müller^ana@acme.example^CTO^Acme GmbH^Berlin^BE^10115^+49 30 1234567';

let dataDir = '';
const outside: string[] = [];

test.beforeEach(async ({ page, app }) => {
  dataDir = app.dir;
  const host = await app.start();
  outside.length = 0;
  // Nothing may be fetched from anywhere but the app itself (no CDN for the .wasm).
  const appOrigin = new URL(host.url).origin;
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== appOrigin) outside.push(url);
  });
  await page.goto(host.url);
  await completeFirstRun(page);
});

const badgePhotoInput = (page: Page) => page.getByLabel('Badge photo', { exact: true }).and(page.locator('input[type=file]'));
const textbox = (page: Page, name: string) => page.locator(`#lead-${name}`);
const badgeRegion = (page: Page) => page.getByRole('region', { name: 'Badge' });

async function pickPhoto(page: Page, name: string, bytes: Buffer): Promise<void> {
  const file = path.join(dataDir, name);
  fs.writeFileSync(file, bytes);
  await badgePhotoInput(page).setInputFiles(file);
}

test('a PDF417 badge photo with the caret record fills the lead; the same badge again is a duplicate', async ({ page }) => {
  await pickPhoto(page, 'pdf417.jpg', await photographed(await barcodePng(CARET, 'PDF417'), { degrees: 3 }));
  await expect(textbox(page, 'lastName')).toHaveValue('Müller', { timeout: 15_000 });
  await expect(textbox(page, 'email')).toHaveValue('ana@acme.example');
  await expect(textbox(page, 'postalCode')).toHaveValue('10115');
  await expect(badgeRegion(page)).toContainText('Badge read (profile "caret")');
  await screenshot(page, 'badges-1-pdf417-caret');
  await nameField(page).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Saved Ana Müller');

  // Scanned again (the first beep was missed): the warning names the lead instead of saving it twice.
  await pickPhoto(page, 'pdf417-again.png', await barcodePng(CARET, 'PDF417'));
  await expect(textbox(page, 'lastName')).toHaveValue('Müller', { timeout: 15_000 });
  await nameField(page).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/same badge/)).toBeVisible();
  await screenshot(page, 'badges-2-same-badge-twice');
  expect(outside).toEqual([]);
});

test('DataMatrix, Aztec and Code 128 badges read; a book EAN is refused in one line and the next badge still reads', async ({ page }) => {
  await pickPhoto(page, 'datamatrix.png', await barcodePng('MECARD:N:Okafor,Chidi;ORG:Northwind;EMAIL:chidi@northwind.example;;', 'DataMatrix'));
  await expect(textbox(page, 'email')).toHaveValue('chidi@northwind.example', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Forget the badge' }).click();

  await pickPhoto(page, 'book.png', await barcodePng('9780306406157', 'EAN13'));
  await expect(page.getByRole('alert')).toContainText("shows a product's barcode (EAN13), not a badge");
  await screenshot(page, 'badges-3-book-ean-refused');

  await pickPhoto(page, 'code128.png', await barcodePng('REG-2026-004711', 'Code128'));
  await expect(badgeRegion(page)).toContainText('Badge id kept: REG-2026-004711', { timeout: 15_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);

  await pickPhoto(page, 'aztec.png', await barcodePng('https://reg.example/lead?attendeeId=A-77120', 'Aztec'));
  await expect(badgeRegion(page)).toContainText('Badge id kept: A-77120', { timeout: 15_000 });
  await screenshot(page, 'badges-4-aztec-url-id');
  expect(outside).toEqual([]);
});

test("a show's own badge profile, made in Show setup, reads that show's badges at the booth", async ({ page }) => {
  await page.keyboard.press('Alt+S');
  await expect(page.getByRole('heading', { name: 'Badge profiles' })).toBeVisible();
  await page.getByLabel('Profile name').fill('Expo badges');
  await page.getByLabel('Delimiter').selectOption({ label: 'semicolon ;' });
  await page.getByLabel('Fields, in order').fill('lastName, firstName, company, refId');
  await page.getByLabel('Try a scan').fill('Okafor;Chidi;Northwind Traders;77120');
  await expect(page.getByText(/Read with “Expo badges”/)).toBeVisible();
  await page.getByRole('button', { name: 'Save badge profile' }).click();
  await expect(page.getByRole('list', { name: "This show's badge profiles" })).toContainText('Expo badges');
  await screenshot(page, 'badges-5-show-setup-profiles');

  await page.keyboard.press('Alt+N');
  await page.keyboard.press('Alt+D');
  await page.keyboard.type('Okafor;Chidi;Northwind Traders;77120');
  await page.keyboard.press('Enter');
  await expect(textbox(page, 'company')).toHaveValue('Northwind Traders');
  await expect(badgeRegion(page)).toContainText('Badge read (profile "Expo badges")');
  expect(outside).toEqual([]);
});
