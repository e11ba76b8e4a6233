import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse } from '@/testing/render';
import { createApiClient, touchesSession } from './client';
import { ApiProblem, clientProblemTypes } from './problem';

function clientAnswering(answer: (request: Request) => Response | Promise<Response>) {
  const requests: Request[] = [];
  const fetch = vi.fn(async (request: Request) => {
    requests.push(request);
    return answer(request);
  });
  const client = createApiClient({ baseUrl: 'http://kassa.test', fetch: fetch as unknown as typeof globalThis.fetch });
  return { client, requests };
}

afterEach(() => {
  document.cookie = 'kassa_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
});

describe('api client', () => {
  it('returns typed data on success', async () => {
    const { client, requests } = clientAnswering(() => jsonResponse({ version: '0.1.0', database: 'sqlite' }));
    const { data } = await client.GET('/api/v1/version');
    expect(data).toEqual({ version: '0.1.0', database: 'sqlite' });
    expect(requests[0]?.url).toBe('http://kassa.test/api/v1/version');
    expect(requests[0]?.headers.get('Accept')).toBe('application/json');
    expect(requests[0]?.credentials).toBe('same-origin');
  });

  it('rejects with an ApiProblem for problem+json answers', async () => {
    const { client } = clientAnswering(() =>
      problemResponse(503, {
        type: 'https://kassa.dev/problems/database-unavailable',
        title: 'Service Unavailable',
        detail: 'The database does not answer.',
      }),
    );
    const failure = client.GET('/readyz');
    await expect(failure).rejects.toBeInstanceOf(ApiProblem);
    await expect(failure).rejects.toMatchObject({
      status: 503,
      type: 'https://kassa.dev/problems/database-unavailable',
      detail: 'The database does not answer.',
    });
  });

  it('rejects when an HTML page answers an API path (SPA fallback)', async () => {
    const { client } = clientAnswering(
      () => new Response('<!doctype html><html></html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
    );
    await expect(client.GET('/api/v1/projects')).rejects.toMatchObject({
      type: clientProblemTypes.unexpectedResponse,
      status: 200,
    });
  });

  it('rejects with a network problem when fetch fails', async () => {
    const { client } = clientAnswering(() => {
      throw new TypeError('Failed to fetch');
    });
    await expect(client.GET('/healthz')).rejects.toMatchObject({ type: clientProblemTypes.network, status: 0 });
  });

  it('sends the CSRF cookie as X-CSRF-Token on state-changing requests only', async () => {
    document.cookie = 'kassa_csrf=token%2Fwith%2Fslashes; path=/';
    const { client, requests } = clientAnswering(() => jsonResponse({ status: 'ok' }));
    await client.GET('/healthz');
    // No POST endpoint exists in the schema yet: use the untyped request method.
    await client.request('post' as never, '/healthz' as never);
    expect(requests[0]?.headers.get('X-CSRF-Token')).toBeNull();
    expect(requests[1]?.method).toBe('POST');
    expect(requests[1]?.headers.get('X-CSRF-Token')).toBe('token/with/slashes');
  });

  it('sends no CSRF header when there is no cookie', async () => {
    const { client, requests } = clientAnswering(() => jsonResponse({ status: 'ok' }));
    await client.request('post' as never, '/healthz' as never);
    expect(requests[0]?.headers.has('X-CSRF-Token')).toBe(false);
  });
});

describe('touchesSession', () => {
  it.each([
    ['/api/v1/me', true],
    ['/api/v1/users', true],
    ['/api/v1/step-up', true],
    ['/api/v1/auth/logout', true],
    ['/api/v1/auth/login', false],
    ['/api/v1/auth/totp/enroll', false],
    ['/api/v1/invitations/abc', false],
    ['/api/v1/version', false],
    ['/healthz', false],
  ])('%s → %s', (path, expected) => {
    expect(touchesSession(path)).toBe(expected);
  });
});
