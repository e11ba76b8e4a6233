import createClient, { type Middleware } from 'openapi-fetch';
import { noteApiRequest } from './activity';
import { csrfHeaderName, isSafeMethod, readCsrfToken } from './csrf';
import type { pendingPaths } from './pending-paths';
import { ApiProblem, networkProblem, problemFromResponse, unexpectedResponseProblem } from './problem';
import type { paths } from './schema';
import { endsSession, notifySessionEnded, sessionEndReason } from './session-events';

export type ApiPaths = paths & pendingPaths;

/** Sends the CSRF token (from the `kassa_csrf` cookie) with every state-changing request. */
export const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    if (isSafeMethod(request.method)) return undefined;
    const token = readCsrfToken();
    if (token === undefined) return undefined;
    request.headers.set(csrfHeaderName, token);
    return request;
  },
};

function isHtml(response: Response): boolean {
  return (response.headers.get('Content-Type') ?? '').toLowerCase().startsWith('text/html');
}

/**
 * Requests that keep the session alive on the server. Health checks, the
 * version and the sign-in steps do not read the session; counting them
 * would let the idle warning come too late.
 */
export function touchesSession(pathname: string): boolean {
  return pathname.startsWith('/api/v1/') && !/^\/api\/v1\/(version$|auth\/(login|totp|recovery)|invitations\/)/.test(pathname);
}

/** Note when each session-touching request was sent (see activity.ts). */
export const activityMiddleware: Middleware = {
  onRequest({ request }) {
    if (touchesSession(new URL(request.url).pathname)) noteApiRequest();
    return undefined;
  },
};

/**
 * Makes every failure an ApiProblem: problem+json bodies are parsed, other
 * failure statuses and network errors get a client-made problem. An HTML page
 * where JSON was asked for (an SPA fallback answering an API path the server
 * does not have) is a failure too.
 */
export const problemMiddleware: Middleware = {
  async onResponse({ request, response }) {
    if (!response.ok) {
      const problem = await problemFromResponse(response);
      if (endsSession(problem, new URL(request.url).pathname)) notifySessionEnded(sessionEndReason(problem));
      throw problem;
    }
    if (isHtml(response)) throw unexpectedResponseProblem(response);
    return undefined;
  },
  onError({ error }) {
    if (error instanceof ApiProblem) return error;
    // An aborted request (a query cancelled on unmount) stays an AbortError.
    if (error instanceof DOMException && error.name === 'AbortError') return error;
    return networkProblem(error);
  },
};

export function createApiClient(options: { baseUrl?: string; fetch?: typeof globalThis.fetch } = {}) {
  const client = createClient<ApiPaths>({
    // Same origin: the server serves both the API and this app.
    baseUrl: options.baseUrl ?? globalThis.location?.origin ?? '',
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
    // Looked up per call, not captured once, so tests can stub global fetch.
    fetch: options.fetch ?? ((request: Request) => globalThis.fetch(request)),
  });
  client.use(activityMiddleware, csrfMiddleware, problemMiddleware);
  return client;
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The one API client of the app. */
export const api: ApiClient = createApiClient();

/**
 * The data of an openapi-fetch result. The middleware already throws on
 * failure, so `error` is only set if that contract is broken.
 */
export function dataOf<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || result.data === undefined) {
    throw unexpectedResponseProblem(result.response);
  }
  return result.data;
}
