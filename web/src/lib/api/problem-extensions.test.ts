import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n';
import { parseRetryAfter, problemFromResponse } from './problem';
import { problemMessage } from './problem-message';
import { endsSession, sessionEndReason } from './session-events';

function problem(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return problemFromResponse(
    new Response(JSON.stringify({ status, ...body }), {
      status,
      headers: { 'Content-Type': 'application/problem+json', ...headers },
    }),
  );
}

describe('problem extensions', () => {
  it('keeps members beyond RFC 9457 (action, current) and knows its slug', async () => {
    const failure = await problem(403, {
      type: 'https://kassa.dev/problems/step-up-required',
      title: 'Forbidden',
      action: { type: 'refund', amount: 100 },
    });
    expect(failure.slug).toBe('step-up-required');
    expect(failure.is('step-up-required')).toBe(true);
    expect(failure.extensions).toEqual({ action: { type: 'refund', amount: 100 } });
  });

  it('reads Retry-After and says when to try again', async () => {
    const failure = await problem(
      429,
      { type: 'https://kassa.dev/problems/rate-limited', title: 'Too Many Requests', detail: 'Slow down.' },
      { 'Retry-After': '12' },
    );
    expect(failure.retryAfterSeconds).toBe(12);
    expect(problemMessage(failure, createTranslator('en'))).toBe('Slow down. Try again in 12 s.');
  });

  it('parses both forms of Retry-After', () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter('Sun, 01 Mar 2026 10:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('session end', () => {
  it('a 401 from a signed-in request ends the session; answers about credentials do not', async () => {
    const expired = await problem(401, { type: 'https://kassa.dev/problems/session-expired', title: 'x', detail: 'idle' });
    const wrongCode = await problem(401, { type: 'https://kassa.dev/problems/invalid-credentials', title: 'x' });
    expect(endsSession(expired, '/api/v1/users')).toBe(true);
    expect(sessionEndReason(expired)).toBe('idle');
    expect(endsSession(wrongCode, '/api/v1/step-up')).toBe(false);
    expect(endsSession(expired, '/api/v1/auth/totp')).toBe(false);
  });

  it('tells an absolute end from an idle one', async () => {
    const absolute = await problem(401, { type: 'https://kassa.dev/problems/session-expired', title: 'x', detail: 'absolute' });
    expect(sessionEndReason(absolute)).toBe('absolute');
  });
});
