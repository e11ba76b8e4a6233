import { createHash, createHmac } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { advanceServerClock, serverNowMs } from './server-clock';

/** RFC 6238 as Kassa uses it: HMAC-SHA1, 30-second steps, 6 digits. */
export const totpStepSeconds = 30;
export const totpDigits = 6;

const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 (no padding needed; spaces and case ignored). */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of clean) {
    const index = base32Alphabet.indexOf(char);
    if (index < 0) throw new Error(`not base32: "${char}"`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** The code for one time step (RFC 4226 HOTP with the step as counter). */
export function totpForStep(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hmac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = (hmac[hmac.length - 1] ?? 0) & 0x0f;
  const binary = hmac.readUInt32BE(offset) & 0x7fffffff;
  return (binary % 10 ** totpDigits).toString().padStart(totpDigits, '0');
}

export function currentStep(nowMs: number = Date.now()): number {
  return Math.floor(nowMs / 1000 / totpStepSeconds);
}

export function totp(secret: string, nowMs: number = Date.now()): string {
  return totpForStep(secret, currentStep(nowMs));
}

/** The code valid now on the server (for a secret the server just made, e.g. at enrolment). */
export async function serverTotp(secret: string): Promise<string> {
  return totp(secret, await serverNowMs());
}

/**
 * The server refuses a code whose time step was already used (replay), also
 * across tests and worker processes: remember the last step used per secret
 * in a file, and wait for the next step when needed (at most 30 s).
 */
function stepFile(secret: string): string {
  const dir = join(tmpdir(), 'kassa-e2e-totp');
  mkdirSync(dir, { recursive: true });
  return join(dir, createHash('sha256').update(secret).digest('hex').slice(0, 16));
}

function lastUsedStep(secret: string): number {
  try {
    return Number(readFileSync(stepFile(secret), 'utf8')) || 0;
  } catch {
    return 0;
  }
}

/**
 * A code from a time step not used before. With the server's test clock:
 * move it one step on and use the code for its new time; otherwise wait for
 * the next step when this one was used already.
 */
export async function freshTotp(secret: string): Promise<string> {
  const advancedMs = await advanceServerClock(totpStepSeconds * 1000);
  if (advancedMs !== undefined) return totp(secret, advancedMs);
  for (;;) {
    const step = currentStep();
    if (step > lastUsedStep(secret)) {
      writeFileSync(stepFile(secret), String(step));
      return totpForStep(secret, step);
    }
    const nextStepMs = (step + 1) * totpStepSeconds * 1000;
    await new Promise((resolve) => setTimeout(resolve, nextStepMs - Date.now() + 250));
  }
}

/** A six-digit code that is certainly not valid now on the server (for the wrong-code test). */
export async function wrongTotp(secret: string): Promise<string> {
  const step = currentStep(await serverNowMs());
  const valid = new Set([step - 1, step, step + 1].map((candidate) => totpForStep(secret, candidate)));
  for (let guess = 0; ; guess += 1) {
    const code = guess.toString().padStart(totpDigits, '0');
    if (!valid.has(code)) return code;
  }
}
