import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { screenshotDir } from './playwright.config';
import { demoOwnerAccount, missingDemoOwnerMessage } from './support/accounts';
import { expectNoSeriousAxeFindings, settle } from './support/axe';
import { signIn } from './support/sign-in';

/**
 * The FX rates settings against the real server, as the demo company's owner
 * (scripts/e2e seeds the company with daily rates for a year): edit a rate in
 * the table, import a CSV that is refused line by line and then one that is
 * taken, and the screen in both colour schemes.
 */
const demo = demoOwnerAccount();
test.skip(demo === undefined, missingDemoOwnerMessage);
test.describe.configure({ mode: 'serial' });

/** This file's own signed-in state, so it does not depend on the analytics tests having run. */
const statePath = fileURLToPath(new URL('./test-results/.auth/fx-demo-owner.json', import.meta.url));
test.use({ storageState: statePath });

test.beforeAll(async ({ browser }) => {
  if (demo === undefined) return;
  test.setTimeout(90_000);
  mkdirSync(dirname(statePath), { recursive: true });
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, demo);
  await context.storageState({ path: statePath });
  await context.close();
});

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
});

/** FX days are UTC dates. */
function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** "Nov 23, 2026": how the table writes a day (en-US, UTC). */
function dayLabel(isoDate: string): string {
  return new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/**
 * A rate unique to this run with 6 decimals, the last never 0: the server
 * writes rates without trailing zeros ("0.9100" comes back as "0.91").
 */
function uniqueRate(prefix: string): string {
  const now = Date.now();
  return `${prefix}${String(now % 1000).padStart(3, '0')}${(now % 9) + 1}`;
}

async function storedRate(page: Page, day: string, currency: string): Promise<string | undefined> {
  const response = await page.request.get(`/api/v1/fx-rates?currency=${currency}&from=${day}&to=${addDays(day, 1)}`);
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { data: { rate: string }[] };
  return body.data[0]?.rate;
}

function row(page: Page, day: string, currency: string) {
  return page.getByTestId('fx-rates-table').locator(`tr[data-day="${day}"][data-currency="${currency}"]`);
}

test('edits a USD rate and sees it in the table', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'FX rates' }).click();
  await expect(page).toHaveURL(/\/settings\/fx-rates/);
  await expect(page.getByRole('heading', { level: 1, name: 'FX rates' })).toBeVisible();
  await expect(page.getByTestId('fx-reporting-currency')).toHaveText('EUR');
  await expect(page.getByText('Figures in EUR convert each operation at the rate of its UTC day')).toBeVisible();

  // Only USD: pick it in the currency filter; the URL keeps it.
  await page.getByRole('combobox', { name: 'Currencies' }).click();
  await page.getByRole('option', { name: 'USD', exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/[?&]currency=USD/);
  const table = page.getByTestId('fx-rates-table');
  await expect(table.locator('tbody tr[data-currency="USD"]').first()).toBeVisible();
  await expect(table.locator('tbody tr:not([data-currency="USD"])')).toHaveCount(0);

  const day = addDays(todayUtc(), -2);
  const rate = uniqueRate('0.90');
  await row(page, day, 'USD').getByRole('button', { name: `Edit the USD rate of ${dayLabel(day)}` }).click();
  const dialog = page.getByRole('dialog', { name: `USD on ${dayLabel(day)}` });
  await expect(dialog).toBeVisible();
  const input = dialog.getByRole('textbox', { name: /^Rate/ });
  // The client checks the rate as the server does: ten decimals are too many.
  await input.fill('0.1234567891');
  await dialog.getByRole('button', { name: 'Save rate' }).click();
  await expect(dialog.getByText('at most 9 decimals')).toBeVisible();
  await input.fill(rate);
  await dialog.getByRole('button', { name: 'Save rate' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`USD rate of ${dayLabel(day)} saved: ${rate}.`)).toBeVisible();
  await expect(row(page, day, 'USD')).toContainText(rate);
  expect(await storedRate(page, day, 'USD')).toBe(rate);
});

test('imports a CSV: a bad line is named and nothing is stored, then a good file goes in', async ({ page }) => {
  await page.goto('/settings/fx-rates?currency=GBP,CHF');
  await expect(page.getByTestId('fx-rates-table')).toBeVisible();
  const day = addDays(todayUtc(), -3);
  const gbp = uniqueRate('1.10');
  const chf = uniqueRate('1.03');
  const before = await storedRate(page, day, 'GBP');

  await page.getByRole('button', { name: 'Import CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import rates from CSV' });
  await dialog.getByText('Paste', { exact: true }).click();
  await dialog.getByRole('textbox', { name: 'CSV text' }).fill(`day,currency,rate\n${day},GBP,${gbp}\n${day},CHF,1.2.3\n`);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const errors = dialog.getByTestId('fx-import-errors');
  await expect(errors).toContainText('Nothing was imported');
  await expect(errors.getByRole('listitem')).toHaveCount(1);
  await expect(errors.getByRole('listitem')).toContainText('Line 3: the rate must be a positive decimal');
  await expect(errors.getByRole('listitem')).toContainText(`${day},CHF,1.2.3`);
  // All or nothing: the good line 2 was not stored either.
  expect(await storedRate(page, day, 'GBP')).toBe(before);

  // The good file, chosen as a file.
  await dialog.getByText('File', { exact: true }).click();
  await dialog.locator('input[type="file"]').setInputFiles({
    name: 'rates.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`day,currency,rate\n${day},GBP,${gbp}\n${day},CHF,${chf}\n`),
  });
  await expect(dialog.getByTestId('fx-import-file')).toContainText('rates.csv');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('2 rates imported.')).toBeVisible();
  await expect(row(page, day, 'GBP')).toContainText(gbp);
  await expect(row(page, day, 'CHF')).toContainText(chf);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`FX rates: axe and screenshot (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto('/settings/fx-rates?currency=USD,GBP');
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
    await expect(page.getByTestId('fx-rates-table')).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    await settle(page);
    await expectNoSeriousAxeFindings(page, `/settings/fx-rates (${scheme})`);
    await page.screenshot({ path: `${screenshotDir}fx-rates-${scheme}.png` });
  });
}
