import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, dataOf, type components } from '@/lib/api';

export type Version = components['schemas']['Version'];

export async function getVersion(signal?: AbortSignal): Promise<Version> {
  return dataOf(await api.GET('/api/v1/version', { signal }));
}

export function versionQueryOptions() {
  return queryOptions({
    queryKey: ['system', 'version'],
    queryFn: ({ signal }) => getVersion(signal),
    // The version changes only with a deployment.
    staleTime: 5 * 60_000,
  });
}

export function useVersion() {
  return useQuery(versionQueryOptions());
}
