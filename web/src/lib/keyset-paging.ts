/**
 * "Previous" and "Next" over a keyset-paged list. The API pages forward only
 * (`starting_after=<last id>`), so the way back is kept as a stack of the
 * cursors that led to the current page; the stack lives in the URL
 * (`?cursors=pay_b,pay_a`), so a page can be bookmarked, shared and reloaded.
 */

/** The URL parameter holding the cursor stack, oldest first. */
export const cursorsParam = 'cursors';

/** A bound on the stack (and so on the URL's length); past it the oldest pages are forgotten. */
export const cursorStackMax = 100;

const cursorPattern = /^[a-z]{2,5}_[A-Za-z0-9]+$/;

/** The stack from the URL; anything that is not an id is dropped. */
export function cursorStackOf(params: URLSearchParams): string[] {
  const text = params.get(cursorsParam) ?? '';
  return text
    .split(',')
    .map((cursor) => cursor.trim())
    .filter((cursor) => cursorPattern.test(cursor))
    .slice(-cursorStackMax);
}

/** The `starting_after` of the page shown: the top of the stack (none on the first page). */
export function currentCursor(stack: readonly string[]): string | undefined {
  return stack[stack.length - 1];
}

/** The stack for the next page, which starts after `lastId` (the last row shown). */
export function pushCursor(stack: readonly string[], lastId: string): string[] {
  return [...stack, lastId].slice(-cursorStackMax);
}

/** The stack for the previous page. */
export function popCursor(stack: readonly string[]): string[] {
  return stack.slice(0, -1);
}

/** The URL with this stack (an empty stack: no parameter), other parameters kept. */
export function paramsWithCursors(current: URLSearchParams, stack: readonly string[]): URLSearchParams {
  const next = new URLSearchParams(current);
  if (stack.length === 0) next.delete(cursorsParam);
  else next.set(cursorsParam, stack.join(','));
  return next;
}

/** The number of the page shown, from 1. */
export function pageNumberOf(stack: readonly string[]): number {
  return stack.length + 1;
}
