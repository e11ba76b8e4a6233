import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf, ifMatch, stepUpHeaders, useStepUp, useVersionCheck, type ConflictField } from '@/lib/api';
import { meQueryKey } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import type { GrantInput, UpdateUserRequest, User } from '../types';
import { usersQueryKey } from './get-users';

/** PATCH /api/v1/users/{id}, based on `version`. */
export async function updateUser(id: string, changes: UpdateUserRequest, version: number, confirmation?: string): Promise<User> {
  return dataOf(
    await api.PATCH('/api/v1/users/{user_id}', {
      params: { path: { user_id: id }, header: { 'If-Match': ifMatch(version), ...stepUpHeaders(confirmation) } },
      body: changes,
    }),
  );
}

/** PUT /api/v1/users/{id}/grants, based on `version`; needs a step-up. */
export async function replaceGrants(id: string, grants: GrantInput[], version: number, confirmation?: string): Promise<User> {
  return dataOf(
    await api.PUT('/api/v1/users/{user_id}/grants', {
      params: { path: { user_id: id }, header: { 'If-Match': ifMatch(version), ...stepUpHeaders(confirmation) } },
      body: { grants },
    }),
  );
}

export function useUpdateUser() {
  const t = useT();
  const queryClient = useQueryClient();
  const withStepUp = useStepUp();
  const withVersionCheck = useVersionCheck();
  return useMutation({
    mutationFn: ({ user, changes }: { user: User; changes: UpdateUserRequest }) =>
      withVersionCheck({
        version: user.version,
        subject: t('users.conflictSubject', { name: user.name || user.email }),
        mine: changes,
        fields: [
          { key: 'name', label: t('users.field.name') },
          { key: 'status', label: t('users.field.status') },
        ].filter((field) => field.key in changes),
        send: (version) => withStepUp((confirmation) => updateUser(user.id, changes, version, confirmation)),
      }),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: usersQueryKey });
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

/**
 * Replaces a user's grants. `formatGrants` shows a grant list in the
 * conflict dialog ("Finance (all projects)").
 */
export function useReplaceGrants(formatGrants: (grants: unknown) => string) {
  const t = useT();
  const queryClient = useQueryClient();
  const withStepUp = useStepUp();
  const withVersionCheck = useVersionCheck();
  return useMutation({
    mutationFn: ({ user, grants }: { user: User; grants: GrantInput[] }) => {
      const fields: ConflictField[] = [{ key: 'grants', label: t('users.field.roles'), format: formatGrants }];
      return withVersionCheck({
        version: user.version,
        subject: t('users.conflictSubject', { name: user.name || user.email }),
        mine: { grants },
        fields,
        send: (version) => withStepUp((confirmation) => replaceGrants(user.id, grants, version, confirmation)),
      });
    },
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: usersQueryKey });
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
