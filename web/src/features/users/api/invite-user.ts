import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf, stepUpHeaders, useStepUp } from '@/lib/api';
import type { InvitationCreated, InviteUserRequest } from '../types';
import { usersQueryKey } from './get-users';

/** POST /api/v1/users/invitations. */
export async function inviteUser(body: InviteUserRequest, confirmation?: string): Promise<InvitationCreated> {
  return dataOf(await api.POST('/api/v1/users/invitations', { body, params: { header: stepUpHeaders(confirmation) } }));
}

export function useInviteUser() {
  const queryClient = useQueryClient();
  const withStepUp = useStepUp();
  return useMutation({
    mutationFn: (body: InviteUserRequest) => withStepUp((confirmation) => inviteUser(body, confirmation)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
