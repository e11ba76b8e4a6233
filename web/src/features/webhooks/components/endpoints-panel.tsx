import { ActionIcon, Badge, Button, Card, Group, Menu, Skeleton, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPencil, IconPlayerPause, IconPlayerPlay, IconPlus, IconRefresh, IconTrash, IconWebhook } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { useDeleteWebhookEndpoint } from '../api/delete-webhook-endpoint';
import { useRotateWebhookSecret } from '../api/rotate-webhook-secret';
import { useUpdateWebhookEndpoint } from '../api/update-webhook-endpoint';
import type { ProjectOption, WebhookEndpoint, WebhookEndpointWithSecret } from '../types';
import { CreateEndpointDialog, EditEndpointDialog } from './endpoint-dialog';
import { EndpointSecretDialog } from './secret-dialog';
import classes from './webhooks.module.css';

export interface EndpointsPanelProps {
  projectId: string | null;
  projects: readonly ProjectOption[];
  endpoints: readonly WebhookEndpoint[];
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  /** May add endpoints at all (on some project). */
  canCreate: boolean;
  /** May change this project's endpoints. */
  canManage: (projectId: string) => boolean;
}

type Dialog =
  | { kind: 'create' }
  | { kind: 'secret'; endpoint: WebhookEndpointWithSecret; reason: 'created' | 'rotated' }
  | { kind: 'edit'; endpoint: WebhookEndpoint }
  | { kind: 'disable'; endpoint: WebhookEndpoint }
  | { kind: 'rotate'; endpoint: WebhookEndpoint }
  | { kind: 'delete'; endpoint: WebhookEndpoint };

