import { render, screen, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { RouterProvider } from 'react-router';
import { AppProvider } from '@/app/provider';
import { createTestRouter } from '@/app/router';
import { createQueryClient } from '@/lib/query-client';

/** Renders the whole app (frame, router, providers) at a URL, with a fresh query cache. */
export function renderApp(url = '/') {
  const router = createTestRouter([url]);
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, staleTime: Infinity } });
  const user = userEvent.setup();
  const result = render(
    <AppProvider queryClient={queryClient} mantineEnv="test">
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...result, router, user, queryClient };
}

/** Renders the app at a URL and waits until the auth gate lets the frame through. */
export async function renderSignedIn(url = '/') {
  const rendered = renderApp(url);
  await screen.findByRole('navigation', { name: 'Main' });
  return rendered;
}

/** Renders one component inside the providers, without a router. */
export function renderWithProviders(ui: ReactElement): RenderResult & { user: ReturnType<typeof userEvent.setup> } {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false } });
  const user = userEvent.setup();
  return { ...render(<AppProvider queryClient={queryClient} mantineEnv="test">{ui}</AppProvider>), user };
}

export type RouteHandler = (request: Request) => Response | Promise<Response>;

/**
 * A fetch stub answering by "METHOD /path" (or by "/path" for any method);
 * unknown routes get a 404 problem. `requests` records every request, with
 * its body already read as `json` (for asserting what was sent).
 */
export function stubApi(routes: Record<string, RouteHandler>) {
  const requests: { method: string; path: string; headers: Headers; json: unknown; text: string }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const url = new URL(request.url);
    const text = request.method === 'GET' ? '' : await request.clone().text();
    requests.push({
      method: request.method,
      path: `${url.pathname}${url.search}`,
      headers: request.headers,
      json: text === '' ? undefined : parseJsonOrUndefined(text),
      text,
    });
    const handler = routes[`${request.method} ${url.pathname}`] ?? routes[url.pathname];
    if (handler !== undefined) return handler(request);
    return problemResponse(404, { type: 'https://kassa.dev/problems/not-found', title: 'Not Found' });
  });
  vi.stubGlobal('fetch', fetch);
  return { fetch, requests };
}

/** A body that is not JSON (a CSV upload, say) has no `json`; its `text` is still recorded. */
function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A fetch stub answering by path; unknown paths get a 404 problem. */
export function stubFetch(routes: Record<string, () => Response>) {
  return async (input: RequestInfo | URL): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const answer = routes[url.pathname];
    if (answer !== undefined) return answer();
    return problemResponse(404, { type: 'https://kassa.dev/problems/not-found', title: 'Not Found' });
  };
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function problemResponse(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ status, ...body }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

/** A Kassa problem by slug: `kassaProblem(401, 'invalid-credentials', 'Wrong code.')`. */
export function kassaProblem(status: number, slug: string, detail: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return problemResponse(status, { type: `https://kassa.dev/problems/${slug}`, title: slug, detail, ...extra }, headers);
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}
