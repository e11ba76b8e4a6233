import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, dataOf } from '@/lib/api';
import type { ApiKey } from '../types';

export const apiKeysPageLimit = 50;

export const apiKeysQueryKey = ['api-keys', 'list'] as const;

/** GET /api/v1/api-keys?project_id=, one page. */
export async function getApiKeys(projectId: string | null, startingAfter: string | undefined, signal?: AbortSignal) {
  return dataOf(
    await api.GET('/api/v1/api-keys', {
      params: {
        query: { project_id: projectId ?? undefined, limit: apiKeysPageLimit, starting_after: startingAfter },
      },
      signal,
    }),
  );
}

export function apiKeysQueryOptions(projectId: string | null) {
  return infiniteQueryOptions({
    queryKey: [...apiKeysQueryKey, { projectId }],
    queryFn: ({ pageParam, signal }) => getApiKeys(projectId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => (page.has_more ? page.data[page.data.length - 1]?.id : undefined),
  });
}

export function useApiKeys(projectId: string | null) {
  return useInfiniteQuery(apiKeysQueryOptions(projectId));
}

export function apiKeysOf(pages: readonly { data: ApiKey[] }[] | undefined): ApiKey[] {
  return (pages ?? []).flatMap((page) => page.data);
}
