import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import QRCode from 'qrcode';
import { expect, test } from './app-fixture';
import { completeFirstRun, leadList, nameField } from './first-run';
import { testCardSet } from '../support/test-cards';
import { screenshot } from './screenshots';

/**
 * Booth capture at full speed, against the real host, store and OCR: a batch of cards in the
 * queue, badges (QR photos and a keyboard-wedge scanner), the duplicate warning, reloads that
 * lose nothing, and a lead the CLI adds showing up in the open list. The speed figures of the
 * issue are measured here and printed as `name value unit` lines (not asserted: shared machines).
 * LEADBOOTH_SCREENSHOTS=/some/dir keeps screenshots of each state.
 */

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(repoRoot, 'electron/cli/bin.mjs');
// Cards the project's own renderer makes (test/support/test-cards.ts): 1–6 read exactly.
let CARDS_DIR = '';
test.beforeAll(async () => {
  CARDS_DIR = (await testCardSet()).dir;
});
const card = (number: number) => path.join(CARDS_DIR, `card-${String(number).padStart(3, '0')}.jpg`);
const expectedFields = (number: number) =>
  (JSON.parse(fs.readFileSync(card(number).replace(/\.jpg$/, '.json'), 'utf8')) as { fields: Record<string, string> }).fields;

let dataDir = '';
let dbPath = '';

test.beforeEach(async ({ page, app }) => {
  ({ dir: dataDir, dbPath } = app);
  await app.open(page);
  await completeFirstRun(page);
});

function figure(name: string, value: number, unit: string): void {
  const line = `${name} ${Number(value.toFixed(3))} ${unit}`;
  console.log(line);
  test.info().annotations.push({ type: 'figure', description: line });
}

const cardPhotoInput = (page: Page) => page.getByLabel('Card photo', { exact: true }).and(page.locator('input[type=file]'));
const badgePhotoInput = (page: Page) => page.getByLabel('Badge photo', { exact: true }).and(page.locator('input[type=file]'));
const queuePanel = (page: Page) => page.getByRole('region', { name: 'Card queue' });
const textbox = (page: Page, name: string) => page.locator(`#lead-${name}`);

async function saveWithEnter(page: Page): Promise<void> {
  await nameField(page).focus();
  await page.keyboard.press('Enter');
}

