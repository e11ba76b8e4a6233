/**
 * The list a payment was opened from, passed in the navigation state, so the
 * payment's "back" link returns to it with its filters and page.
 */
export interface BackState {
  back: { pathname: string; search: string };
}

export function backState(pathname: string, search: string): BackState {
  return { back: { pathname, search } };
}

export function backOf(state: unknown): BackState['back'] | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const back = (state as { back?: unknown }).back;
  if (typeof back !== 'object' || back === null) return undefined;
  const { pathname, search } = back as { pathname?: unknown; search?: unknown };
  if (typeof pathname !== 'string' || !pathname.startsWith('/') || pathname.startsWith('//')) return undefined;
  return { pathname, search: typeof search === 'string' ? search : '' };
}
