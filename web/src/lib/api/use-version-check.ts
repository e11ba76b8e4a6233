import { createContext, useCallback, useContext } from 'react';
import { withVersionCheck, type ConflictChoice, type Versioned } from './version-conflict';

/** One field of a change, as the conflict dialog shows it. */
export interface ConflictField {
  /** The property in the request body and the resource (`name`, `status`). */
  key: string;
  label: string;
  /** Shows a value of this field (from the change or from the current resource). */
  format?: (value: unknown) => string;
}

export interface ConflictQuestion {
  /** What was being changed: "the role “Finance”". */
  subject: string;
  /** The change the person tried to save, as sent. */
  mine: Readonly<Record<string, unknown>>;
  /** The resource as it is now (the 412's `current`). */
  current: Readonly<Record<string, unknown>> & Versioned;
  /** Which fields to compare; by default every key of `mine`. */
  fields?: readonly ConflictField[];
}

export type ConflictResolver = (question: ConflictQuestion) => Promise<ConflictChoice>;

/** components/conflict-provider shows the dialog. Without it a conflict is never overwritten. */
export const ConflictContext = createContext<ConflictResolver | null>(null);

const alwaysCancel: ConflictResolver = async () => 'cancel';

export interface VersionedChange<T> {
  /** The version the person's change is based on. */
  version: number;
  subject: string;
  mine: Readonly<Record<string, unknown>>;
  fields?: readonly ConflictField[];
  /** Sends the change with `If-Match: ifMatch(version)`. */
  send: (version: number) => Promise<T>;
}

/**
 * For every change of a versioned resource: sends it with the version, and
 * on a 412 shows the person their change beside the current state to choose
 * "Overwrite" (send again on the current version) or "Reload" (keep theirs).
 * Rejects with ConflictUnresolved unless the change was saved.
 */
export function useVersionCheck(): <T>(change: VersionedChange<T>) => Promise<T> {
  const resolve = useContext(ConflictContext) ?? alwaysCancel;
  return useCallback(
    <T,>({ version, subject, mine, fields, send }: VersionedChange<T>) =>
      withVersionCheck(version, send, (current) => resolve({ subject, mine, current, fields })),
    [resolve],
  );
}
