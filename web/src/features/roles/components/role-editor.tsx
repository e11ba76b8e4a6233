import { Button, Drawer, Group, Skeleton, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ErrorState } from '@/components/error-state';
import { fieldError, FormError } from '@/components/form-error';
import { PermissionChecklist } from '@/components/permission-checklist';
import { isConflictUnresolved } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { usePermissions } from '../api/get-permissions';
import { useCreateRole, useUpdateRole } from '../api/save-role';
import type { Role, UpdateRoleRequest } from '../types';

export interface RoleEditorProps {
  /** Null: a new custom role. */
  role: Role | null;
  onClose: () => void;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name) => b.includes(name));
}

/** A custom role: name, description and its permissions, chosen from the catalogue. */
export function RoleEditor({ role, onClose }: RoleEditorProps) {
  const t = useT();
  const catalogue = usePermissions();
  const [name, setName] = useState(role?.name ?? '');
  const [description, setDescription] = useState(role?.description ?? '');
  const [permissions, setPermissions] = useState<string[]>(role?.permissions ?? []);
  const create = useCreateRole();
  const update = useUpdateRole();
  const mutation = role === null ? create : update;

  const submit = () => {
    if (role === null) {
      create.mutate(
        { name: name.trim(), description: description.trim(), permissions },
        {
          onSuccess: (created) => {
            notifications.show({ color: 'teal', message: t('roles.created', { name: created.name }) });
            onClose();
          },
        },
      );
      return;
    }
    const changes: UpdateRoleRequest = {};
    if (name.trim() !== role.name) changes.name = name.trim();
    if (description.trim() !== role.description) changes.description = description.trim();
    if (!sameSet(permissions, role.permissions)) changes.permissions = permissions;
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    update.mutate(
      { role, changes },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('roles.saved', { name: name.trim() }) });
          onClose();
        },
        onError: (error) => {
          if (isConflictUnresolved(error) && error.choice === 'reload') onClose();
        },
      },
    );
  };

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size={720}
      title={role === null ? t('roles.newTitle') : t('roles.editTitle', { name: role.name })}
      closeButtonProps={{ 'aria-label': t('dialog.close') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="md">
          <TextInput
            label={t('roles.field.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldError(mutation.error, '/name')}
            required
            data-autofocus
          />
          <Textarea
            label={t('roles.field.description')}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={fieldError(mutation.error, '/description')}
            autosize
            minRows={2}
          />
          <Stack gap={6}>
            <Group justify="space-between">
              <Text fw={500} size="sm" component="h3" m={0}>
                {t('roles.field.permissions')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('roles.selectedCount', { count: permissions.length })}
              </Text>
            </Group>
            {catalogue.isPending && <Skeleton h={240} />}
            {catalogue.isError && <ErrorState error={catalogue.error} onRetry={() => void catalogue.refetch()} />}
            {catalogue.isSuccess && (
              <PermissionChecklist catalogue={catalogue.data} value={permissions} onChange={setPermissions} />
            )}
          </Stack>
          <FormError error={mutation.error} fieldsShownInline={['/name', '/description']} />
          <Group justify="flex-end" gap="sm" className="kassa-sticky-actions">
            <Button variant="default" onClick={onClose}>
              {t('dialog.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={name.trim() === ''}>
              {role === null ? t('roles.create') : t('dialog.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
