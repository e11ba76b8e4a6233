import { problemSlugs, type ApiProblem } from './problem';

/**
 * Why the person has to sign in (again): the session idled out, reached its
 * absolute limit, or there was none. The sign-in page explains it
 * (`/sign-in?reason=`).
 */
export type SessionEndReason = 'idle' | 'absolute' | 'unauthenticated';

type Listener = (reason: SessionEndReason) => void;

const listeners = new Set<Listener>();

/** 401s that are an answer about credentials, not about the session. */
const credentialSlugs: ReadonlySet<string> = new Set([problemSlugs.invalidCredentials, problemSlugs.challengeExpired]);

/** Paths that work without a session: a 401 from them says nothing about one. */
const publicPathPattern = /^\/api\/v1\/(auth\/(login|totp|totp\/enroll|recovery)|invitations\/)/;

export function sessionEndReason(problem: ApiProblem): SessionEndReason {
  if (!problem.is(problemSlugs.sessionExpired)) return 'unauthenticated';
  return (problem.detail ?? '').toLowerCase().includes('absolute') ? 'absolute' : 'idle';
}

/** Does this failed request mean the session is gone? */
export function endsSession(problem: ApiProblem, pathname: string): boolean {
  if (problem.status !== 401) return false;
  if (publicPathPattern.test(pathname)) return false;
  return problem.slug === undefined || !credentialSlugs.has(problem.slug);
}

export function notifySessionEnded(reason: SessionEndReason): void {
  for (const listener of listeners) listener(reason);
}

/** The auth gate listens, and sends the person to the sign-in page. */
export function subscribeSessionEnded(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
