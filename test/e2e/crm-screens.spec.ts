import { expect, test, type LeadBoothUnderTest } from './app-fixture';
import type { Page } from '@playwright/test';
import { screenshot as shot } from './screenshots';

/**
 * A sales manager after the show: picks ANUM and adds a criterion of their own, sets the
 * automatic rule, runs it over the show, checks what it converted, and wins a deal.
 * The leads and their answers are seeded with the CLI, as a booth laptop would have them.
 * LEADBOOTH_SCREENSHOTS=/some/dir keeps a screenshot of every screen.
 */

const SHOW = 'Hannover Messe 2026';
const MIN_MET = 2;

/** Seeded leads: who, and which criteria (keys shared by BANT and ANUM) were met at the booth. */
const SEEDED = [
  { firstName: 'Ana', lastName: 'Müller', company: 'Acme GmbH', email: 'ana@acme.example', met: ['need', 'authority'] },
  { firstName: 'Jonas', lastName: 'Weber', company: 'ACME', email: 'jonas@acme.example', met: ['need', 'authority'] },
  { firstName: 'Chloé', lastName: 'Martin', company: 'Umbrella SA', email: 'chloe@umbrella.example', met: ['need', 'authority'] },
  { firstName: 'Ben', lastName: 'Okafor', company: 'Initech Ltd', email: 'ben@initech.example', met: ['need'] },
];
const EXPECTED_CONVERTED = SEEDED.filter((lead) => lead.met.length >= MIN_MET).length;
const EXPECTED_SKIPPED = SEEDED.length - EXPECTED_CONVERTED;

function seed({ cli }: LeadBoothUnderTest): void {
  cli('staff', 'Dana Booth');
  cli('events', 'add', SHOW, '--location', 'Hannover');
  for (const { met, ...lead } of SEEDED) {
    const saved = JSON.parse(cli('leads', 'add', '--json', JSON.stringify(lead))) as { id: string };
    cli('leads', 'qualify', saved.id, ...met.flatMap((key) => ['--criterion', `${key}=met`]));
  }
}

/** A screen at the two laptop sizes issue 17 names, then back to the spec's own size. */
async function shotAtLaptopSizes(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  for (const size of [{ width: 1280, height: 800 }, { width: 1366, height: 768 }]) {
    await page.setViewportSize(size);
    await shot(page, `${name}-${size.width}x${size.height}`);
  }
  if (before) await page.setViewportSize(before);
}

