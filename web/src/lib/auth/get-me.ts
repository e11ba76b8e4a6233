import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, dataOf, type components } from '@/lib/api';

export type Me = components['schemas']['Me'];
export type User = components['schemas']['User'];
export type Company = components['schemas']['Company'];

export const meQueryKey = ['me'] as const;

/** GET /api/v1/me: who is signed in, their permissions and the session's limits. */
export async function getMe(signal?: AbortSignal): Promise<Me> {
  return dataOf(await api.GET('/api/v1/me', { signal }));
}

export function meQueryOptions() {
  return queryOptions({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => getMe(signal),
    // Not signed in will not change by asking again.
    retry: false,
    staleTime: 60_000,
  });
}

export function useMe() {
  return useQuery(meQueryOptions());
}
