import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { screenshotDir } from './playwright.config';
import { apiKey, missingApiKeyMessage, missingOwnerMessage, ownerAccount } from './support/accounts';
import { expectNoSeriousAxeFindings, settle } from './support/axe';
import { card, createPayment, shopApi, type CreatedPayment } from './support/payments-api';

/**
 * The payments screens against the real server: payments are created through
 * the API with the seeded project API key (as a shop's server would), then
 * found, opened and refunded in the browser as the seeded owner.
 */
test.skip(ownerAccount() === undefined, missingOwnerMessage);
test.skip(apiKey() === undefined, missingApiKeyMessage);
test.describe.configure({ mode: 'serial' });

/** Unique per run, so the filters find exactly this run's payments on a reused server. */
const run = Date.now().toString(36);
const buyerEmail = `e2e-${run}@buyer.example`;
const reference = (name: string) => `e2e-${run}-${name}`;

const schemes = ['light', 'dark'] as const;

let espresso: CreatedPayment;
let declined: CreatedPayment;
let authorised: CreatedPayment;

test.beforeAll(async () => {
  const key = apiKey();
  const baseURL = process.env.KASSA_BASE_URL;
  if (key === undefined || baseURL === undefined) return;
  const api = await shopApi(baseURL, key);
  espresso = await createPayment(api, {
    amount: 12500,
    currency: 'EUR',
    merchant_reference: reference('espresso'),
    card: card('4242424242424242'),
    customer: { email: buyerEmail, id: 'cus_e2e', ip: '203.0.113.7', country: 'DE' },
    description: 'Espresso machine',
    metadata: { cart: 'c-77', channel: 'web' },
  });
  declined = await createPayment(api, {
    amount: 4999,
    currency: 'EUR',
    merchant_reference: reference('grinder'),
    card: card('4000000000000002', 'Bob Declined'),
    customer: { email: `bob-${run}@buyer.example`, country: 'FR' },
    description: 'Coffee grinder',
  });
  authorised = await createPayment(api, {
    amount: 8900,
    currency: 'USD',
    merchant_reference: reference('frother'),
    capture: false,
    card: card('5555555555554444', 'Carol Mastercard'),
    customer: { email: `carol-${run}@buyer.example`, country: 'US' },
    description: 'Milk frother',
  });
  await createPayment(api, {
    amount: 150000,
    currency: 'JPY',
    merchant_reference: reference('beans'),
    method: 'apple_pay',
    wallet_token: 'tok_apple_e2e',
    customer: { email: `dai-${run}@buyer.example`, country: 'JP' },
    description: 'Beans subscription',
  });
  await createPayment(api, {
    amount: 75000,
    currency: 'EUR',
    merchant_reference: reference('contract'),
    method: 'sepa',
    iban: 'DE89370400440532013000',
    customer: { email: `frank-${run}@buyer.example`, country: 'DE' },
    description: 'Office coffee contract',
  });
  await createPayment(api, {
    amount: 2500,
    currency: 'EUR',
    merchant_reference: reference('3ds'),
    card: card('4000000000003220', 'Eve Challenge'),
    customer: { email: `eve-${run}@buyer.example`, country: 'NL' },
  });
  await api.dispose();
  expect(espresso.status).toBe('success');
  expect(declined.status).toBe('declined');
  expect(authorised.status).toBe('awaiting_capture');
});

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
});

async function useScheme(page: Page, scheme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(null)))));
  await page.waitForTimeout(150);
}

function table(page: Page) {
  return page.getByTestId('payments-table');
}

/** Opens a filter pill's editor, fills its one text field and applies it. */
async function filterByText(page: Page, pill: 'email' | 'last4' | 'reference', label: RegExp, value: string) {
  await page.getByTestId(`filter-${pill}`).getByRole('button', { name: label }).click();
  const editor = page.getByRole('dialog');
  await editor.getByRole('textbox').fill(value);
  await editor.getByRole('button', { name: 'Apply' }).click();
}

