import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Menu,
  Popover,
  Skeleton,
  Stack,
  Table,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconKey, IconPlus, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { formatDate, formatDateTime } from '@/lib/format';
import { plural, useI18n } from '@/lib/i18n';
import { apiKeysOf, useApiKeys } from '../api/get-api-keys';
import { useRevokeApiKey, useRollApiKey } from '../api/manage-api-keys';
import type { ApiKey, ApiKeyWithSecret, Permission, ProjectOption } from '../types';
import { CreateApiKeyDialog } from './create-api-key-dialog';
import classes from './api-keys-panel.module.css';
import { SecretDialog } from './secret-dialog';

export interface ApiKeysPanelProps {
  /** The project chosen in the header; null for all. */
  projectId: string | null;
  projects: readonly ProjectOption[];
  catalogue: readonly Permission[];
  /** May create keys at all (on some project). */
  canCreate: boolean;
  /** May roll and revoke this project's keys. */
  canManage: (projectId: string) => boolean;
}

type Dialog =
  | { kind: 'create' }
  | { kind: 'secret'; created: ApiKeyWithSecret; reason: 'created' | 'rolled' }
  | { kind: 'roll'; key: ApiKey }
  | { kind: 'revoke'; key: ApiKey };

/** Per-project API keys: create (secret shown once), roll, revoke; when each was last used. */
export function ApiKeysPanel({ projectId, projects, catalogue, canCreate, canManage }: ApiKeysPanelProps) {
  const { t, locale, formatLocale, timeZone } = useI18n();
  const keys = useApiKeys(projectId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const roll = useRollApiKey();
  const revoke = useRevokeApiKey();
  const projectName = (id: string) => projects.find((project) => project.id === id)?.name ?? id;
  const shown = apiKeysOf(keys.data?.pages);
  const close = () => setDialog(null);

  return (
    <Card padding={0}>
      <Group justify="space-between" p="md" gap="sm">
        <Text size="sm" c="dimmed">
          {projectId === null ? t('apiKeys.scope.all') : t('apiKeys.scope.one', { project: projectName(projectId) })}
        </Text>
        {canCreate && (
          <Button size="xs" leftSection={<IconPlus size={14} aria-hidden="true" />} onClick={() => setDialog({ kind: 'create' })}>
            {t('apiKeys.new')}
          </Button>
        )}
      </Group>
      {keys.isPending && (
        <Stack p="md" gap="sm">
          <Skeleton h={32} />
          <Skeleton h={32} />
        </Stack>
      )}
      {keys.isError && (
        <Stack p="md">
          <ErrorState error={keys.error} onRetry={() => void keys.refetch()} retrying={keys.isFetching} />
        </Stack>
      )}
      {keys.isSuccess && shown.length === 0 && (
        <EmptyState icon={IconKey} title={t('apiKeys.none')} description={t('apiKeys.noneDescription')} />
      )}
      {shown.length > 0 && (
        <Table.ScrollContainer minWidth={880}>
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="api-keys-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('apiKeys.field.name')}</Table.Th>
                <Table.Th scope="col">{t('apiKeys.field.secret')}</Table.Th>
                {projectId === null && <Table.Th scope="col">{t('apiKeys.field.project')}</Table.Th>}
                <Table.Th scope="col">{t('apiKeys.field.permissions')}</Table.Th>
                <Table.Th scope="col">{t('apiKeys.field.status')}</Table.Th>
                <Table.Th scope="col">{t('apiKeys.field.lastUsed')}</Table.Th>
                <Table.Th scope="col">{t('apiKeys.field.created')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('table.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((key) => (
                <Table.Tr key={key.id} data-revoked={key.status === 'revoked' || undefined} className={classes.row}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {key.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text component="code" size="sm" ff="monospace" className={classes.prefix}>
                      {key.secret_prefix}…
                    </Text>
                  </Table.Td>
                  {projectId === null && (
                    <Table.Td>
                      <Text size="sm">{projectName(key.project_id)}</Text>
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Popover position="bottom-start" withArrow shadow="md" width={280}>
                      <Popover.Target>
                        <UnstyledButton aria-label={t('apiKeys.permissionsOf', { name: key.name })} className={classes.permissionsButton}>
                          <Badge variant="light" color="gray" className="kassa-numeric" style={{ cursor: 'pointer' }}>
                            {plural(t, locale, 'roles.permissionCount', key.permissions.length)}
                          </Badge>
                        </UnstyledButton>
                      </Popover.Target>
                      <Popover.Dropdown>
                        <Stack gap={4}>
                          {key.permissions.map((permission) => (
                            <Text key={permission} size="xs" ff="monospace">
                              {permission}
                            </Text>
                          ))}
                        </Stack>
                      </Popover.Dropdown>
                    </Popover>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={key.status === 'active' ? 'teal' : 'gray'}>
                      {key.status === 'active' ? t('apiKeys.status.active') : t('apiKeys.status.revoked')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={key.last_used_at === null ? 'dimmed' : undefined} className="kassa-numeric">
                      {key.last_used_at === null ? t('apiKeys.neverUsed') : formatDateTime(key.last_used_at, formatLocale, timeZone)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" className="kassa-numeric">
                      {formatDate(key.created_at, formatLocale, timeZone)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {key.status === 'active' && canManage(key.project_id) && (
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={t('apiKeys.actions', { name: key.name })}>
                            <IconDots size={16} aria-hidden="true" />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item leftSection={<IconRefresh size={14} aria-hidden="true" />} onClick={() => setDialog({ kind: 'roll', key })}>
                            {t('apiKeys.roll')}
                          </Menu.Item>
                          <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden="true" />} onClick={() => setDialog({ kind: 'revoke', key })}>
                            {t('apiKeys.revoke')}
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {keys.hasNextPage && (
        <Group justify="center" p="md">
          <Button variant="default" size="xs" onClick={() => void keys.fetchNextPage()} loading={keys.isFetchingNextPage}>
            {t('list.loadMore')}
          </Button>
        </Group>
      )}

      {dialog?.kind === 'create' && (
        <CreateApiKeyDialog
          projects={projects}
          initialProjectId={projectId}
          catalogue={catalogue}
          onClose={close}
          onCreated={(created) => setDialog({ kind: 'secret', created, reason: 'created' })}
        />
      )}
      {dialog?.kind === 'secret' && <SecretDialog created={dialog.created} reason={dialog.reason} onClose={close} />}
      <ConfirmDialog
        opened={dialog?.kind === 'roll'}
        title={t('apiKeys.rollTitle', { name: dialog?.kind === 'roll' ? dialog.key.name : '' })}
        confirmLabel={t('apiKeys.roll')}
        onConfirm={() =>
          dialog?.kind === 'roll' &&
          roll.mutate(dialog.key, { onSuccess: (created) => setDialog({ kind: 'secret', created, reason: 'rolled' }) })
        }
        onClose={() => {
          roll.reset();
          close();
        }}
        busy={roll.isPending}
        error={roll.error}
      >
        {t('apiKeys.rollDescription')}
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog?.kind === 'revoke'}
        title={t('apiKeys.revokeTitle', { name: dialog?.kind === 'revoke' ? dialog.key.name : '' })}
        confirmLabel={t('apiKeys.revoke')}
        onConfirm={() =>
          dialog?.kind === 'revoke' &&
          revoke.mutate(dialog.key, {
            onSuccess: (revoked) => {
              notifications.show({ color: 'teal', message: t('apiKeys.revoked', { name: revoked.name }) });
              close();
            },
          })
        }
        onClose={() => {
          revoke.reset();
          close();
        }}
        busy={revoke.isPending}
        error={revoke.error}
        danger
      >
        {t('apiKeys.revokeDescription')}
      </ConfirmDialog>
    </Card>
  );
}
