/**
 * The server under test may run with `--unsafe-test-clock` (scripts/e2e does):
 * then `POST /__test/clock?advance_ms=N` moves its clock and answers
 * `{"now_ms"}`. A TOTP time step is accepted once, so instead of waiting up
 * to 30 s for the next step, the tests move the server's clock one step and
 * compute the code for the server's time. Every code must then be computed
 * for the server's time, not this machine's. Servers without the test clock
 * (a 404) are waited on instead.
 */
const clockPath = '/__test/clock';

let available: boolean | undefined;

async function post(advanceMs: number): Promise<number | undefined> {
  const base = process.env.KASSA_BASE_URL;
  if (base === undefined || available === false) return undefined;
  try {
    const response = await fetch(new URL(`${clockPath}?advance_ms=${advanceMs}`, base), { method: 'POST' });
    const body = response.ok ? ((await response.json()) as { now_ms?: unknown }) : undefined;
    available = typeof body?.now_ms === 'number';
    return available ? (body?.now_ms as number) : undefined;
  } catch {
    available = false;
    return undefined;
  }
}

/** The server's time in ms (this machine's when the server has no test clock). */
export async function serverNowMs(): Promise<number> {
  return (await post(0)) ?? Date.now();
}

/** Moves the server's clock forward; undefined when it has no test clock. */
export async function advanceServerClock(ms: number): Promise<number | undefined> {
  return post(ms);
}
