import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { fieldError, FormError } from '@/components/form-error';
import { PermissionChecklist } from '@/components/permission-checklist';
import { useT } from '@/lib/i18n';
import { useCreateApiKey } from '../api/manage-api-keys';
import type { ApiKeyWithSecret, Permission, ProjectOption } from '../types';

export interface CreateApiKeyDialogProps {
  projects: readonly ProjectOption[];
  initialProjectId: string | null;
  catalogue: readonly Permission[];
  onCreated: (created: ApiKeyWithSecret) => void;
  onClose: () => void;
}

/** A key for one project with chosen permissions; the server asks for a step-up. */
export function CreateApiKeyDialog({ projects, initialProjectId, catalogue, onCreated, onClose }: CreateApiKeyDialogProps) {
  const t = useT();
  const active = projects.filter((project) => project.status === 'active');
  const [name, setName] = useState('');
  const [projectId, setProjectId] = useState<string | null>(
    initialProjectId !== null && active.some((project) => project.id === initialProjectId) ? initialProjectId : (active[0]?.id ?? null),
  );
  const [permissions, setPermissions] = useState<string[]>([]);
  const create = useCreateApiKey();
  // Company-wide permissions (users, roles, settings) are for people, not for a project's server.
  const keyPermissions = catalogue.filter((permission) => permission.scope === 'project');

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('apiKeys.create.title')}
      centered
      size={720}
      closeButtonProps={{ 'aria-label': t('dialog.close') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (projectId === null) return;
          create.mutate({ project_id: projectId, name: name.trim(), permissions }, { onSuccess: onCreated });
        }}
        noValidate
      >
        <Stack gap="md">
          <Group grow align="flex-start" gap="sm">
            <TextInput
              label={t('apiKeys.field.name')}
              description={t('apiKeys.create.nameHint')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={fieldError(create.error, '/name')}
              required
              data-autofocus
            />
            <Select
              label={t('apiKeys.field.project')}
              description={t('apiKeys.create.projectHint')}
              data={active.map((project) => ({ value: project.id, label: project.name }))}
              value={projectId}
              onChange={setProjectId}
              error={fieldError(create.error, '/project_id')}
              comboboxProps={{ withinPortal: true }}
            />
          </Group>
          <Stack gap={6}>
            <Group justify="space-between">
              <Text size="sm" fw={500} component="h3" m={0}>
                {t('apiKeys.field.permissions')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('roles.selectedCount', { count: permissions.length })}
              </Text>
            </Group>
            <PermissionChecklist catalogue={keyPermissions} value={permissions} onChange={setPermissions} />
          </Stack>
          <FormError error={create.error} fieldsShownInline={['/name', '/project_id']} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('dialog.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={name.trim() === '' || projectId === null || permissions.length === 0}>
              {t('apiKeys.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
