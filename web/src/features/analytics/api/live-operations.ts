import { useEffect, useState } from 'react';
import { z } from 'zod';
import type { LiveOperation } from '../types';

/** GET /api/v1/analytics/live: a server-sent event stream (EventSource; the session cookie goes along). */
export const livePath = '/api/v1/analytics/live';

/** Operations the panel shows, and asks the server for on connecting. */
export const liveOperationsMax = 20;

export type LiveStatus = 'connecting' | 'open' | 'reconnecting' | 'closed' | 'unsupported';

const liveOperationSchema = z.object({
  id: z.string(),
  payment_id: z.string(),
  project_id: z.string(),
  type: z.string(),
  status: z.string(),
  amount: z.number().int(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  method: z.string(),
  country: z.string().nullable(),
  card_brand: z.string().nullable(),
  decline_code: z.string().nullable(),
  created_at: z.string(),
  change: z.number().int(),
});

/** One `data:` line as an operation, or null when it is not one (a stream from another version, say). */
export function parseLiveOperation(data: string): LiveOperation | null {
  try {
    const parsed = liveOperationSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The list with one operation added or updated: an operation that changed
 * (processing → success) replaces its earlier version. Newest first, at most
 * `limit`.
 */
export function withLiveOperation(list: readonly LiveOperation[], operation: LiveOperation, limit = liveOperationsMax): LiveOperation[] {
  const existing = list.find((item) => item.id === operation.id);
  if (existing !== undefined && existing.change > operation.change) return [...list];
  const others = list.filter((item) => item.id !== operation.id);
  const next = [operation, ...others];
  // Ids are time-ordered: newest first is the ids descending.
  next.sort((a, b) => (a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1));
  return next.slice(0, limit);
}

export function liveUrl(projectId: string | null, backlog = liveOperationsMax): string {
  const params = new URLSearchParams({ backlog: String(backlog) });
  if (projectId !== null) params.set('project', projectId);
  return `${livePath}?${params.toString()}`;
}

/** The latest operations, pushed by the server as they happen. */
export function useLiveOperations(projectId: string | null, enabled = true): { operations: LiveOperation[]; status: LiveStatus } {
  const [operations, setOperations] = useState<LiveOperation[]>([]);
  const [status, setStatus] = useState<LiveStatus>(() => (typeof EventSource === 'undefined' ? 'unsupported' : 'connecting'));

  useEffect(() => {
    if (!enabled) return undefined;
    if (typeof EventSource === 'undefined') {
      setStatus('unsupported');
      return undefined;
    }
    setOperations([]);
    setStatus('connecting');
    const source = new EventSource(liveUrl(projectId));
    const onOperation = (event: MessageEvent<string>) => {
      const operation = parseLiveOperation(event.data);
      if (operation !== null) setOperations((list) => withLiveOperation(list, operation));
    };
    source.addEventListener('operation', onOperation as EventListener);
    source.onopen = () => setStatus('open');
    // The browser reconnects by itself (sending Last-Event-ID) unless the server refused the stream.
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
    return () => {
      source.removeEventListener('operation', onOperation as EventListener);
      source.close();
    };
  }, [projectId, enabled]);

  return { operations, status };
}
