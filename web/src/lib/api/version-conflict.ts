import { isApiProblem } from './problem';

/**
 * Optimistic concurrency. Every change of a versioned resource is sent with
 * `If-Match: "<version>"`; if someone changed it meanwhile the server answers
 * 412 with `current`, the resource as it is now. Nothing is overwritten
 * silently: the person sees both and chooses.
 */

/** A resource with a version, as the API sends it. */
export interface Versioned {
  version: number;
}

/** The `If-Match` value for a version: `"7"`. */
export function ifMatch(version: number): string {
  return `"${version}"`;
}

/** An overwrite can meet yet another change: ask at most this many times. */
export const conflictRoundsMax = 3;

export type ConflictChoice = 'overwrite' | 'reload' | 'cancel';

/** The resource as it is now, if the error is a 412 with `current`. */
export function versionConflictOf(error: unknown): (Record<string, unknown> & Versioned) | undefined {
  if (!isApiProblem(error) || error.status !== 412) return undefined;
  const current = error.extensions.current;
  if (typeof current !== 'object' || current === null) return undefined;
  const version = (current as { version?: unknown }).version;
  if (typeof version !== 'number') return undefined;
  return current as Record<string, unknown> & Versioned;
}

/** The person chose to keep the other change (or to stop): nothing was sent. Not an error to show. */
export class ConflictUnresolved extends Error {
  override readonly name = 'ConflictUnresolved';
  readonly choice: Exclude<ConflictChoice, 'overwrite'>;
  readonly current: Record<string, unknown> & Versioned;
  constructor(choice: Exclude<ConflictChoice, 'overwrite'>, current: Record<string, unknown> & Versioned) {
    super(choice === 'reload' ? 'Reloaded the current version instead of saving.' : 'The change was not saved.');
    this.choice = choice;
    this.current = current;
  }
}

export function isConflictUnresolved(error: unknown): error is ConflictUnresolved {
  return error instanceof ConflictUnresolved;
}

/**
 * Sends a change based on `version`. On a 412, asks `resolve` what to do:
 * `overwrite` sends the same change again based on the current version,
 * `reload` and `cancel` reject with ConflictUnresolved.
 */
export async function withVersionCheck<T>(
  version: number,
  send: (version: number) => Promise<T>,
  resolve: (current: Record<string, unknown> & Versioned) => Promise<ConflictChoice>,
): Promise<T> {
  let basedOn = version;
  for (let round = 0; ; round += 1) {
    try {
      return await send(basedOn);
    } catch (error) {
      const current = versionConflictOf(error);
      if (current === undefined || round >= conflictRoundsMax) throw error;
      const choice = await resolve(current);
      if (choice !== 'overwrite') throw new ConflictUnresolved(choice, current);
      basedOn = current.version;
    }
  }
}
