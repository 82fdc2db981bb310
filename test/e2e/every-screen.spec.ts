import type { Page } from '@playwright/test';
import { openDatabase } from '../../electron/db/open-database';
import { createEvent } from '../../electron/services/events-service';
import { createLead } from '../../electron/services/leads-service';
import { createServiceContext } from '../../electron/services/service-context';
import { setStaffName } from '../../electron/services/settings-service';
import { expectNoSeriousA11yViolations } from './accessibility';
import { expect, test } from './app-fixture';
import { SCREENSHOTS } from './screenshots';

/**
 * Every screen of the side bar (and a lead's page, the help sheet and "Change show or name"), each
 * checked with axe-core (issue 17 §7: no serious or critical violation) and, when LEADBOOTH_SCREENSHOTS
 * is set, photographed at the two laptop sizes people bring to a show (§8) and on a full-HD screen.
 */

const WINDOW_SIZES = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

async function seed(dbPath: string): Promise<void> {
  const database = await openDatabase(dbPath);
  try {
    const context = createServiceContext(database.db);
    await setStaffName(context, 'Dana Booth');
    await createEvent(context, { name: 'Hannover Messe 2026' });
    const people = [
      { firstName: 'Ana', lastName: 'Zeller', company: 'Acme GmbH', email: 'ana@acme.example', rating: 'Hot', title: 'Head of Purchasing' },
      { firstName: 'Ben', lastName: 'Okafor', company: 'Northwind', email: 'ben@northwind.example', rating: 'Warm' },
      { firstName: 'Ana', lastName: 'Zeller', company: 'ACME', email: 'ana@acme.example', notes: 'wants a demo' },
    ] as const;
    for (const person of people) await createLead(context, person);
  } finally {
    await database.close();
  }
}

/** Checks the screen as it is, then photographs the window at each size: what a person sees without scrolling. */
async function checkScreen(page: Page, name: string): Promise<void> {
  await expectNoSeriousA11yViolations(page, name);
  if (!SCREENSHOTS) return;
  for (const size of WINDOW_SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${size.width}x${size.height}.png` });
  }
  await page.setViewportSize(WINDOW_SIZES[0]);
}

const SIDE_BAR_SCREENS = [
  'New lead',
  'Leads',
  'Duplicates',
  'Accounts',
  'Opportunities',
  'Dashboard',
  'Export',
  'Show setup',
  'Backups',
  'Team',
] as const;

test('every screen has no serious or critical accessibility violation', async ({ page, app }) => {
  // axe reads every element of eleven screens: on a shared two-core machine that takes minutes, not seconds.
  test.setTimeout(300_000);
  await seed(app.dbPath);
  await page.setViewportSize(WINDOW_SIZES[0]);
  await app.open(page);
  await expect(page.getByRole('banner')).toContainText('Hannover Messe 2026');

  for (const tab of SIDE_BAR_SCREENS) {
    await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    await expect(page.getByRole('tab', { name: new RegExp(`^${tab}`) })).toHaveAttribute('aria-selected', 'true');
    // Lists load after the tab opens; checking a half-drawn screen would check the loading state only.
    await page.waitForLoadState('networkidle');
    await checkScreen(page, tab.toLowerCase().replace(/ /g, '-'));
  }

  await page.getByRole('tab', { name: /^Leads/ }).click();
  await page.getByRole('list', { name: /^Leads, / }).getByRole('listitem').filter({ hasText: 'Northwind' }).getByRole('button').first().click();
  await expect(page.getByRole('heading', { name: /Ben Okafor/ })).toBeVisible();
  await checkScreen(page, 'lead-detail');

  // The shortcut sheet, opened the way the side bar says: F1 (or ? outside a text field).
  await page.keyboard.press('F1');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await checkScreen(page, 'shortcut-sheet');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.getByRole('button', { name: 'Change show or name' }).click();
  await expect(page.getByRole('textbox', { name: 'Your name' })).toBeVisible();
  await checkScreen(page, 'change-show-or-name');
});
