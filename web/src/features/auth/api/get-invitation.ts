import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, dataOf } from '@/lib/api';
import type { Invitation } from '../types';

/** GET /api/v1/invitations/{token} (public); 404 when unknown, used or expired. */
export async function getInvitation(token: string, signal?: AbortSignal): Promise<Invitation> {
  return dataOf(await api.GET('/api/v1/invitations/{token}', { params: { path: { token } }, signal }));
}

export function invitationQueryOptions(token: string) {
  return queryOptions({
    queryKey: ['invitations', token],
    queryFn: ({ signal }) => getInvitation(token, signal),
    retry: false,
    staleTime: Infinity,
  });
}

export function useInvitation(token: string) {
  return useQuery(invitationQueryOptions(token));
}