test('finds a payment by e-mail, refunds part of it, and keeps the filter in the URL', async ({ page }) => {
  await page.goto('/payments');
  await expect(table(page)).toBeVisible();
  await filterByText(page, 'email', /^E-mail/, buyerEmail);
  await expect(page).toHaveURL(new RegExp(`[?&]email=${encodeURIComponent(buyerEmail)}`));
  const row = table(page).getByRole('row').filter({ hasText: reference('espresso') });
  await expect(table(page).getByRole('row')).toHaveCount(2);
  await expect(row).toContainText('€125.00');
  await expect(row).toContainText('Succeeded');
  await expect(row).toContainText('Visa •••• 4242');

  // A reload (or a shared link) shows the same view.
  await page.reload();
  await expect(table(page).getByRole('row')).toHaveCount(2);
  await expect(page.getByTestId('filter-email').getByRole('button', { name: new RegExp(buyerEmail) })).toBeVisible();

  // The export is a plain download of the same filters.
  const href = await page.getByTestId('payments-export').getAttribute('href');
  expect(href).toBe(`/api/v1/payments/export?email=${encodeURIComponent(buyerEmail)}`);
  const download = page.waitForEvent('download');
  await page.getByTestId('payments-export').click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  const lines = csv.trim().split(/\r\n/);
  expect(lines[0]).toBe(
    'id,created_at,project_id,merchant_reference,status,method,amount,currency,captured_amount,refunded_amount,charged_back_amount,customer_email,customer_country,card_brand,card_last4,description',
  );
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`"${espresso.id}"`);
  expect(lines[1]).toContain('"12500","EUR"');

  // Open it from its row.
  await row.getByText(reference('espresso')).click();
  await expect(page).toHaveURL(`/payments/${espresso.id}`);
  await expect(page.getByRole('heading', { level: 1, name: '€125.00 EUR' })).toBeVisible();
  await expect(page).toHaveTitle('Payment €125.00 · Kassa');
  await expect(page.getByTestId('payment-status')).toHaveText('Succeeded');
  await expect(page.getByTestId('refundable-amount')).toHaveText('€125.00 refundable');

  // Refund €25.00 of it.
  await page.getByRole('button', { name: 'Refund' }).click();
  const dialog = page.getByRole('dialog', { name: 'Refund payment' });
  await expect(dialog.getByTestId('refund-summary')).toHaveText('€125.00 of €125.00 can still be refunded.');
  await dialog.getByRole('radio', { name: 'Partial refund' }).check();
  await dialog.getByRole('textbox', { name: /Amount to refund/ }).fill('25');
  await dialog.getByRole('button', { name: 'Refund €25.00' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId('payment-status')).toHaveText('Partially refunded');
  await expect(page.getByTestId('payment-status')).toHaveAttribute('data-status', 'partially_refunded');
  await expect(page.getByTestId('refundable-amount')).toHaveText('€100.00 refundable');
  await expect(page.getByTestId('refundable-total')).toHaveText('€100.00');
  await expect(page.getByTestId('payment-timeline')).toContainText('Refund of €25.00');
  await expect(page.getByTestId('ledger-entries')).toContainText('Refunds');

  // A reload shows what the server holds.
  await page.reload();
  await expect(page.getByTestId('payment-status')).toHaveText('Partially refunded');
  await expect(page.getByTestId('refundable-amount')).toHaveText('€100.00 refundable');

  // Back to the list, still filtered, now showing the new status.
  await page.goto(`/payments?email=${encodeURIComponent(buyerEmail)}`);
  await expect(table(page).getByRole('row').filter({ hasText: reference('espresso') })).toContainText('Partially refunded');
});

test('finds the declined payment by its last four digits and shows why it was declined', async ({ page }) => {
  await page.goto(`/payments?merchant_reference=${reference('grinder')}`);
  await expect(table(page).getByRole('row')).toHaveCount(2);
  await page.goto('/payments');
  await filterByText(page, 'last4', /^Card last four/, '0002');
  await expect(page).toHaveURL(/[?&]last4=0002/);
  const row = table(page).getByRole('row').filter({ hasText: reference('grinder') });
  await expect(row).toContainText('Declined');
  await row.getByRole('link').click();
  await expect(page).toHaveURL(`/payments/${declined.id}`);
  await expect(page.getByTestId('payment-status')).toHaveText('Declined');
  await expect(page.getByTestId('payment-timeline')).toContainText('Code 05');
  // Nothing was captured: nothing to refund.
  await expect(page.getByRole('button', { name: 'Refund' })).toHaveCount(0);
  // The back link returns to the filtered list.
  await page.getByRole('link', { name: 'Back to Payments' }).click();
  await expect(page).toHaveURL(/\/payments\?last4=0002$/);
});

