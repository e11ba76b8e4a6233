import type { Me } from '@/lib/auth';

export type SessionLimits = Me['session'];

export interface SessionDeadline {
  /** When the server will end the session, in ms since the epoch. */
  endsAtMs: number;
  /** When to warn the person. */
  warnAtMs: number;
  /** `idle`: a request postpones the end; `absolute`: nothing does. */
  kind: 'idle' | 'absolute';
}

/**
 * The session ends `idle_timeout_seconds` after the last request, or at
 * `expires_at`, whichever comes first; the warning comes
 * `warn_before_seconds` earlier.
 */
export function sessionDeadline(limits: SessionLimits, lastRequestAtMs: number): SessionDeadline {
  const idleEndsAtMs = lastRequestAtMs + limits.idle_timeout_seconds * 1000;
  const absoluteEndsAtMs = Date.parse(limits.expires_at);
  const absolute = Number.isFinite(absoluteEndsAtMs) && absoluteEndsAtMs < idleEndsAtMs;
  const endsAtMs = absolute ? absoluteEndsAtMs : idleEndsAtMs;
  return { endsAtMs, warnAtMs: endsAtMs - limits.warn_before_seconds * 1000, kind: absolute ? 'absolute' : 'idle' };
}
