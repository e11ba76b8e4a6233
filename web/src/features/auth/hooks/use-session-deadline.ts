import { useEffect, useState, useSyncExternalStore } from 'react';
import { lastApiRequestAtMs, subscribeApiActivity } from '@/lib/api';
import { sessionDeadline, type SessionDeadline, type SessionLimits } from '../session-deadline';

export type SessionPhase =
  | { phase: 'active'; deadline: SessionDeadline }
  | { phase: 'warning'; deadline: SessionDeadline; secondsLeft: number }
  | { phase: 'ended'; deadline: SessionDeadline };

/** Never wait longer than this in one timer: browsers clamp long timeouts, and sleeping laptops drift. */
const timerStepMaxMs = 60_000;

/**
 * Where the session stands, re-evaluated when the time comes: a timer until
 * the warning, then once a second for the countdown. Every API request (in
 * any tab) moves the deadline.
 */
export function useSessionDeadline(limits: SessionLimits, mountedAtMs: number): SessionPhase {
  const lastRequestAtMs = useSyncExternalStore(subscribeApiActivity, lastApiRequestAtMs);
  const deadline = sessionDeadline(limits, lastRequestAtMs > 0 ? lastRequestAtMs : mountedAtMs);
  const [nowMs, setNowMs] = useState(() => Date.now());

  useEffect(() => {
    const remainingMs = deadline.endsAtMs - nowMs;
    if (remainingMs <= 0) return undefined;
    const untilWarningMs = deadline.warnAtMs - nowMs;
    // In the warning: tick on the next whole second of the countdown.
    const delayMs = untilWarningMs > 0 ? Math.min(untilWarningMs, timerStepMaxMs) : remainingMs % 1000 || 1000;
    const timer = setTimeout(() => setNowMs(Date.now()), delayMs);
    return () => clearTimeout(timer);
  }, [deadline.endsAtMs, deadline.warnAtMs, nowMs]);

  // Activity resets the clock at once (the warning closes).
  useEffect(() => setNowMs(Date.now()), [lastRequestAtMs]);

  if (nowMs >= deadline.endsAtMs) return { phase: 'ended', deadline };
  if (nowMs >= deadline.warnAtMs) {
    return { phase: 'warning', deadline, secondsLeft: Math.ceil((deadline.endsAtMs - nowMs) / 1000) };
  }
  return { phase: 'active', deadline };
}
