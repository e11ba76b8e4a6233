import { expect, test, type Page } from '@playwright/test';
import { screenshotDir } from './playwright.config';
import { missingOwnerMessage, ownerAccount } from './support/accounts';
import { expectNoSeriousAxeFindings } from './support/axe';
import { mainNav } from './support/sign-in';

/**
 * The Dashboard's frame. Every page needs a session: these tests start from
 * the owner's browser state that the setup project signed in (see
 * auth.setup.ts), and skip when the server was not seeded with an owner.
 */
test.skip(ownerAccount() === undefined, missingOwnerMessage);

/** The Dashboard's areas, in navbar order. */
const areas = [
  { name: 'Overview', path: '/' },
  { name: 'Payments', path: '/payments' },
  { name: 'Operations', path: '/operations' },
  { name: 'Payment links', path: '/links' },
  { name: 'Payouts', path: '/payouts' },
  { name: 'Balances', path: '/balances' },
  { name: 'Fraud', path: '/fraud' },
  { name: 'Chargebacks', path: '/chargebacks' },
  { name: 'Reports', path: '/reports' },
  { name: 'Projects', path: '/settings/projects' },
  { name: 'FX rates', path: '/settings/fx-rates' },
  { name: 'Users', path: '/settings/users' },
  { name: 'Roles', path: '/settings/roles' },
  { name: 'API keys', path: '/settings/api-keys' },
  { name: 'Webhooks', path: '/settings/webhooks' },
  { name: 'Audit log', path: '/settings/audit' },
];

/** Pages checked with axe in both colour schemes. */
const auditedPaths = ['/', '/payments', '/settings/profile', '/no/such/page'];

/** A bound on Tab presses when walking to an element by keyboard. */
const tabPressesMax = 40;

function systemCard(page: Page) {
  return page.getByRole('region', { name: 'System' });
}

/** The System card has finished loading: it shows the version or an error. */
async function expectSystemCardSettled(page: Page) {
  await expect(systemCard(page).locator('[data-testid="system-version"], [role="alert"]').first()).toBeVisible();
}

async function chooseColorScheme(page: Page, name: 'Light' | 'Dark' | 'System') {
  // The radio inputs of the segmented control are visually hidden; click their label.
  await page.locator('label').filter({ has: page.getByText(name, { exact: true }) }).click();
}

/** Answers /healthz and /api/v1/version in the browser, as a healthy server would. */
async function stubHealthyServer(page: Page) {
  await page.route('**/healthz', (route) => route.fulfill({ json: { status: 'ok' } }));
  await page.route('**/api/v1/version', (route) =>
    route.fulfill({ json: { version: '0.1.0', database: 'sqlite' } }),
  );
}

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
});

test('the navbar lists every area, grouped, with Overview active on /', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Overview · Kassa');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(mainNav(page).getByRole('link')).toHaveText(areas.map((area) => area.name));
  await expect(mainNav(page).getByRole('list', { name: 'Settings' }).getByRole('link')).toHaveCount(7);
  await expect(mainNav(page).locator('[aria-current="page"]')).toHaveText(['Overview']);
  await expect(page.getByRole('combobox', { name: 'Project' })).toHaveValue('All projects');
});

test('every navbar link leads to its page', async ({ page }) => {
  await page.goto('/');
  for (const area of areas) {
    await mainNav(page).getByRole('link', { name: area.name, exact: true }).click();
    await expect(page).toHaveURL(area.path);
    await expect(page.getByRole('heading', { level: 1, name: area.name })).toBeVisible();
    await expect(mainNav(page).locator('[aria-current="page"]')).toHaveText([area.name]);
  }
});

