import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { missingNewUserMessage, missingOwnerMessage, newUserAccount, ownerAccount, ownerStatePath } from './support/accounts';

/**
 * Browser tests of the Dashboard, run against a server that is already up:
 *   KASSA_BASE_URL=http://127.0.0.1:8080 npx playwright test
 * They use Debian's Chromium (/usr/bin/chromium); Playwright's own browser
 * downloads are never used.
 *
 * Tests that need a session use accounts the server was seeded with
 * (KASSA_E2E_EMAIL/_PASSWORD/_TOTP_SECRET, KASSA_E2E_NEW_EMAIL/_PASSWORD; see
 * support/accounts.ts) and skip without them. The `setup` project signs the
 * owner in once; the specs start from that browser state.
 */
const baseURL = process.env.KASSA_BASE_URL;
if (!baseURL) {
  throw new Error('Set KASSA_BASE_URL to the server under test, e.g. KASSA_BASE_URL=http://127.0.0.1:8080');
}

// Said once, up front: the per-test skip reasons are easy to miss in the list reporter.
if (ownerAccount() === undefined) console.warn(`e2e: tests that sign in will skip: ${missingOwnerMessage}`);
if (newUserAccount() === undefined) console.warn(`e2e: the enrolment test will skip: ${missingNewUserMessage}`);

export const screenshotDir = fileURLToPath(new URL('./screenshots/', import.meta.url));

const chromium = {
  ...devices['Desktop Chrome'],
  viewport: { width: 1440, height: 900 },
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  },
};

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    locale: 'en-US',
    timezoneId: 'UTC',
  },
  projects: [
    { name: 'setup', testMatch: 'auth.setup.ts', use: chromium },
    {
      name: 'chromium',
      dependencies: ['setup'],
      use: { ...chromium, storageState: ownerStatePath },
    },
  ],
});
