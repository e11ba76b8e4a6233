import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { test as setup } from '@playwright/test';
import { missingOwnerMessage, ownerAccount, ownerStatePath } from './support/accounts';
import { signIn } from './support/sign-in';

/**
 * Signs the owner in once and keeps the browser state (the session cookies)
 * for the specs that need a session: each sign-in spends a TOTP time step,
 * and the server refuses a step twice.
 */
setup('sign in as the seeded owner', async ({ page }) => {
  setup.setTimeout(90_000);
  mkdirSync(dirname(ownerStatePath), { recursive: true });
  const owner = ownerAccount();
  if (owner === undefined) {
    // The dependent projects still need a state file to start from.
    writeFileSync(ownerStatePath, JSON.stringify({ cookies: [], origins: [] }));
    setup.skip(true, missingOwnerMessage);
    return;
  }
  await signIn(page, owner);
  await page.context().storageState({ path: ownerStatePath });
});
