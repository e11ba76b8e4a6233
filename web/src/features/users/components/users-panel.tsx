import {
  ActionIcon,
  Avatar,
  Badge,
  Button,
  Card,
  Group,
  Menu,
  SegmentedControl,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconDots,
  IconKeyOff,
  IconLock,
  IconPencil,
  IconSearch,
  IconShieldCheck,
  IconShieldLock,
  IconUserPlus,
  IconUsers,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { formatDate, formatDateTime } from '@/lib/format';
import { useI18n, type Translate } from '@/lib/i18n';
import { initialsOf } from '@/lib/initials';
import { usersOf, useUsers } from '../api/get-users';
import { useConfirmTotpReset, useRequestTotpReset } from '../api/totp-reset';
import type { ProjectOption, RoleOption, User, UserStatus } from '../types';
import { EditUserDialog } from './edit-user-dialog';
import { describeGrant } from './grants';
import { GrantsDialog } from './grants-dialog';
import { InviteUserDialog } from './invite-user-dialog';

type StatusFilter = UserStatus | 'all';

const statusFilters: readonly StatusFilter[] = ['all', 'active', 'invited', 'disabled'];

function statusFilterOf(value: string | null): StatusFilter {
  return statusFilters.find((filter) => filter === value) ?? 'all';
}

const statusColors: Readonly<Record<UserStatus, string>> = { active: 'teal', invited: 'kassa', disabled: 'gray' };

function statusLabel(status: UserStatus, t: Translate): string {
  switch (status) {
    case 'active':
      return t('users.status.active');
    case 'invited':
      return t('users.status.invited');
    case 'disabled':
      return t('users.status.disabled');
  }
}

/** Locked while `locked_until` is in the future. */
export function isLocked(user: User, nowMs: number = Date.now()): boolean {
  return user.locked_until !== null && Date.parse(user.locked_until) > nowMs;
}

export function matchesSearch(user: User, query: string): boolean {
  const needle = query.trim().toLowerCase();
  return needle === '' || user.name.toLowerCase().includes(needle) || user.email.toLowerCase().includes(needle);
}

type Dialog =
  | { kind: 'invite' }
  | { kind: 'edit'; user: User }
  | { kind: 'grants'; user: User }
  | { kind: 'reset'; user: User }
  | { kind: 'confirm-reset'; user: User };

export interface UsersPanelProps {
  roles: readonly RoleOption[];
  projects: readonly ProjectOption[];
  currentUserId: string;
  canManage: boolean;
}

/** The company's users: search and status filter (in the URL), invite, edit, roles, 2FA resets. */
export function UsersPanel({ roles, projects, currentUserId, canManage }: UsersPanelProps) {
  const { t, formatLocale, timeZone } = useI18n();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const status = statusFilterOf(params.get('status'));
  const users = useUsers();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const requestReset = useRequestTotpReset();
  const confirmReset = useConfirmTotpReset();

  const setParam = (name: string, value: string, empty: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === empty) next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );

  const loaded = usersOf(users.data?.pages);
  const shown = loaded.filter((user) => (status === 'all' || user.status === status) && matchesSearch(user, query));
  const names = { roles, projects };
  const close = () => setDialog(null);

  return (
    <Card padding={0}>
      <Group justify="space-between" p="md" gap="sm" wrap="wrap">
        <Group gap="sm" wrap="wrap">
          <TextInput
            aria-label={t('users.search')}
            placeholder={t('users.search')}
            leftSection={<IconSearch size={14} aria-hidden="true" />}
            value={query}
            onChange={(event) => setParam('q', event.currentTarget.value, '')}
            size="xs"
            w={240}
          />
          <SegmentedControl
            size="xs"
            aria-label={t('users.filter')}
            value={status}
            onChange={(value) => setParam('status', value, 'all')}
            data={statusFilters.map((filter) => ({
              value: filter,
              label: filter === 'all' ? t('users.filter.all') : statusLabel(filter, t),
            }))}
          />
        </Group>
        {canManage && (
          <Button size="xs" leftSection={<IconUserPlus size={14} aria-hidden="true" />} onClick={() => setDialog({ kind: 'invite' })}>
            {t('users.invite.button')}
          </Button>
        )}
      </Group>

      {users.isPending && (
        <Stack p="md" gap="sm">
          <Skeleton h={36} />
          <Skeleton h={36} />
          <Skeleton h={36} />
        </Stack>
      )}
      {users.isError && (
        <Stack p="md">
          <ErrorState error={users.error} onRetry={() => void users.refetch()} retrying={users.isFetching} />
        </Stack>
      )}
      {users.isSuccess && shown.length === 0 && (
        <EmptyState icon={IconUsers} title={t('users.none')} description={t('users.noneDescription')} />
      )}
      {shown.length > 0 && (
        <Table.ScrollContainer minWidth={820}>
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="users-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('users.field.user')}</Table.Th>
                <Table.Th scope="col">{t('users.field.roles')}</Table.Th>
                <Table.Th scope="col">{t('users.field.status')}</Table.Th>
                <Table.Th scope="col">{t('users.field.twoFactor')}</Table.Th>
                <Table.Th scope="col">{t('users.field.added')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('table.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((user) => {
                const isSelf = user.id === currentUserId;
                const locked = isLocked(user);
                return (
                  <Table.Tr key={user.id} data-user-id={user.id}>
                    <Table.Td>
                      <Group gap="sm" wrap="nowrap">
                        <Avatar size={32} radius="xl" color="kassa" variant="light" aria-hidden="true">
                          {initialsOf(user.name, user.email)}
                        </Avatar>
                        <div style={{ minWidth: 0 }}>
                          <Group gap={6} wrap="nowrap">
                            <Text size="sm" fw={600} truncate>
                              {user.name || user.email}
                            </Text>
                            {isSelf && (
                              <Badge size="xs" variant="light" color="gray">
                                {t('users.you')}
                              </Badge>
                            )}
                          </Group>
                          <Text size="xs" c="dimmed" truncate>
                            {user.email}
                          </Text>
                        </div>
                      </Group>
                    </Table.Td>
                    <Table.Td maw={320}>
                      <Group gap={4}>
                        {user.grants.length === 0 && (
                          <Text size="sm" c="dimmed">
                            {t('grants.none')}
                          </Text>
                        )}
                        {user.grants.map((grant) => (
                          <Badge
                            key={`${grant.role_id}:${(grant.project_ids ?? []).join(',')}`}
                            variant="light"
                            color="gray"
                            tt="none"
                            fw={500}
                            maw="100%"
                          >
                            {describeGrant(grant, names, t)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Badge color={statusColors[user.status]}>{statusLabel(user.status, t)}</Badge>
                        {locked && (
                          <Tooltip
                            label={t('users.lockedUntil', {
                              time: formatDateTime(user.locked_until ?? '', formatLocale, timeZone),
                            })}
                            withArrow
                          >
                            <Badge color="red" leftSection={<IconLock size={10} aria-hidden="true" />} tabIndex={0}>
                              {t('users.locked')}
                            </Badge>
                          </Tooltip>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {user.totp_enrolled ? (
                        <Group gap={4} wrap="nowrap">
                          <IconShieldCheck size={16} color="var(--mantine-color-teal-text)" aria-hidden="true" />
                          <Text size="sm">{t('users.twoFactor.on')}</Text>
                        </Group>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('users.twoFactor.off')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed" className="kassa-numeric">
                        {formatDate(user.created_at, formatLocale, timeZone)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      {canManage && (
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon variant="subtle" color="gray" aria-label={t('users.actions', { name: user.name || user.email })}>
                              <IconDots size={16} aria-hidden="true" />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            {user.status !== 'invited' && (
                              <Menu.Item leftSection={<IconPencil size={14} aria-hidden="true" />} onClick={() => setDialog({ kind: 'edit', user })}>
                                {t('users.action.edit')}
                              </Menu.Item>
                            )}
                            <Menu.Item leftSection={<IconShieldLock size={14} aria-hidden="true" />} onClick={() => setDialog({ kind: 'grants', user })}>
                              {t('users.action.grants')}
                            </Menu.Item>
                            {!isSelf && user.totp_enrolled && (
                              <>
                                <Menu.Divider />
                                <Menu.Item leftSection={<IconKeyOff size={14} aria-hidden="true" />} onClick={() => setDialog({ kind: 'reset', user })}>
                                  {t('users.action.reset2fa')}
                                </Menu.Item>
                                <Menu.Item leftSection={<IconShieldCheck size={14} aria-hidden="true" />} onClick={() => setDialog({ kind: 'confirm-reset', user })}>
                                  {t('users.action.confirmReset2fa')}
                                </Menu.Item>
                              </>
                            )}
                          </Menu.Dropdown>
                        </Menu>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {users.hasNextPage && (
        <Group justify="center" p="md">
          <Button variant="default" size="xs" onClick={() => void users.fetchNextPage()} loading={users.isFetchingNextPage}>
            {t('list.loadMore')}
          </Button>
        </Group>
      )}

      {dialog?.kind === 'invite' && <InviteUserDialog roles={roles} projects={projects} onClose={close} />}
      {dialog?.kind === 'edit' && <EditUserDialog user={dialog.user} isSelf={dialog.user.id === currentUserId} onClose={close} />}
      {dialog?.kind === 'grants' && <GrantsDialog user={dialog.user} roles={roles} projects={projects} onClose={close} />}
      <ConfirmDialog
        opened={dialog?.kind === 'reset'}
        title={t('users.reset.title', { name: dialog?.kind === 'reset' ? dialog.user.name || dialog.user.email : '' })}
        confirmLabel={t('users.reset.submit')}
        onConfirm={() =>
          dialog?.kind === 'reset' &&
          requestReset.mutate(dialog.user.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('users.reset.requested') });
              close();
            },
          })
        }
        onClose={() => {
          requestReset.reset();
          close();
        }}
        busy={requestReset.isPending}
        error={requestReset.error}
        danger
      >
        {t('users.reset.description')}
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog?.kind === 'confirm-reset'}
        title={t('users.confirmReset.title', { name: dialog?.kind === 'confirm-reset' ? dialog.user.name || dialog.user.email : '' })}
        confirmLabel={t('users.confirmReset.submit')}
        onConfirm={() =>
          dialog?.kind === 'confirm-reset' &&
          confirmReset.mutate(dialog.user.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('users.confirmReset.done') });
              close();
            },
          })
        }
        onClose={() => {
          confirmReset.reset();
          close();
        }}
        busy={confirmReset.isPending}
        error={confirmReset.error}
        danger
      >
        {t('users.confirmReset.description')}
      </ConfirmDialog>
    </Card>
  );
}
