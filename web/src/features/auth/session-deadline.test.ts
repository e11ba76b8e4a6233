import { describe, expect, it } from 'vitest';
import { sessionDeadline } from './session-deadline';

const t0 = Date.parse('2026-03-01T10:00:00Z');

describe('sessionDeadline', () => {
  it('ends idle_timeout after the last request and warns warn_before earlier', () => {
    const deadline = sessionDeadline(
      { idle_timeout_seconds: 900, warn_before_seconds: 60, expires_at: '2026-03-01T22:00:00Z' },
      t0,
    );
    expect(deadline).toEqual({ endsAtMs: t0 + 900_000, warnAtMs: t0 + 840_000, kind: 'idle' });
  });

  it('ends at expires_at when that comes first, whatever the activity', () => {
    const deadline = sessionDeadline(
      { idle_timeout_seconds: 900, warn_before_seconds: 60, expires_at: '2026-03-01T10:05:00Z' },
      t0,
    );
    expect(deadline).toEqual({ endsAtMs: t0 + 300_000, warnAtMs: t0 + 240_000, kind: 'absolute' });
  });

  it('ignores an unreadable expires_at', () => {
    expect(sessionDeadline({ idle_timeout_seconds: 60, warn_before_seconds: 10, expires_at: 'soon' }, t0).kind).toBe('idle');
  });
});
