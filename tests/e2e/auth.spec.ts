import { expect, test, type Page } from '@playwright/test';
import { screenshotDir } from './playwright.config';
import { missingNewUserMessage, missingOwnerMessage, newUserAccount, ownerAccount, ownerStatePath } from './support/accounts';
import { expectNoSeriousAxeFindings, settle } from './support/axe';
import { enterCode, mainNav, signIn, submitPassword } from './support/sign-in';
import { freshTotp, serverTotp, wrongTotp } from './support/totp';

/** These tests sign in themselves: start without the owner's stored session. */
test.use({ storageState: { cookies: [], origins: [] } });

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
});

const schemes = ['light', 'dark'] as const;

/** The identity pages, as the owner sees them. */
const settingsPages = [
  { name: 'Users', path: '/settings/users', ready: 'users-table' },
  { name: 'Roles', path: '/settings/roles', ready: 'builtin-roles' },
  { name: 'Projects', path: '/settings/projects', ready: null },
  { name: 'API keys', path: '/settings/api-keys', ready: null },
  { name: 'Audit log', path: '/settings/audit', ready: 'audit-table' },
] as const;

async function useScheme(page: Page, scheme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
  // Let the new colours reach every element before axe measures contrast.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(null)))),
  );
  await page.waitForTimeout(150);
}

test.describe('without an account', () => {
  test('the Dashboard sends a visitor to the sign-in page and back after', async ({ page }) => {
    await page.goto('/settings/users?status=active');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings%2Fusers%3Fstatus%3Dactive$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to your account' })).toBeVisible();
    await expect(page).toHaveTitle('Sign in · Kassa');
    await expect(page.getByLabel('E-mail address')).toBeFocused();
  });

  test('the idle time-out is explained on the sign-in page', async ({ page }) => {
    await page.goto('/sign-in?reason=idle');
    await expect(page.getByTestId('sign-in-notice')).toContainText('signed out after a period of inactivity');
  });

  test('wrong credentials show the server’s explanation', async ({ page }) => {
    await page.goto('/sign-in');
    await submitPassword(page, 'nobody@example.invalid', 'not the password 1');
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to your account' })).toBeVisible();
  });

  test('an unknown invitation link says so', async ({ page }) => {
    await page.goto('/invitations/no-such-invitation');
    await expect(page.getByRole('heading', { level: 1, name: 'This invitation link is no longer valid' })).toBeVisible();
  });

  for (const scheme of schemes) {
    test(`sign-in page: screenshot and axe (${scheme})`, async ({ page }) => {
      await page.goto('/sign-in');
      await useScheme(page, scheme);
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in to your account' })).toBeVisible();
      await settle(page);
      await page.screenshot({ path: `${screenshotDir}sign-in-${scheme}.png`, fullPage: true });
      await expectNoSeriousAxeFindings(page, `/sign-in (${scheme})`);
    });
  }
});

test.describe('the seeded owner', () => {
  const owner = ownerAccount();
  test.skip(owner === undefined, missingOwnerMessage);

  test('signs in with password and code, reaches the Dashboard and every identity page', async ({ page }) => {
    test.setTimeout(180_000);
    if (owner === undefined) return;
    await page.goto('/sign-in');
    await submitPassword(page, owner.email, owner.password);

    // The code step.
    await expect(page.getByRole('heading', { level: 1, name: 'Two-step verification' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Digit 1 of 6' })).toBeFocused();
    await expect(page.getByText(owner.email)).toBeVisible();
    for (const scheme of schemes) {
      await useScheme(page, scheme);
      await settle(page);
      await page.screenshot({ path: `${screenshotDir}sign-in-code-${scheme}.png`, fullPage: true });
      await expectNoSeriousAxeFindings(page, `code step (${scheme})`);
    }
    await useScheme(page, 'light');

    // A wrong code first: the server's message, and the person stays on the step.
    await enterCode(page, await wrongTotp(owner.totpSecret));
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Two-step verification' })).toBeVisible();

    await enterCode(page, await freshTotp(owner.totpSecret));
    await expect(mainNav(page)).toBeVisible({ timeout: 15_000 });
    await expect(page).toHaveURL('/');
    await expect(page.getByTestId('user-menu')).toBeVisible();

    for (const area of settingsPages) {
      await mainNav(page).getByRole('link', { name: area.name, exact: true }).click();
      await expect(page).toHaveURL(area.path);
      await expect(page.getByRole('heading', { level: 1, name: area.name })).toBeVisible();
      if (area.ready !== null) await expect(page.getByTestId(area.ready)).toBeVisible();
      await expect(page.locator('[role="alert"]')).toHaveCount(0);
      for (const scheme of schemes) {
        await useScheme(page, scheme);
        await expectNoSeriousAxeFindings(page, `${area.path} (${scheme})`);
        if (area.path === '/settings/users') {
          await settle(page);
          await page.screenshot({ path: `${screenshotDir}users-${scheme}.png`, fullPage: true });
        }
      }
      await useScheme(page, 'light');
    }

    // The owner's own row on the Users page.
    await page.goto('/settings/users');
    await expect(page.getByTestId('users-table').getByText(owner.email)).toBeVisible();

    // Profile & security, then sign out.
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Profile & security' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Profile & security' })).toBeVisible();
    await expect(page.getByTestId('profile-email')).toHaveText(owner.email);
    await expectNoSeriousAxeFindings(page, '/settings/profile (light)');
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in\?reason=signed-out/);
    await expect(page.getByTestId('sign-in-notice')).toHaveText('You have signed out.');

    // The session is gone: the Dashboard asks to sign in again.
    await page.goto('/settings/users');
    await expect(page).toHaveURL(/\/sign-in\?next=/);
  });
});

