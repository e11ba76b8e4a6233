import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, dataOf } from '@/lib/api';
import type { Permission } from '../types';

/** GET /api/v1/permissions: the catalogue roles and API keys choose from. */
export async function getPermissions(signal?: AbortSignal): Promise<Permission[]> {
  return dataOf(await api.GET('/api/v1/permissions', { signal })).data;
}

export function permissionsQueryOptions() {
  return queryOptions({
    queryKey: ['permissions'],
    queryFn: ({ signal }) => getPermissions(signal),
    // Changes only with a new server version.
    staleTime: Infinity,
  });
}

export function usePermissions() {
  return useQuery(permissionsQueryOptions());
}
