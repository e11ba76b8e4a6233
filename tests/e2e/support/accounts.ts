import { fileURLToPath } from 'node:url';

/**
 * Accounts `scripts/e2e` seeds into the server under test. Without them the
 * tests that need a session skip, so `npx playwright test` still runs
 * against any server.
 */
export interface Account {
  email: string;
  password: string;
}

export interface EnrolledAccount extends Account {
  /** Base32 TOTP secret of the account's authenticator. */
  totpSecret: string;
}

function env(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** An owner who is enrolled: KASSA_E2E_EMAIL, KASSA_E2E_PASSWORD, KASSA_E2E_TOTP_SECRET. */
export function ownerAccount(): EnrolledAccount | undefined {
  const email = env('KASSA_E2E_EMAIL');
  const password = env('KASSA_E2E_PASSWORD');
  const totpSecret = env('KASSA_E2E_TOTP_SECRET');
  if (email === undefined || password === undefined || totpSecret === undefined) return undefined;
  return { email, password, totpSecret };
}

/** A user with a password and no authenticator yet: KASSA_E2E_NEW_EMAIL, KASSA_E2E_NEW_PASSWORD. */
export function newUserAccount(): Account | undefined {
  const email = env('KASSA_E2E_NEW_EMAIL');
  const password = env('KASSA_E2E_NEW_PASSWORD');
  if (email === undefined || password === undefined) return undefined;
  return { email, password };
}

export const missingOwnerMessage =
  'needs a seeded owner: set KASSA_E2E_EMAIL, KASSA_E2E_PASSWORD and KASSA_E2E_TOTP_SECRET (scripts/e2e does)';
export const missingNewUserMessage =
  'needs a seeded user without an authenticator: set KASSA_E2E_NEW_EMAIL and KASSA_E2E_NEW_PASSWORD (scripts/e2e does)';

/** Where the setup project keeps the owner's signed-in browser state for the other specs. */
export const ownerStatePath = fileURLToPath(new URL('../test-results/.auth/owner.json', import.meta.url));

/** A project API key (`sk_…`) of the seeded company's "Web Store": KASSA_E2E_API_KEY. */
export function apiKey(): string | undefined {
  return env('KASSA_E2E_API_KEY');
}

export const missingApiKeyMessage = 'needs a project API key: set KASSA_E2E_API_KEY (scripts/e2e does)';

/**
 * The owner of the seeded demo company (`kassa seed --demo --operations N`),
 * whose months of payment history the analytics tests look at:
 * KASSA_E2E_DEMO_EMAIL, KASSA_E2E_DEMO_PASSWORD, KASSA_E2E_DEMO_TOTP_SECRET.
 */
export function demoOwnerAccount(): EnrolledAccount | undefined {
  const email = env('KASSA_E2E_DEMO_EMAIL');
  const password = env('KASSA_E2E_DEMO_PASSWORD');
  const totpSecret = env('KASSA_E2E_DEMO_TOTP_SECRET');
  if (email === undefined || password === undefined || totpSecret === undefined) return undefined;
  return { email, password, totpSecret };
}

export const missingDemoOwnerMessage =
  'needs the seeded demo company: set KASSA_E2E_DEMO_EMAIL, KASSA_E2E_DEMO_PASSWORD and KASSA_E2E_DEMO_TOTP_SECRET (scripts/e2e does)';

/** Where the analytics tests keep the demo owner's signed-in browser state. */
export const demoOwnerStatePath = fileURLToPath(new URL('../test-results/.auth/demo-owner.json', import.meta.url));
