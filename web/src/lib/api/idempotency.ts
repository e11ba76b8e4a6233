/**
 * `Idempotency-Key`: the server runs a state-changing request once per key
 * and answers a repeat with the first answer (`Idempotent-Replayed: true`).
 * Money-moving requests send one, so a request repeated after a lost answer
 * (a dropped connection, a second click) cannot move money twice.
 *
 * The server stores 4xx answers under the key too: a 403 step-up-required or
 * a 412 stays the answer to that key. So each attempt of a step-up round gets
 * a key of its own (`attemptKey`), and a key is tied to one request body.
 */

export const idempotencyHeaderName = 'Idempotency-Key';

/** The server takes keys of at most this many characters. */
export const idempotencyKeyLengthMax = 255;

/** A fresh random key: "web-3f1c…". */
export function newIdempotencyKey(): string {
  const random =
    typeof globalThis.crypto?.randomUUID === 'function'
      ? globalThis.crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
  return `web-${random}`;
}

/** The key of one attempt of a request: the request's key and the attempt's number. */
export function attemptKey(requestKey: string, attempt: number): string {
  return `${requestKey}.${attempt}`.slice(-idempotencyKeyLengthMax);
}

/**
 * Runs `send` with a new attempt key each time it is called (withStepUp calls
 * it again with the confirmation): `send(key)` must put the key in the headers.
 */
export function withAttemptKeys<A extends unknown[], T>(requestKey: string, send: (key: string, ...args: A) => Promise<T>) {
  let attempt = 0;
  return (...args: A): Promise<T> => {
    const key = attemptKey(requestKey, attempt);
    attempt += 1;
    return send(key, ...args);
  };
}
