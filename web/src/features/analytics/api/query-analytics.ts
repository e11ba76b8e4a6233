import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, dataOf } from '@/lib/api';
import type { AnalyticsQuery } from '../analytics-query';

export const analyticsQueryKey = ['analytics', 'query'] as const;

/** The index moves with every payment: figures a minute old are refetched when looked at again. */
export const analyticsStaleTimeMs = 60_000;

/** GET /api/v1/analytics/query: figures over operations, grouped and filtered. */
export async function queryAnalytics(query: AnalyticsQuery, signal?: AbortSignal) {
  return dataOf(await api.GET('/api/v1/analytics/query', { params: { query }, signal }));
}

export function analyticsQueryOptions(query: AnalyticsQuery) {
  return queryOptions({
    queryKey: [...analyticsQueryKey, query],
    queryFn: ({ signal }) => queryAnalytics(query, signal),
    staleTime: analyticsStaleTimeMs,
    // A new range or filter keeps the old figures on screen (dimmed) until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

export function useAnalyticsQuery(query: AnalyticsQuery, enabled = true) {
  return useQuery({ ...analyticsQueryOptions(query), enabled });
}