test('captures an authorisation', async ({ page }) => {
  await page.goto(`/payments/${authorised.id}`);
  await expect(page.getByTestId('payment-status')).toHaveText('Uncaptured');
  await page.getByRole('button', { name: 'Capture' }).click();
  const dialog = page.getByRole('dialog', { name: 'Capture payment' });
  await expect(dialog.getByRole('textbox', { name: 'Amount to capture' })).toHaveValue('89.00');
  await dialog.getByRole('button', { name: 'Capture $89.00' }).click();
  await expect(page.getByTestId('payment-status')).toHaveText('Succeeded');
  await expect(page.getByTestId('payment-timeline')).toContainText('Capture of $89.00');
});

test('the operations list shows the refund and leads to its payment', async ({ page }) => {
  await page.goto('/operations?type=refund');
  const row = page.getByTestId('operations-table').getByRole('row').filter({ hasText: '€25.00' }).first();
  await expect(row).toContainText('Refund');
  await row.getByRole('link').click();
  await expect(page).toHaveURL(/\/payments\/pay_/);
  await expect(page.getByRole('link', { name: 'Back to Operations' })).toBeVisible();
});

test('a webhook URL on a private address is refused with the server’s reason', async ({ page }) => {
  await page.goto('/settings/webhooks');
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a webhook endpoint' });
  await dialog.getByRole('textbox', { name: /^URL/ }).fill('http://127.0.0.1:9/hooks');
  await dialog.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(dialog.getByText('the host resolves to a private, loopback or link-local address')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

for (const scheme of schemes) {
  test(`payments list and detail: axe and screenshots (${scheme})`, async ({ page }) => {
    await page.goto('/payments');
    await useScheme(page, scheme);
    await expect(table(page).getByRole('row').filter({ hasText: reference('espresso') })).toBeVisible();
    await settle(page);
    await page.screenshot({ path: `${screenshotDir}payments-list-${scheme}.png`, fullPage: true });
    await expectNoSeriousAxeFindings(page, `/payments (${scheme})`);

    // An open filter editor.
    await page.getByTestId('filter-status').getByRole('button', { name: /^Status/ }).click();
    await expect(page.getByRole('dialog', { name: 'Status' })).toBeVisible();
    await expectNoSeriousAxeFindings(page, `/payments status filter (${scheme})`);
    await page.keyboard.press('Escape');

    await page.goto(`/payments/${espresso.id}`);
    await expect(page.getByTestId('payment-status')).toBeVisible();
    await expect(page.getByTestId('ledger-entries')).toBeVisible();
    await settle(page);
    await page.screenshot({ path: `${screenshotDir}payment-detail-${scheme}.png`, fullPage: true });
    await expectNoSeriousAxeFindings(page, `/payments/${espresso.id} (${scheme})`);

    await page.getByRole('button', { name: 'Refund' }).click();
    await page.getByRole('dialog', { name: 'Refund payment' }).getByRole('radio', { name: 'Partial refund' }).check();
    await expectNoSeriousAxeFindings(page, `refund dialog (${scheme})`);
    await settle(page);
    await page.screenshot({ path: `${screenshotDir}refund-dialog-${scheme}.png` });
    await page.keyboard.press('Escape');

    for (const path of ['/operations', '/balances', '/settings/webhooks']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      await expectNoSeriousAxeFindings(page, `${path} (${scheme})`);
      if (path === '/operations') {
        await settle(page);
        await page.screenshot({ path: `${screenshotDir}operations-${scheme}.png`, fullPage: true });
      }
    }
  });
}

test('keyboard: a row opens with Enter on its link', async ({ page }) => {
  await page.goto(`/payments?email=${encodeURIComponent(buyerEmail)}`);
  const link = table(page).getByRole('link', { name: new RegExp(`^Payment of €125.00, ${reference('espresso')}$`) });
  await link.focus();
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/payments/${espresso.id}`);
});
