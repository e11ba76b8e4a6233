import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, stepUpHeaders, useStepUp } from '@/lib/api';
import { usersQueryKey } from './get-users';

/** POST /api/v1/users/{id}/totp-reset: asks for a reset; another administrator confirms it. */
export async function requestTotpReset(userId: string, confirmation?: string): Promise<void> {
  await api.POST('/api/v1/users/{user_id}/totp-reset', {
    params: { path: { user_id: userId }, header: stepUpHeaders(confirmation) },
  });
}

/** POST /api/v1/users/{id}/totp-reset/confirm: the second administrator. */
export async function confirmTotpReset(userId: string, confirmation?: string): Promise<void> {
  await api.POST('/api/v1/users/{user_id}/totp-reset/confirm', {
    params: { path: { user_id: userId }, header: stepUpHeaders(confirmation) },
  });
}

export function useRequestTotpReset() {
  const withStepUp = useStepUp();
  return useMutation({
    mutationFn: (userId: string) => withStepUp((confirmation) => requestTotpReset(userId, confirmation)),
  });
}

export function useConfirmTotpReset() {
  const queryClient = useQueryClient();
  const withStepUp = useStepUp();
  return useMutation({
    mutationFn: (userId: string) => withStepUp((confirmation) => confirmTotpReset(userId, confirmation)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
