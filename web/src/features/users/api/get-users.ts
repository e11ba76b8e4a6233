import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, dataOf } from '@/lib/api';
import type { User } from '../types';

export const usersPageLimit = 50;

export const usersQueryKey = ['users', 'list'] as const;

/** GET /api/v1/users, one page. */
export async function getUsers(startingAfter: string | undefined, signal?: AbortSignal) {
  return dataOf(
    await api.GET('/api/v1/users', { params: { query: { limit: usersPageLimit, starting_after: startingAfter } }, signal }),
  );
}

export function usersQueryOptions() {
  return infiniteQueryOptions({
    queryKey: usersQueryKey,
    queryFn: ({ pageParam, signal }) => getUsers(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => (page.has_more ? page.data[page.data.length - 1]?.id : undefined),
  });
}

export function useUsers() {
  return useInfiniteQuery(usersQueryOptions());
}

/** Every loaded user, in order. */
export function usersOf(pages: readonly { data: User[] }[] | undefined): User[] {
  return (pages ?? []).flatMap((page) => page.data);
}