test('set up a show, run its rule, check the review list and win an opportunity', async ({ page, app }) => {
  test.setTimeout(120_000);
  seed(app);
  await app.open(page);
  await expect(page.getByRole('banner')).toContainText(SHOW);

  // Show setup, from the keyboard shortcut.
  await page.keyboard.press('Alt+S');
  await expect(page.getByRole('heading', { name: SHOW })).toBeVisible();
  await expect(page.getByRole('radio', { name: /^BANT/ })).toBeChecked();
  await shot(page, '01-show-setup-bant');

  // The show's money: its currency and what it cost, for the dashboard's cost per lead.
  await page.getByRole('textbox', { name: 'Total cost of the show' }).fill('12,000');
  await page.getByRole('combobox', { name: 'Currency' }).fill('€');
  await page.getByRole('button', { name: 'Save currency and cost' }).click();
  await expect(page.getByRole('combobox', { name: 'Currency' })).toHaveAccessibleDescription(/three-letter currency code/);
  await page.getByRole('combobox', { name: 'Currency' }).fill('eur');
  await page.getByRole('button', { name: 'Save currency and cost' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Saved: .*12.000/ })).toBeVisible();
  await shotAtLaptopSizes(page, '01b-show-setup-money');

  // ANUM replaces the criteria once confirmed.
  await page.getByRole('radio', { name: /^ANUM/ }).check();
  await page.getByRole('button', { name: 'Use ANUM' }).click();
  const criteria = page.getByRole('list', { name: 'Criteria, in the order they are asked' });
  await expect(criteria.getByRole('textbox', { name: 'Name' })).toHaveCount(4);
  await expect(criteria.getByRole('textbox', { name: 'Name' }).first()).toHaveValue('Authority');

  // A criterion of their own, asked at the booth, moved up one place: the list becomes custom.
  await page.getByRole('button', { name: '+ Add a criterion' }).click();
  const newName = criteria.getByRole('textbox', { name: 'Name' }).last();
  await expect(newName).toBeFocused();
  await page.keyboard.type('Decision date');
  await criteria.getByRole('combobox', { name: 'Answer' }).last().selectOption({ label: 'Short text' });
  await criteria.getByRole('checkbox', { name: 'Ask at the booth' }).last().check();
  await page.getByRole('button', { name: 'Move Decision date up' }).click();
  await expect(criteria.getByRole('textbox', { name: 'Name' }).nth(3)).toHaveValue('Decision date');
  await shot(page, '02-criteria-editing');
  await page.getByRole('button', { name: 'Save checklist' }).click();
  await expect(page.getByRole('radio', { name: /^Custom/ })).toBeChecked();
  await expect(page.getByText('in use')).toHaveCount(1);
  await expect(criteria.getByRole('textbox', { name: 'Name' })).toHaveCount(5);

  // The rule: at least two criteria met, into Qualification.
  await page.getByRole('checkbox', { name: 'Convert leads automatically when they meet this rule' }).check();
  await page.getByRole('spinbutton', { name: 'Criteria met, at least' }).fill(String(MIN_MET));
  await page.getByRole('combobox', { name: 'Opportunity stage' }).selectOption('Qualification');
  await page.getByRole('button', { name: 'Save rule' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved. Leads that meet the rule' })).toBeVisible();

  // Run it over the show: a summary with what was converted and skipped, and why.
  await page.getByRole('button', { name: 'Run the rule over this show now' }).click();
  const summary = page.locator('.rule-summary');
  await expect(summary).toContainText(`Converted ${EXPECTED_CONVERTED} leads`);
  await expect(summary).toContainText(`skipped ${EXPECTED_SKIPPED} lead`);
  await expect(summary).toContainText(`the rule needs ${MIN_MET}`);

  // The review list has every conversion; one is marked checked.
  const review = page.getByRole('list', { name: 'Converted automatically, to check' });
  await expect(review.getByRole('listitem')).toHaveCount(EXPECTED_CONVERTED);
  await expect(review).toContainText('Ana Müller');
  await shot(page, '03-show-setup-after-run');
  await review.getByRole('listitem').filter({ hasText: 'Chloé Martin' }).getByRole('button', { name: 'Mark as checked' }).click();
  await expect(review.getByRole('listitem')).toHaveCount(EXPECTED_CONVERTED - 1);
  await review.getByRole('listitem').first().getByRole('button', { name: 'Undo conversion' }).click();
  await shot(page, '04-review-undo-confirm');
  await review.getByRole('button', { name: 'Keep it' }).click();

  // Accounts: both Acme leads went into one account.
  await page.keyboard.press('Alt+A');
  const accounts = page.getByRole('list', { name: 'Accounts' });
  await expect(accounts.getByRole('listitem')).toHaveCount(2);
  await shot(page, '05-accounts');
  await page.getByRole('searchbox', { name: 'Search accounts' }).fill('acme');
  await expect(accounts.getByRole('listitem')).toHaveCount(1);
  await accounts.getByRole('button', { name: /Acme/ }).click();
  await expect(page.getByRole('heading', { name: /Acme/ })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Contacts' }).getByRole('listitem')).toHaveCount(2);
  await shot(page, '06-account');
  await page.getByRole('list', { name: 'Contacts' }).getByRole('button', { name: /Jonas Weber/ }).click();
  await expect(page.getByRole('heading', { name: 'Jonas Weber' })).toBeVisible();
  await shot(page, '07-contact');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: /Acme/ })).toBeVisible();

  // Contacts: every person across the accounts, found by name.
  await page.keyboard.press('Alt+C');
  const contacts = page.getByRole('list', { name: 'Contacts' });
  await expect(contacts.getByRole('listitem')).toHaveCount(EXPECTED_CONVERTED);
  await expect(contacts).toContainText('Umbrella SA');
  await shotAtLaptopSizes(page, '07b-contacts');
  await page.getByRole('searchbox', { name: 'Search contacts' }).fill('chlo');
  await expect(contacts.getByRole('listitem')).toHaveCount(1);

  // Opportunities: filter by stage, open one, log a call, lose-reason asked, then won.
  await page.keyboard.press('Alt+O');
  const table = page.getByRole('table', { name: 'Opportunities, soonest close date first' });
  await expect(table.getByRole('row')).toHaveCount(EXPECTED_CONVERTED + 1);
  await page.getByRole('combobox', { name: 'Stage' }).selectOption('Closed Won');
  await expect(page.getByText('No opportunity matches.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Stage' }).selectOption('Qualification');
  await expect(table.getByRole('row')).toHaveCount(EXPECTED_CONVERTED + 1);
  await shot(page, '08-opportunities');
  await table.getByRole('button', { name: /Umbrella/ }).first().click();
  await expect(page.getByRole('heading', { name: /Umbrella/ })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Contact roles' })).toContainText('Primary');

  await page.getByRole('textbox', { name: 'Outcome' }).fill('Sent the quote');
  await page.getByRole('button', { name: 'Log activity' }).click();
  await expect(page.getByRole('list', { name: 'Activities, newest first' })).toContainText('Sent the quote');

  await page.getByRole('button', { name: /^Closed Lost/ }).click();
  await expect(page.getByRole('combobox', { name: 'Why was it lost?' })).toBeFocused();
  await page.getByRole('button', { name: 'Mark as Closed Lost' }).click();
  await expect(page.getByRole('combobox', { name: 'Why was it lost?' })).toHaveAccessibleDescription(/Say why it was lost/);
  await shot(page, '09-opportunity-lost-reason');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('combobox', { name: 'Why was it lost?' })).toHaveCount(0);

  await page.getByRole('button', { name: /^Closed Won/ }).click();
  await expect(page.getByRole('button', { name: /^Closed Won/ })).toHaveAttribute('aria-current', 'step');
  await expect(page.getByRole('heading', { name: /Umbrella/ })).toContainText('Closed Won');
  await expect(page.getByRole('list', { name: 'Stage history, newest first' }).getByRole('listitem').first()).toContainText('Closed Won');
  await shot(page, '10-opportunity-won');

  // Its details edited in place: the amount, in the show's currency.
  await page.getByRole('button', { name: 'Edit details' }).click();
  await page.getByRole('textbox', { name: 'Amount (EUR)' }).fill('48000');
  await shotAtLaptopSizes(page, '10b-opportunity-edit');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('button', { name: 'Edit details' })).toBeVisible();
  await expect(page.getByLabel('Opportunity details')).toContainText(/€48.000/);

  // The dashboard answers "was it worth it?": 12,000 over 4 leads, one deal won.
  await page.keyboard.press('Alt+G');
  const figures = page.getByLabel(`Results: ${SHOW}`);
  await expect(figures).toContainText('Cost per lead');
  await expect(figures).toContainText(/€3.000/);
  await expect(figures).toContainText(/€48.000/);
  await expect(page.getByRole('table', { name: 'Staff leaderboard' })).toContainText('Dana Booth');
  await shotAtLaptopSizes(page, '10c-dashboard');

  // A narrow window (a laptop split with the mail program): the same screens, one column.
  await page.setViewportSize({ width: 760, height: 900 });
  await shot(page, '11-opportunity-narrow');
  await page.keyboard.press('Alt+S');
  await expect(criteria.getByRole('textbox', { name: 'Name' })).toHaveCount(5);
  await shot(page, '12-show-setup-narrow');
});