test.describe('the card queue', () => {
  test('three cards at once and a non-image: all scan with progress, the bad one keeps its error, Enter saves each and opens the next', async ({ page }) => {
    const notes = path.join(dataDir, 'notes.jpg');
    fs.writeFileSync(notes, 'Meeting notes, not a photo.\n');
    await cardPhotoInput(page).setInputFiles([card(1), notes, card(2), card(3)]);
    await expect(queuePanel(page)).toBeVisible();
    await screenshot(page, 'booth-01-queue-reading');

    // The first card opens on the form as soon as it is read, while the others still scan.
    const first = expectedFields(1);
    await expect(textbox(page, 'email')).toHaveValue(first.email ?? '', { timeout: 30_000 });
    await expect(textbox(page, 'lastName')).toHaveValue(first.lastName ?? '');
    await expect(textbox(page, 'firstName')).toHaveValue(first.firstName ?? '');
    await expect(queuePanel(page)).toContainText('On the form — press Enter to save');

    // Review beside the card: the focused field's box is outlined on the card as it was read.
    await textbox(page, 'email').focus();
    await expect(page.getByRole('img', { name: 'The card as the scanner read it, Email outlined' })).toBeVisible({ timeout: 10_000 });
    await screenshot(page, 'booth-01b-email-outlined');
    await page.keyboard.press('Alt+X'); // no partner for Email: nothing happens
    // Name shows first and last name joined; focused, the name is outlined, and Alt+X swaps the two.
    await nameField(page).focus();
    await expect(nameField(page)).toHaveValue(`${first.firstName ?? ''} ${first.lastName ?? ''}`.trim());
    await expect(page.getByRole('img', { name: 'The card as the scanner read it, Name outlined' })).toBeVisible({ timeout: 10_000 });
    await screenshot(page, 'booth-01c-name-outlined');
    await page.keyboard.press('Alt+X');
    await expect(textbox(page, 'firstName')).toHaveValue(first.lastName ?? '');
    await expect(page.locator('#lead-name-split')).toHaveText(`First name ${first.lastName || '—'} · Last name ${first.firstName || '—'}`);
    await page.keyboard.press('Alt+X');
    await expect(textbox(page, 'firstName')).toHaveValue(first.firstName ?? '');

    const failed = queuePanel(page).locator('[data-status=failed]');
    await expect(failed).toContainText('notes.jpg is not an image', { timeout: 30_000 });
    await expect(failed.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(queuePanel(page)).toContainText('3 of 4 read · 1 failed', { timeout: 30_000 });
    await screenshot(page, 'booth-02-queue-ready-one-failed');

    for (const number of [1, 2, 3]) {
      await expect(textbox(page, 'email')).toHaveValue(expectedFields(number).email ?? '', { timeout: 10_000 });
      await saveWithEnter(page);
      await expect(page.getByRole('status')).toContainText('Saved');
    }
    await expect(queuePanel(page).locator('li')).toHaveCount(1); // only the failed one stays
    await screenshot(page, 'booth-03-queue-all-saved');

    await page.keyboard.press('Alt+L');
    await expect(leadList(page).getByRole('listitem')).toHaveCount(3);
  });

  test('reload in the middle of a batch: the queue is still there and goes on', async ({ page }) => {
    await cardPhotoInput(page).setInputFiles([card(4), card(5), card(6)]);
    await expect(queuePanel(page).locator('li')).toHaveCount(3);
    await page.reload();
    await expect(queuePanel(page).locator('li')).toHaveCount(3);
    await expect(queuePanel(page)).toContainText('3 of 3 read', { timeout: 40_000 });
    await expect(textbox(page, 'email')).toHaveValue(expectedFields(4).email ?? '');
    await screenshot(page, 'booth-04-queue-after-reload');
  });

  test('speed: one clean card dropped → fields shown (warm scanner), and 20 cards → all ready', async ({ page }) => {
    test.setTimeout(180_000);
    // Warm-up: the first card waits for the worker to start, which the booth does at launch.
    await cardPhotoInput(page).setInputFiles(card(2));
    await expect(textbox(page, 'email')).toHaveValue(expectedFields(2).email ?? '', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Clear form' }).click();

    const expected = expectedFields(1);
    const started = Date.now();
    await cardPhotoInput(page).setInputFiles(card(1));
    await expect(textbox(page, 'email')).toHaveValue(expected.email ?? '', { timeout: 20_000 });
    figure('booth_drop_to_fields_one_card', (Date.now() - started) / 1000, 's');
    await page.getByRole('button', { name: 'Clear form' }).click();

    const twenty = Array.from({ length: 20 }, (_, index) => card(index + 11));
    const batchStarted = Date.now();
    await cardPhotoInput(page).setInputFiles(twenty);
    await expect(queuePanel(page)).toContainText('20 of 20 read', { timeout: 170_000 });
    const seconds = (Date.now() - batchStarted) / 1000;
    figure('booth_20_cards_all_ready', seconds, 's');
    figure('booth_20_cards_per_card', seconds / 20, 's');
    await screenshot(page, 'booth-05-twenty-cards-ready');
  });
});

test.describe('badges', () => {
  test('a QR photo holding a vCard, then one holding a MECARD, fill the fields', async ({ page }) => {
    const vcard = path.join(dataDir, 'vcard.png');
    await QRCode.toFile(vcard, 'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Müller;Ana\r\nORG:Acme GmbH\r\nTITLE:CTO\r\nEMAIL:ana@acme.example\r\nTEL;TYPE=CELL:+49 170 1234567\r\nEND:VCARD', { width: 480 });
    await badgePhotoInput(page).setInputFiles(vcard);
    await expect(textbox(page, 'lastName')).toHaveValue('Müller');
    await expect(textbox(page, 'company')).toHaveValue('Acme GmbH');
    await expect(textbox(page, 'mobile')).toHaveValue('+49 170 1234567');
    await expect(page.getByRole('region', { name: 'Badge' })).toContainText('Badge read (vCard)');
    await screenshot(page, 'booth-06-badge-vcard');
    await saveWithEnter(page);
    await expect(page.getByRole('status')).toContainText('Saved Ana Müller');

    const mecard = path.join(dataDir, 'mecard.png');
    await QRCode.toFile(mecard, 'MECARD:N:Okafor,Chidi;ORG:Northwind;EMAIL:chidi@northwind.example;;', { width: 480 });
    await badgePhotoInput(page).setInputFiles(mecard);
    await expect(textbox(page, 'firstName')).toHaveValue('Chidi');
    await expect(textbox(page, 'email')).toHaveValue('chidi@northwind.example');
    await saveWithEnter(page);
    await expect(page.getByRole('status')).toContainText('Saved Chidi Okafor');

    await page.keyboard.press('Alt+L');
    await expect(leadList(page).getByRole('listitem')).toHaveCount(2);
  });

  test('a keyboard-wedge scanner types a vCard into the badge field; Enter there does not save half a lead', async ({ page }) => {
    await page.keyboard.press('Alt+D');
    await expect(page.getByRole('textbox', { name: 'Badge code' })).toBeFocused();
    for (const line of ['BEGIN:VCARD', 'VERSION:3.0', 'N:Jensen;Sven', 'ORG:Globex A/S', 'EMAIL:sven@globex.example', 'END:VCARD']) {
      await page.keyboard.type(line, { delay: 2 }); // a wedge scanner types a few ms per key
      await page.keyboard.press('Enter');
    }
    await expect(textbox(page, 'firstName')).toHaveValue('Sven');
    await expect(textbox(page, 'company')).toHaveValue('Globex A/S');
    await expect(page.getByRole('status')).toHaveText('');
    await screenshot(page, 'booth-07-badge-wedge');
    await page.keyboard.press('Enter'); // the badge field is empty again: Enter saves, as everywhere
    await expect(page.getByRole('status')).toContainText('Saved Sven Jensen');

    await page.keyboard.press('Alt+D');
    await page.keyboard.type('REG-2026-004711', { delay: 2 });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Badge' })).toContainText('Badge id kept: REG-2026-004711');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toContainText('Saved');
  });
});

test('a duplicate is caught at save and merged into the existing lead', async ({ page }) => {
  for (const [name, value] of [['name', 'Ana Müller'], ['company', 'Acme GmbH'], ['notes', 'wants a demo']] as const) {
    await textbox(page, name).fill(value);
  }
  await saveWithEnter(page);
  await expect(page.getByRole('status')).toContainText('Saved Ana Müller');

  for (const [name, value] of [['name', 'ana MULLER'], ['company', 'Acme AG'], ['email', 'ana@acme.example'], ['notes', 'budget in Q3']] as const) {
    await textbox(page, name).fill(value);
  }
  await saveWithEnter(page);
  const warning = page.getByRole('alert').filter({ hasText: 'Already saved?' });
  await expect(warning).toContainText('Ana Müller, Acme GmbH — captured by Dana Booth');
  await expect(warning).toContainText('at Hannover Messe 2026 (same name and company)');
  await expect(warning.getByRole('button', { name: 'Merge into it' })).toBeFocused();
  await screenshot(page, 'booth-08-duplicate-warning');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Merged into Ana Müller');
  await expect(nameField(page)).toBeFocused();

  await page.keyboard.press('Alt+L');
  await expect(leadList(page).getByRole('listitem')).toHaveCount(1);
  await expect(leadList(page)).toContainText('ana@acme.example');
});

test('reload in the middle of typing: nothing lost', async ({ page }) => {
  await page.keyboard.type('Okafor, Chidi');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Northwind');
  await page.waitForTimeout(600); // the draft is written 300 ms after the last key
  await page.reload();
  // The draft keeps first and last name; Name shows them joined.
  await expect(nameField(page)).toHaveValue('Chidi Okafor');
  await expect(textbox(page, 'firstName')).toHaveValue('Chidi');
  await expect(textbox(page, 'lastName')).toHaveValue('Okafor');
  await expect(textbox(page, 'company')).toHaveValue('Northwind');
});

test('an error of the last name is shown at Name, where it was typed, with the focus there', async ({ page }) => {
  await page.keyboard.type(`Lena ${'Fischer-'.repeat(10)}Wolf`); // a last name over the 80 characters a CRM takes
  await page.keyboard.press('Tab');
  await page.keyboard.type('Wonka AG');
  await page.keyboard.press('Enter');
  await expect(nameField(page)).toBeFocused();
  await expect(nameField(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(nameField(page)).toHaveAccessibleDescription(/Last name: Keep this under 80 characters\./);
  await expect(textbox(page, 'lastName')).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, 'booth-10-name-error');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Fischer, Lena');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Saved Lena Fischer');
});

test('a lead added with the CLI appears in the open list; keystrokes for a typed lead', async ({ page }) => {
  // Keystrokes beyond the text for name + company + email, from the first field (Name).
  await page.setViewportSize({ width: 1280, height: 800 }); // the booth laptop's screen, for the screenshots
  await screenshot(page, 'booth-09-new-lead-form');
  let keys = 0;
  await page.keyboard.type('Lena Fischer');
  await expect(nameField(page)).toHaveAccessibleDescription('First name Lena · Last name Fischer');
  for (const text of ['Wonka AG', 'lena@wonka.example']) {
    await page.keyboard.press('Tab');
    keys += 1;
    await page.keyboard.type(text);
  }
  await screenshot(page, 'booth-09a-typed-lead');
  await page.keyboard.press('Enter');
  keys += 1;
  await expect(page.getByRole('status')).toContainText('Saved Lena Fischer');
  await expect(nameField(page)).toBeFocused();
  await screenshot(page, 'booth-09b-typed-lead-saved');
  figure('booth_typed_lead_extra_keystrokes', keys, 'keys');

  await page.keyboard.press('Alt+L');
  await expect(leadList(page).getByRole('listitem')).toHaveCount(1);
  const { stdout } = await promisify(execFile)(process.execPath, [CLI, '--db', dbPath, 'leads', 'add', '--json', JSON.stringify({ firstName: 'Cli', lastName: 'Added', company: 'Terminal Ltd' })]);
  expect(stdout).toContain('Terminal Ltd');
  await expect(leadList(page).getByRole('listitem')).toHaveCount(2, { timeout: 5_000 });
  await expect(leadList(page)).toContainText('Cli Added');
  await screenshot(page, 'booth-09-cli-lead-in-list');
});
