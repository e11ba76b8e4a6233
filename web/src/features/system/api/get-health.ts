import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, dataOf, type components } from '@/lib/api';

export type Health = components['schemas']['Health'];

/** The System card re-checks liveness this often while it is on screen. */
export const healthRefetchIntervalMs = 30_000;

export async function getHealth(signal?: AbortSignal): Promise<Health> {
  return dataOf(await api.GET('/healthz', { signal }));
}

export function healthQueryOptions() {
  return queryOptions({
    queryKey: ['system', 'health'],
    queryFn: ({ signal }) => getHealth(signal),
    refetchInterval: healthRefetchIntervalMs,
  });
}

export function useHealth() {
  return useQuery(healthQueryOptions());
}
