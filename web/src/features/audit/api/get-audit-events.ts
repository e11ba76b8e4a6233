import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, dataOf } from '@/lib/api';
import { nextCalendarDay, startOfDayInTimeZone } from '@/lib/format';
import type { AuditEvent, AuditFilters } from '../types';

export const auditPageLimit = 50;

export type AuditQuery = {
  action?: string;
  actor_id?: string;
  target_type?: string;
  target_id?: string;
  from?: string;
  to?: string;
};

/** The API's query for the filters: days become instants in the company's time zone; `to` is exclusive. */
export function auditQueryOf(filters: AuditFilters, timeZone: string): AuditQuery {
  const query: AuditQuery = {};
  if (filters.action !== '') query.action = filters.action;
  if (filters.actorId !== '') query.actor_id = filters.actorId;
  if (filters.targetType !== '') query.target_type = filters.targetType;
  if (filters.targetId !== '') query.target_id = filters.targetId;
  if (filters.from !== '') query.from = startOfDayInTimeZone(filters.from, timeZone);
  if (filters.to !== '') query.to = startOfDayInTimeZone(nextCalendarDay(filters.to), timeZone);
  return query;
}

/** GET /api/v1/audit-events, one page, newest first. */
export async function getAuditEvents(query: AuditQuery, startingAfter: string | undefined, signal?: AbortSignal) {
  return dataOf(
    await api.GET('/api/v1/audit-events', {
      params: { query: { ...query, limit: auditPageLimit, starting_after: startingAfter } },
      signal,
    }),
  );
}

export function auditEventsQueryOptions(query: AuditQuery) {
  return infiniteQueryOptions({
    queryKey: ['audit-events', 'list', query],
    queryFn: ({ pageParam, signal }) => getAuditEvents(query, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => (page.has_more ? page.data[page.data.length - 1]?.id : undefined),
  });
}

export function useAuditEvents(query: AuditQuery) {
  return useInfiniteQuery(auditEventsQueryOptions(query));
}

export function auditEventsOf(pages: readonly { data: AuditEvent[] }[] | undefined): AuditEvent[] {
  return (pages ?? []).flatMap((page) => page.data);
}
