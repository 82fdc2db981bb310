import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHub, type RunningHub } from '../../electron/hub/start-hub';
import { expectNoSeriousA11yViolations } from './accessibility';
import { expect, test } from './app-fixture';
import { completeFirstRun, nameField } from './first-run';
import { screenshot } from './screenshots';
import type { Page } from '@playwright/test';

/** The two laptop sizes people bring to a show (issue 17 §8). */
async function screenshotAtLaptopSizes(page: Page, name: string): Promise<void> {
  for (const size of [{ width: 1366, height: 768 }, { width: 1280, height: 800 }]) {
    await page.setViewportSize(size);
    await screenshot(page, `${name}-${size.width}x${size.height}`);
  }
}

/**
 * The desk side of team sync (issue 18 §4–§5) against a REAL hub on its embedded PostgreSQL,
 * started here in the Playwright worker: join it from the Team screen (over HTTPS, the
 * fingerprint shown to compare), capture a lead, see it waiting in the header, Sync now, and
 * "All on the hub". LEADBOOTH_SCREENSHOTS=/some/dir keeps the Team screen and the header.
 */

let hubDir = '';
let hub: RunningHub;

test.beforeAll(async () => {
  // initdb and the first start of PostgreSQL take 10–20 s on a loaded machine.
  test.setTimeout(180_000);
  hubDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadbooth-e2e-hub-'));
  hub = await startHub({ dataDir: hubDir, port: 0, host: '127.0.0.1', tls: true, onUnexpected: (error) => console.error(error) });
});

test.afterAll(async () => {
  await hub?.close();
  if (hubDir) fs.rmSync(hubDir, { recursive: true, force: true });
});

test('join the hub from the Team screen, capture a lead, Sync now: all on the hub', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await app.open(page);
  await completeFirstRun(page);
  const header = page.getByRole('banner');
  // A laptop that never joined shows nothing new.
  await expect(header.getByRole('button', { name: 'Sync now' })).toHaveCount(0);

  await page.keyboard.press('Alt+T');
  await expect(page.getByRole('heading', { name: 'Team', level: 2 })).toBeVisible();
  const form = page.getByRole('form', { name: "Join your team's hub" });
  await expectNoSeriousA11yViolations(page, 'team-not-joined');
  await screenshotAtLaptopSizes(page, 'team-not-joined');

  // The app's own validation first: nothing typed.
  await form.getByRole('button', { name: 'Join the hub' }).click();
  await expect(form.getByText("Give the hub's address.")).toBeVisible();
  await expect(form.getByText('Give the pairing code the hub shows.')).toBeVisible();
  // An address without its scheme is named under the field, before anything is sent.
  await form.getByLabel('Hub address').fill('192.168.1.20:8470');
  await form.getByRole('button', { name: 'Join the hub' }).click();
  await expect(form.getByText(/^Give the hub's address as the hub printed it, with http/)).toBeVisible();
  // A wrong code: the hub's one line.
  await form.getByLabel('Hub address').fill(hub.url);
  await form.getByLabel('Pairing code').fill('AAAA-AAAA-AAAA');
  await form.getByRole('button', { name: 'Join the hub' }).click();
  await expect(form.getByRole('alert')).toBeVisible();
  await screenshot(page, 'team-join-refused-1280x800');

  await form.getByLabel('Pairing code').fill(await hub.newPairingCode('manager'));
  await form.getByRole('button', { name: 'Join the hub' }).click();
  await expect(page.getByRole('region', { name: 'Hub', exact: true })).toContainText(hub.url);
  // No fingerprint was typed: the one the hub presented is pinned and shown, to compare with the hub's.
  await expect(page.getByRole('region', { name: 'Hub', exact: true })).toContainText(hub.fingerprint ?? 'a fingerprint');
  // A manager device sees the team's devices: this laptop, so far.
  await expect(page.getByRole('region', { name: 'Devices' }).getByRole('row', { name: /this laptop/ })).toContainText('manager');
  await expect(header.getByRole('button', { name: 'Sync now' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'team-joined');
  await screenshotAtLaptopSizes(page, 'team-joined');

  await page.keyboard.press('Alt+N');
  await nameField(page).fill('Grace Hopper');
  await page.keyboard.press('Enter');
  await expect(header.getByRole('status')).toContainText('1 lead not on the hub yet');
  await screenshotAtLaptopSizes(page, 'header-waiting');

  await header.getByRole('button', { name: 'Sync now' }).click();
  await expect(header.getByRole('status')).toContainText('All on the hub · last sync');
  await screenshotAtLaptopSizes(page, 'header-all-on-hub');
  await page.keyboard.press('Alt+T');
  await expect(page.getByRole('region', { name: 'Sync', exact: true })).toContainText('All on the hub');
  await expect(page.getByRole('region', { name: 'Recent sync conflicts' })).toContainText('No sync conflicts');
  await screenshotAtLaptopSizes(page, 'team-synced');
});
