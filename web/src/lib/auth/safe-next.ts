/**
 * Where to go after signing in: the `next` parameter if it is a path on this
 * site, else the overview. Never another origin (`//evil.example`, `https:`).
 */
export function safeNextPath(next: string | null): string {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/sign-in') || next.startsWith('/invitations/')) return '/';
  return next;
}

/** The sign-in URL that comes back to `path` afterwards. */
export function signInPath(path: string, reason?: string): string {
  const params = new URLSearchParams();
  if (reason !== undefined) params.set('reason', reason);
  if (path !== '/' && safeNextPath(path) === path) params.set('next', path);
  const query = params.toString();
  return query === '' ? '/sign-in' : `/sign-in?${query}`;
}