/** A project's webhook endpoints: add (secret shown once), edit, enable or disable, rotate the secret, delete. */
export function EndpointsPanel({ projectId, projects, endpoints, loading, error, onRetry, canCreate, canManage }: EndpointsPanelProps) {
  const { t, formatLocale, timeZone } = useI18n();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const update = useUpdateWebhookEndpoint();
  const rotate = useRotateWebhookSecret();
  const remove = useDeleteWebhookEndpoint();
  const projectName = (id: string) => projects.find((project) => project.id === id)?.name ?? id;
  const close = () => setDialog(null);
  const enable = (endpoint: WebhookEndpoint) =>
    update.mutate(
      { endpoint, changes: { status: 'enabled' } },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('webhooks.enabled') }) },
    );

  return (
    <Card padding={0}>
      <Group justify="space-between" p="md" gap="sm">
        <Text size="sm" c="dimmed">
          {projectId === null ? t('webhooks.scope.all') : t('webhooks.scope.one', { project: projectName(projectId) })}
        </Text>
        {canCreate && (
          <Button size="xs" leftSection={<IconPlus size={14} aria-hidden="true" />} onClick={() => setDialog({ kind: 'create' })}>
            {t('webhooks.new')}
          </Button>
        )}
      </Group>
      {loading && (
        <Stack p="md" gap="sm">
          <Skeleton h={32} />
          <Skeleton h={32} />
        </Stack>
      )}
      {error !== null && error !== undefined && (
        <Stack p="md">
          <ErrorState error={error} onRetry={onRetry} />
        </Stack>
      )}
      {!loading && (error === null || error === undefined) && endpoints.length === 0 && (
        <EmptyState icon={IconWebhook} title={t('webhooks.none')} description={t('webhooks.noneDescription')} />
      )}
      {endpoints.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="webhook-endpoints-table" className={classes.table}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('webhooks.field.url')}</Table.Th>
                {projectId === null && <Table.Th scope="col">{t('webhooks.field.project')}</Table.Th>}
                <Table.Th scope="col">{t('webhooks.field.status')}</Table.Th>
                <Table.Th scope="col">{t('webhooks.field.created')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('table.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {endpoints.map((endpoint) => (
                <Table.Tr key={endpoint.id} data-endpoint-id={endpoint.id}>
                  <Table.Td>
                    <Text className={classes.endpointUrl}>{endpoint.url}</Text>
                    {endpoint.description !== '' && (
                      <Text size="xs" c="dimmed">
                        {endpoint.description}
                      </Text>
                    )}
                  </Table.Td>
                  {projectId === null && (
                    <Table.Td>
                      <Text size="sm">{projectName(endpoint.project_id)}</Text>
                    </Table.Td>
                  )}
                  <Table.Td>
                    {endpoint.status === 'enabled' ? (
                      <Badge color="teal">{t('webhooks.status.enabled')}</Badge>
                    ) : endpoint.disabled_reason !== null ? (
                      <Tooltip label={t('webhooks.disabledReason', { reason: endpoint.disabled_reason })} withArrow multiline w={260}>
                        <Badge color="orange" tabIndex={0}>
                          {t('webhooks.status.disabled')}
                        </Badge>
                      </Tooltip>
                    ) : (
                      <Badge color="gray">{t('webhooks.status.disabled')}</Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" className="kassa-numeric">
                      {formatDate(endpoint.created_at, formatLocale, timeZone)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {canManage(endpoint.project_id) && (
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={t('webhooks.actions', { url: endpoint.url })}>
                            <IconDots size={16} aria-hidden="true" />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item leftSection={<IconPencil size={14} aria-hidden="true" />} onClick={() => setDialog({ kind: 'edit', endpoint })}>
                            {t('webhooks.edit')}
                          </Menu.Item>
                          {endpoint.status === 'enabled' ? (
                            <Menu.Item leftSection={<IconPlayerPause size={14} aria-hidden="true" />} onClick={() => setDialog({ kind: 'disable', endpoint })}>
                              {t('webhooks.disable')}
                            </Menu.Item>
                          ) : (
                            <Menu.Item leftSection={<IconPlayerPlay size={14} aria-hidden="true" />} onClick={() => enable(endpoint)}>
                              {t('webhooks.enable')}
                            </Menu.Item>
                          )}
                          <Menu.Item leftSection={<IconRefresh size={14} aria-hidden="true" />} onClick={() => setDialog({ kind: 'rotate', endpoint })}>
                            {t('webhooks.rotate')}
                          </Menu.Item>
                          <Menu.Divider />
                          <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden="true" />} onClick={() => setDialog({ kind: 'delete', endpoint })}>
                            {t('webhooks.delete')}
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

      {dialog?.kind === 'create' && (
        <CreateEndpointDialog
          projects={projects}
          initialProjectId={projectId}
          onClose={close}
          onCreated={(endpoint) => setDialog({ kind: 'secret', endpoint, reason: 'created' })}
        />
      )}
      {dialog?.kind === 'secret' && <EndpointSecretDialog endpoint={dialog.endpoint} reason={dialog.reason} onClose={close} />}
      {dialog?.kind === 'edit' && (
        <EditEndpointDialog
          endpoint={dialog.endpoint}
          onClose={() => {
            close();
          }}
        />
      )}
      <ConfirmDialog
        opened={dialog?.kind === 'disable'}
        title={t('webhooks.disableTitle', { url: dialog?.kind === 'disable' ? dialog.endpoint.url : '' })}
        confirmLabel={t('webhooks.disable')}
        onConfirm={() =>
          dialog?.kind === 'disable' &&
          update.mutate(
            { endpoint: dialog.endpoint, changes: { status: 'disabled' } },
            {
              onSuccess: () => {
                notifications.show({ color: 'gray', message: t('webhooks.disabled') });
                close();
              },
            },
          )
        }
        onClose={() => {
          update.reset();
          close();
        }}
        busy={update.isPending}
        error={update.error}
      >
        {t('webhooks.disableDescription')}
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog?.kind === 'rotate'}
        title={t('webhooks.rotateTitle', { url: dialog?.kind === 'rotate' ? dialog.endpoint.url : '' })}
        confirmLabel={t('webhooks.rotate')}
        onConfirm={() =>
          dialog?.kind === 'rotate' &&
          rotate.mutate(dialog.endpoint.id, { onSuccess: (endpoint) => setDialog({ kind: 'secret', endpoint, reason: 'rotated' }) })
        }
        onClose={() => {
          rotate.reset();
          close();
        }}
        busy={rotate.isPending}
        error={rotate.error}
      >
        {t('webhooks.rotateDescription')}
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog?.kind === 'delete'}
        title={t('webhooks.deleteTitle', { url: dialog?.kind === 'delete' ? dialog.endpoint.url : '' })}
        confirmLabel={t('webhooks.delete')}
        onConfirm={() =>
          dialog?.kind === 'delete' &&
          remove.mutate(dialog.endpoint.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('webhooks.deleted') });
              close();
            },
          })
        }
        onClose={() => {
          remove.reset();
          close();
        }}
        busy={remove.isPending}
        error={remove.error}
        danger
      >
        {t('webhooks.deleteDescription')}
      </ConfirmDialog>
    </Card>
  );
}
