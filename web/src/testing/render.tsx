import { render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
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

/** Renders one component inside the providers, without a router. */
export function renderWithProviders(ui: ReactElement): RenderResult & { user: ReturnType<typeof userEvent.setup> } {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false } });
  const user = userEvent.setup();
  return { ...render(<AppProvider queryClient={queryClient} mantineEnv="test">{ui}</AppProvider>), user };
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

export function problemResponse(status: number, body: Record<string, unknown>): Response {
  return new Response(JSON.stringify({ status, ...body }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}
