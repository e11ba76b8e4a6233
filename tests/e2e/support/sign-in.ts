import { expect, type Page } from '@playwright/test';
import type { EnrolledAccount } from './accounts';
import { freshTotp } from './totp';

export function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

/** The six cells of the code input: typing into the first fills them all. */
export async function enterCode(page: Page, code: string) {
  const first = page.getByRole('textbox', { name: 'Digit 1 of 6' });
  await first.click();
  await page.keyboard.type(code);
}

/** Fills e-mail and password on /sign-in and continues. */
export async function submitPassword(page: Page, email: string, password: string) {
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Signs in through the UI (password, then a fresh code) and waits for the Dashboard frame. */
export async function signIn(page: Page, account: EnrolledAccount, path = '/sign-in') {
  await page.goto(path);
  await submitPassword(page, account.email, account.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Two-step verification' })).toBeVisible();
  await enterCode(page, await freshTotp(account.totpSecret));
  await expect(mainNav(page)).toBeVisible({ timeout: 15_000 });
}
