import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import QRCode from 'qrcode';
import { findChromium } from './browser/chromium-location.mjs';
import { expect, test } from './app-fixture';
import { barcodePng } from '../support/barcode-images';
import { writeFakeCameraVideo } from './fake-camera';
import { completeFirstRun } from './first-run';
import { screenshot } from './screenshots';
import { TEST_CARD, testCard } from '../support/test-cards';

/**
 * The webcam at the booth, with Chromium's fake camera playing a video made here from a card
 * photo or a QR image: Space takes a snapshot that goes through the card queue; a badge's QR
 * code in the picture fills the fields. Each test launches its own Chromium, because the fake
 * camera's file is a launch flag.
 */

let dataDir = '';
let hostUrl = '';
let browser: Browser | undefined;

test.beforeEach(async ({ app }) => {
  dataDir = app.dir;
  hostUrl = (await app.start()).url;
});

test.afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

async function openWithCamera(video: string): Promise<Page> {
  browser = await chromium.launch({
    executablePath: findChromium()?.path ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(hostUrl);
  await completeFirstRun(page);
  return page;
}

test('a badge QR code held up to the camera fills the fields', async () => {
  const qr = path.join(dataDir, 'badge.png');
  await QRCode.toFile(qr, 'MECARD:N:Okafor,Chidi;ORG:Northwind Traders;EMAIL:chidi@northwind.example;;', { width: 520, margin: 4 });
  const video = path.join(dataDir, 'badge.y4m');
  await writeFakeCameraVideo(qr, video);
  const page = await openWithCamera(video);

  await page.getByRole('button', { name: 'Use the webcam' }).click();
  await expect(page.getByRole('region', { name: 'Webcam' })).toBeVisible();
  await expect(page.locator('#lead-email')).toHaveValue('chidi@northwind.example', { timeout: 15_000 });
  await expect(page.locator('#lead-lastName')).toHaveValue('Okafor');
  await expect(page.getByRole('region', { name: 'Badge' })).toContainText('Badge read (MECARD)');
  await screenshot(page, 'webcam-1-badge-qr');
});

test("a PDF417 badge with the organiser's caret record, held up to the camera, fills the fields", async () => {
  const pdf417 = path.join(dataDir, 'badge-pdf417.png');
  fs.writeFileSync(pdf417, await barcodePng('A1029384^Ana^Müller^ana@acme.example^CTO^Acme GmbH^Berlin^BE^10115^+49 30 1234567', 'PDF417', { scale: 4 }));
  const video = path.join(dataDir, 'badge-pdf417.y4m');
  await writeFakeCameraVideo(pdf417, video);
  const page = await openWithCamera(video);

  await page.getByRole('button', { name: 'Use the webcam' }).click();
  await expect(page.locator('#lead-email')).toHaveValue('ana@acme.example', { timeout: 15_000 });
  await expect(page.locator('#lead-lastName')).toHaveValue('Müller');
  await expect(page.getByRole('region', { name: 'Badge' })).toContainText('Badge read (profile "caret")');
  await screenshot(page, 'webcam-1b-badge-pdf417');
});

test('Space takes a snapshot of the card, which is read through the queue', async () => {
  const card = await testCard(TEST_CARD.clean);
  const video = path.join(dataDir, 'card.y4m');
  await writeFakeCameraVideo(card.file, video);
  const page = await openWithCamera(video);

  await page.getByRole('button', { name: 'Use the webcam' }).click();
  const live = page.getByRole('region', { name: 'Webcam' }).locator('video');
  await expect.poll(() => live.evaluate((element) => (element as HTMLVideoElement).videoWidth), { timeout: 10_000 }).toBeGreaterThan(0);
  await page.locator('body').click({ position: { x: 5, y: 400 } }); // focus off the text fields: Space is the shutter
  await page.keyboard.press('Space');
  await expect(page.getByRole('region', { name: 'Card queue' })).toContainText('webcam-');
  await screenshot(page, 'webcam-2-snapshot-queued');
  // The snapshot is read like any card photo, then opens on the form.
  await expect(page.locator('#lead-lastName')).toHaveValue(card.fields.lastName, { timeout: 30_000 });
  await screenshot(page, 'webcam-3-snapshot-read');
});
