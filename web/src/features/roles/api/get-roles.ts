import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, dataOf } from '@/lib/api';
import type { Role } from '../types';

export const rolesPageLimit = 100;
/** Roles are few; this bounds the loop if the server misbehaves. */
export const rolesPagesMax = 10;

/** GET /api/v1/roles, every page (up to rolesPagesMax). */
export async function getRoles(signal?: AbortSignal): Promise<Role[]> {
  const roles: Role[] = [];
  let startingAfter: string | undefined;
  for (let page = 0; page < rolesPagesMax; page += 1) {
    const body = dataOf(
      await api.GET('/api/v1/roles', { params: { query: { limit: rolesPageLimit, starting_after: startingAfter } }, signal }),
    );
    roles.push(...body.data);
    const last = body.data[body.data.length - 1];
    if (!body.has_more || last === undefined) break;
    startingAfter = last.id;
  }
  return roles;
}

export const rolesQueryKey = ['roles', 'list'] as const;

export function rolesQueryOptions() {
  return queryOptions({ queryKey: rolesQueryKey, queryFn: ({ signal }) => getRoles(signal) });
}

export function useRoles() {
  return useQuery(rolesQueryOptions());
}
