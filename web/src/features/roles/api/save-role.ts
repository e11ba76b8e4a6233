import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf, ifMatch, stepUpHeaders, useStepUp, useVersionCheck } from '@/lib/api';
import { useT } from '@/lib/i18n';
import type { CreateRoleRequest, Role, UpdateRoleRequest } from '../types';
import { rolesQueryKey } from './get-roles';

/** POST /api/v1/roles. */
export async function createRole(body: CreateRoleRequest, confirmation?: string): Promise<Role> {
  return dataOf(await api.POST('/api/v1/roles', { body, params: { header: stepUpHeaders(confirmation) } }));
}

/** PATCH /api/v1/roles/{id}, based on `version`. */
export async function updateRole(id: string, changes: UpdateRoleRequest, version: number, confirmation?: string): Promise<Role> {
  return dataOf(
    await api.PATCH('/api/v1/roles/{role_id}', {
      params: { path: { role_id: id }, header: { 'If-Match': ifMatch(version), ...stepUpHeaders(confirmation) } },
      body: changes,
    }),
  );
}

/** DELETE /api/v1/roles/{id}: 409 role-in-use, 422 builtin-role. */
export async function deleteRole(id: string, confirmation?: string): Promise<void> {
  await api.DELETE('/api/v1/roles/{role_id}', {
    params: { path: { role_id: id }, header: stepUpHeaders(confirmation) },
  });
}

export function useCreateRole() {
  const queryClient = useQueryClient();
  const withStepUp = useStepUp();
  return useMutation({
    mutationFn: (body: CreateRoleRequest) => withStepUp((confirmation) => createRole(body, confirmation)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rolesQueryKey }),
  });
}

export function useUpdateRole() {
  const t = useT();
  const queryClient = useQueryClient();
  const withStepUp = useStepUp();
  const withVersionCheck = useVersionCheck();
  return useMutation({
    mutationFn: ({ role, changes }: { role: Role; changes: UpdateRoleRequest }) =>
      withVersionCheck({
        version: role.version,
        subject: t('roles.conflictSubject', { name: role.name }),
        mine: changes,
        fields: [
          { key: 'name', label: t('roles.field.name') },
          { key: 'description', label: t('roles.field.description') },
          { key: 'permissions', label: t('roles.field.permissions') },
        ].filter((field) => field.key in changes),
        send: (version) => withStepUp((confirmation) => updateRole(role.id, changes, version, confirmation)),
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: rolesQueryKey }),
  });
}

export function useDeleteRole() {
  const queryClient = useQueryClient();
  const withStepUp = useStepUp();
  return useMutation({
    mutationFn: (role: Role) => withStepUp((confirmation) => deleteRole(role.id, confirmation)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rolesQueryKey }),
  });
}