test.describe('the seeded owner, signed in by the setup project', () => {
  const owner = ownerAccount();
  test.skip(owner === undefined, missingOwnerMessage);
  test.use({ storageState: ownerStatePath });

  test('creates a project and an API key, confirming the key with a fresh code (step-up)', async ({ page }) => {
    test.setTimeout(120_000);
    if (owner === undefined) return;
    const projectName = `E2E shop ${Date.now()}`;
    const keyName = `E2E key ${Date.now()}`;

    await page.goto('/settings/projects');
    await page.getByRole('button', { name: 'New project' }).click();
    const newProject = page.getByRole('dialog', { name: 'New project' });
    await newProject.getByLabel(/^Name/).fill(projectName);
    await newProject.getByRole('button', { name: 'Create project' }).click();
    await expect(page.getByTestId('projects-table').getByText(projectName)).toBeVisible();

    await page.goto('/settings/api-keys');
    await page.getByRole('button', { name: 'Create API key' }).click();
    const create = page.getByRole('dialog', { name: 'Create an API key' });
    await create.getByLabel(/^Name/).fill(keyName);
    await create.getByRole('combobox', { name: 'Project' }).click();
    await page.getByRole('option', { name: projectName }).click();
    await create.getByRole('checkbox', { name: /payments\.read/ }).check();
    await create.getByRole('button', { name: 'Create key' }).click();

    // The server asks to confirm exactly this action.
    const stepUp = page.getByRole('dialog', { name: 'Confirm with your authenticator' });
    await expect(stepUp).toBeVisible();
    await expect(stepUp.getByTestId('step-up-action')).toContainText(keyName);
    for (const scheme of schemes) {
      await useScheme(page, scheme);
      await expectNoSeriousAxeFindings(page, `step-up dialog (${scheme})`);
    }
    await useScheme(page, 'light');
    await settle(page);
    await page.screenshot({ path: `${screenshotDir}step-up-light.png` });
    await enterCode(page, await freshTotp(owner.totpSecret));

    const secretDialog = page.getByRole('dialog', { name: 'Your new API key' });
    await expect(secretDialog.getByTestId('api-key-secret')).toHaveText(/^sk_/);
    await expectNoSeriousAxeFindings(page, 'API key secret dialog');
    await secretDialog.getByLabel('I have stored the secret safely').check();
    await secretDialog.getByRole('button', { name: 'Done' }).click();
    const row = page.getByTestId('api-keys-table').getByRole('row').filter({ hasText: keyName });
    await expect(row).toContainText('Active');
    await expect(row).toContainText('Never');

    // Revoke it again (confirming with a code if the server asks).
    await row.getByRole('button', { name: `Actions for ${keyName}` }).click();
    await page.getByRole('menuitem', { name: 'Revoke' }).click();
    await page.getByRole('dialog', { name: `Revoke ${keyName}?` }).getByRole('button', { name: 'Revoke' }).click();
    const revokeStepUp = page.getByRole('dialog', { name: 'Confirm with your authenticator' });
    await expect(row.getByText('Revoked').or(revokeStepUp)).toBeVisible();
    if (await revokeStepUp.isVisible()) await enterCode(page, await freshTotp(owner.totpSecret));
    await expect(row).toContainText('Revoked');
  });
});

test.describe('a first-time user', () => {
  const newcomer = newUserAccount();
  test.skip(newcomer === undefined, missingNewUserMessage);

  test('enrols an authenticator from the QR page and receives 10 recovery codes', async ({ page }) => {
    test.setTimeout(90_000);
    if (newcomer === undefined) return;
    await page.goto('/sign-in');
    await submitPassword(page, newcomer.email, newcomer.password);

    await expect(page.getByRole('heading', { level: 1, name: 'Set up two-step verification' })).toBeVisible();
    const qr = page.getByTestId('totp-qr');
    await expect(qr).toBeVisible();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    // The QR image really decodes as an image.
    expect(await qr.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    await settle(page);
    await page.screenshot({ path: `${screenshotDir}enrol-light.png`, fullPage: true });
    await expectNoSeriousAxeFindings(page, 'enrolment (light)');

    // The key shown for manual entry, as a person would type it.
    const shown = (await page.getByTestId('totp-secret').locator('code').innerText()).replace(/\s+/g, '');
    expect(shown).toMatch(/^[A-Z2-7]+=*$/);
    await enterCode(page, await serverTotp(shown));

    await expect(page.getByRole('heading', { level: 1, name: 'Save your recovery codes' })).toBeVisible();
    const codes = page.getByTestId('recovery-codes').getByRole('listitem');
    await expect(codes).toHaveCount(10);
    await settle(page);
    await page.screenshot({ path: `${screenshotDir}recovery-codes-light.png`, fullPage: true });

    const continueButton = page.getByRole('button', { name: 'Continue to Kassa' });
    await expect(continueButton).toBeDisabled();
    await page.getByLabel('I have saved these recovery codes').check();
    await continueButton.click();
    await expect(mainNav(page)).toBeVisible();
  });
});