test('keyboard: skip link first, then Tab to Payments and open it with Enter', async ({ page }) => {
  await page.goto('/');
  // The frame appears once the session is confirmed (GET /me).
  await expect(mainNav(page)).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();

  const payments = mainNav(page).getByRole('link', { name: 'Payments', exact: true });
  for (let presses = 0; presses < tabPressesMax; presses += 1) {
    if (await payments.evaluate((element) => element === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(payments).toBeFocused();
  // The focus ring is visible.
  const outline = await payments.evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(outline).not.toBe('none');

  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/payments');
  await expect(page.getByRole('heading', { level: 1, name: 'Payments' })).toBeVisible();
  await expect(payments).toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveTitle('Payments · Kassa');
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/payments');
  await expect(mainNav(page)).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main-content')).toBeFocused();
  await expect(page).toHaveURL('/payments');
});

test('a deep link opens its page directly (SPA fallback)', async ({ page }) => {
  const response = await page.goto('/settings/audit');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(mainNav(page).getByRole('link', { name: 'Audit log' })).toHaveAttribute('aria-current', 'page');
});

test('an unknown route shows the 404 page inside the frame', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByText('There is no page at /no/such/page')).toBeVisible();
  await expect(mainNav(page)).toBeVisible();
  await page.getByRole('link', { name: 'Back to overview' }).click();
  await expect(page).toHaveURL('/');
});

test('the project in the URL is kept across navigation', async ({ page }) => {
  await page.goto('/payments?project=prj_demo');
  await mainNav(page).getByRole('link', { name: 'Payouts' }).click();
  await expect(page).toHaveURL('/payouts?project=prj_demo');
});

test('the theme toggle switches to dark and the choice survives a reload', async ({ page }) => {
  await page.goto('/');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
  await chooseColorScheme(page, 'Dark');
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await page.reload();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await chooseColorScheme(page, 'Light');
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
});

test('the System card shows the server version', async ({ page }) => {
  // Stubbed here so the card's loaded state is tested whatever serves the app.
  await stubHealthyServer(page);
  await page.goto('/');
  await expect(systemCard(page).getByTestId('system-version')).toHaveText('0.1.0');
  await expect(systemCard(page).getByText('SQLite')).toBeVisible();
  await expect(systemCard(page).getByText('Operational')).toBeVisible();
});

test('the System card explains a failing server and retries', async ({ page }) => {
  let healthy = false;
  await page.route('**/healthz', (route) =>
    healthy
      ? route.fulfill({ json: { status: 'ok' } })
      : route.fulfill({
          status: 503,
          contentType: 'application/problem+json',
          body: JSON.stringify({
            type: 'https://kassa.dev/problems/unavailable',
            title: 'Service Unavailable',
            status: 503,
            detail: 'The server is shutting down.',
          }),
        }),
  );
  await page.route('**/api/v1/version', (route) =>
    route.fulfill({ json: { version: '0.1.0', database: 'sqlite' } }),
  );
  await page.goto('/');
  const alert = systemCard(page).getByRole('alert');
  await expect(alert).toContainText('The server is shutting down.');
  healthy = true;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(systemCard(page).getByTestId('system-version')).toHaveText('0.1.0');
});

test('no page breaks the Content-Security-Policy (zod parses without eval)', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy|unsafe-eval|script-src/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`Content-Security-Policy violation: ${event.violatedDirective} (${event.blockedURI}) in ${event.sourceFile}:${event.lineNumber}`),
    );
  });
  // Each a fresh document: a probe for eval runs once per page load.
  for (const area of areas) {
    await page.goto(area.path);
    await expect(page.getByRole('heading', { level: 1, name: area.name })).toBeVisible();
  }
  expect(violations).toEqual([]);
});

test('the real server answers the System card', async ({ page }) => {
  await page.goto('/');
  await expectSystemCardSettled(page);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: no serious or critical findings (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    for (const path of auditedPaths) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      if (path === '/') await expectSystemCardSettled(page);
      await expectNoSeriousAxeFindings(page, `${path} (${scheme})`);
    }
    // The System card's loaded state (status badge, version), whatever serves the app.
    await stubHealthyServer(page);
    await page.goto('/');
    await expect(systemCard(page).getByTestId('system-version')).toBeVisible();
    await expectNoSeriousAxeFindings(page, `/ with a healthy server (${scheme})`);
  });

  test(`screenshot of the overview (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto('/');
    await expectSystemCardSettled(page);
    await page.evaluate(() => document.fonts.ready);
    // The suite owner’s small company; the demo company’s overview is analytics.spec.ts’s overview-{scheme}.png.
    await page.screenshot({ path: `${screenshotDir}overview-e2e-shop-${scheme}.png`, fullPage: true });
    await page.goto('/payments');
    await expect(page.getByRole('heading', { level: 1, name: 'Payments' })).toBeVisible();
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: `${screenshotDir}payments-${scheme}.png`, fullPage: true });

    // The overview as it looks with a healthy server, whatever serves the app.
    await stubHealthyServer(page);
    await page.goto('/');
    await expect(systemCard(page).getByTestId('system-version')).toBeVisible();
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: `${screenshotDir}overview-healthy-${scheme}.png`, fullPage: true });
  });
}
