/**
 * When the app last sent a request to the API. The server ends a session
 * after `idle_timeout_seconds` without requests, so this is the clock the
 * idle warning runs on. Tabs share it through localStorage: working in one
 * tab keeps the session (and the others' warnings) alive.
 */

/** Shared by every tab of the app on this origin. */
export const activityStorageKey = 'kassa-last-api-request';

type Listener = () => void;

let lastRequestAtMs = 0;
const listeners = new Set<Listener>();

function notify(): void {
  for (const listener of listeners) listener();
}

function readStored(): number {
  try {
    const stored = Number(window.localStorage.getItem(activityStorageKey));
    return Number.isFinite(stored) ? stored : 0;
  } catch {
    return 0;
  }
}

/** Called by the API client for every request it sends. */
export function noteApiRequest(nowMs: number = Date.now()): void {
  lastRequestAtMs = Math.max(lastRequestAtMs, nowMs);
  try {
    window.localStorage.setItem(activityStorageKey, String(lastRequestAtMs));
  } catch {
    // Storage may be unavailable (private mode); this tab's clock still works.
  }
  notify();
}

/** The time of the last request from any tab, in ms since the epoch (0: none yet). */
export function lastApiRequestAtMs(): number {
  return Math.max(lastRequestAtMs, readStored());
}

export function subscribeApiActivity(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** For tests: forget every request. */
export function resetApiActivity(): void {
  lastRequestAtMs = 0;
  try {
    window.localStorage.removeItem(activityStorageKey);
  } catch {
    // ignore
  }
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === activityStorageKey) notify();
  });
}
