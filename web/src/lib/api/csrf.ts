/** The cookie the server sets with the session's CSRF token (double-submit). */
export const csrfCookieName = 'kassa_csrf';
/** The header the server expects the token back in, on every state-changing request. */
export const csrfHeaderName = 'X-CSRF-Token';

const safeMethods: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

export function isSafeMethod(method: string): boolean {
  return safeMethods.has(method.toUpperCase());
}

/** The value of one cookie from a `document.cookie` string, or undefined. */
export function readCookie(cookieHeader: string, name: string): string | undefined {
  for (const part of cookieHeader.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() !== name) continue;
    const raw = part.slice(separator + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

export function readCsrfToken(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const token = readCookie(document.cookie, csrfCookieName);
  return token === '' ? undefined : token;
}
