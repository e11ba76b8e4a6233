import { ActionIcon, Badge, Button, Card, Drawer, Group, Menu, Skeleton, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconEye, IconLock, IconPencil, IconPlus, IconShieldLock, IconTrash } from '@tabler/icons-react';
import { useId, useState, type ReactNode } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { PermissionSummary } from '@/components/permission-checklist';
import { plural, useI18n, useT } from '@/lib/i18n';
import { roleLabel } from '@/lib/role-label';
import { usePermissions } from '../api/get-permissions';
import { useRoles } from '../api/get-roles';
import { useDeleteRole } from '../api/save-role';
import type { Role } from '../types';
import { RoleEditor } from './role-editor';

/** Built-in roles (read-only) and custom roles (create, edit, delete). */
export function RolesPanel({ canManage }: { canManage: boolean }) {
  const t = useT();
  const roles = useRoles();
  const [viewing, setViewing] = useState<Role | null>(null);
  const [editing, setEditing] = useState<Role | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<Role | null>(null);
  const remove = useDeleteRole();

  if (roles.isPending) return <Skeleton h={320} radius="md" />;
  if (roles.isError) return <ErrorState error={roles.error} onRetry={() => void roles.refetch()} retrying={roles.isFetching} />;

  const builtin = roles.data.filter((role) => role.builtin);
  const custom = roles.data.filter((role) => !role.builtin);

  return (
    <Stack gap="xl">
      <RoleSection
        title={t('roles.builtin.title')}
        description={t('roles.builtin.description')}
        roles={builtin}
        renderActions={(role) => (
          <Button variant="subtle" size="xs" leftSection={<IconEye size={14} aria-hidden="true" />} onClick={() => setViewing(role)}>
            {t('roles.view')}
            <VisuallyHidden> {roleLabel(role.name, t)}</VisuallyHidden>
          </Button>
        )}
        testId="builtin-roles"
      />
      <RoleSection
        title={t('roles.custom.title')}
        description={t('roles.custom.description')}
        roles={custom}
        action={
          canManage && (
            <Button size="xs" leftSection={<IconPlus size={14} aria-hidden="true" />} onClick={() => setEditing(null)}>
              {t('roles.new')}
            </Button>
          )
        }
        empty={
          <EmptyState
            icon={IconShieldLock}
            title={t('roles.custom.emptyTitle')}
            description={t('roles.custom.emptyDescription')}
            titleOrder={3}
          />
        }
        renderActions={(role) => (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={t('roles.actions', { name: role.name })}>
                <IconDots size={16} aria-hidden="true" />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconEye size={14} aria-hidden="true" />} onClick={() => setViewing(role)}>
                {t('roles.view')}
              </Menu.Item>
              {canManage && (
                <Menu.Item leftSection={<IconPencil size={14} aria-hidden="true" />} onClick={() => setEditing(role)}>
                  {t('roles.edit')}
                </Menu.Item>
              )}
              {canManage && (
                <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden="true" />} onClick={() => setDeleting(role)}>
                  {t('roles.delete')}
                </Menu.Item>
              )}
            </Menu.Dropdown>
          </Menu>
        )}
        testId="custom-roles"
      />
      {viewing !== null && <RoleDrawer role={viewing} onClose={() => setViewing(null)} />}
      {editing !== undefined && <RoleEditor role={editing} onClose={() => setEditing(undefined)} />}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('roles.deleteTitle', { name: deleting?.name ?? '' })}
        confirmLabel={t('roles.delete')}
        onConfirm={() =>
          deleting !== null &&
          remove.mutate(deleting, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('roles.deleted', { name: deleting.name }) });
              setDeleting(null);
            },
          })
        }
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
        busy={remove.isPending}
        error={remove.error}
        danger
      >
        {t('roles.deleteDescription')}
      </ConfirmDialog>
    </Stack>
  );
}

interface RoleSectionProps {
  title: string;
  description: string;
  roles: readonly Role[];
  action?: ReactNode;
  empty?: ReactNode;
  renderActions: (role: Role) => ReactNode;
  testId: string;
}

function RoleSection({ title, description, roles, action, empty, renderActions, testId }: RoleSectionProps) {
  const { t, locale } = useI18n();
  const titleId = useId();
  return (
    <section aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-end" mb="sm" gap="sm">
        <div>
          <Title order={2} id={titleId}>
            {title}
          </Title>
          <Text size="sm" c="dimmed" mt={2}>
            {description}
          </Text>
        </div>
        {action}
      </Group>
      {roles.length === 0 && empty}
      {roles.length > 0 && (
        <Card padding={0}>
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid={testId}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w="28%">
                    {t('roles.field.name')}
                  </Table.Th>
                  <Table.Th scope="col">{t('roles.field.description')}</Table.Th>
                  <Table.Th scope="col" w={140}>
                    {t('roles.field.permissions')}
                  </Table.Th>
                  <Table.Th scope="col" w={120}>
                    <VisuallyHidden>{t('table.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {roles.map((role) => (
                  <Table.Tr key={role.id}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        {role.builtin && <IconLock size={14} aria-hidden="true" color="var(--mantine-color-dimmed)" />}
                        <Text size="sm" fw={600}>
                          {roleLabel(role.name, t)}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed" lineClamp={2}>
                        {role.description}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color="gray" className="kassa-numeric">
                        {plural(t, locale, 'roles.permissionCount', role.permissions.length)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{renderActions(role)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </section>
  );
}

function RoleDrawer({ role, onClose }: { role: Role; onClose: () => void }) {
  const t = useT();
  const catalogue = usePermissions();
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size={520}
      title={roleLabel(role.name, t)}
      closeButtonProps={{ 'aria-label': t('dialog.close') }}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {role.description}
        </Text>
        {role.builtin && (
          <Badge variant="light" color="gray" leftSection={<IconLock size={12} aria-hidden="true" />}>
            {t('roles.builtinBadge')}
          </Badge>
        )}
        {catalogue.isPending && <Skeleton h={240} />}
        {catalogue.isError && <ErrorState error={catalogue.error} onRetry={() => void catalogue.refetch()} />}
        {catalogue.isSuccess && <PermissionSummary catalogue={catalogue.data} granted={role.permissions} />}
      </Stack>
    </Drawer>
  );
}
