import { ActionIcon, Alert, Badge, Button, Card, Group, Menu, SegmentedControl, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconBuildingStore, IconDots, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { CopyValue } from '@/components/copy-value';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { isConflictUnresolved } from '@/lib/api';
import { formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { useProjects } from '../api/get-projects';
import { useUpdateProject } from '../api/update-project';
import type { Project } from '../types';
import { ProjectDialog } from './project-dialog';

type StatusFilter = 'active' | 'archived' | 'all';

function statusFilterOf(value: string | null): StatusFilter {
  return value === 'archived' || value === 'all' ? value : 'active';
}

/** The company's projects: filter by status (in the URL), create, rename, archive and restore. */
export function ProjectsPanel({ canManage }: { canManage: boolean }) {
  const { t, formatLocale, timeZone } = useI18n();
  const [params, setParams] = useSearchParams();
  const status = statusFilterOf(params.get('status'));
  const projects = useProjects();
  const [editing, setEditing] = useState<Project | null | undefined>(undefined);
  const [archiving, setArchiving] = useState<Project | null>(null);
  const update = useUpdateProject();

  const setStatus = (next: string) => {
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next === 'active') updated.delete('status');
        else updated.set('status', next);
        return updated;
      },
      { replace: true },
    );
  };

  const setProjectStatus = (project: Project, next: Project['status']) => {
    update.mutate(
      { project, changes: { status: next } },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: next === 'archived' ? t('projects.archived', { name: project.name }) : t('projects.restored', { name: project.name }),
          });
          setArchiving(null);
        },
        onError: (error) => {
          if (isConflictUnresolved(error)) setArchiving(null);
        },
      },
    );
  };

  const all = projects.data?.projects ?? [];
  const shown = all.filter((project) => status === 'all' || project.status === status);

  return (
    <Card padding={0}>
      <Group justify="space-between" p="md" gap="sm" wrap="wrap">
        <SegmentedControl
          size="xs"
          aria-label={t('projects.filter')}
          value={status}
          onChange={setStatus}
          data={[
            { value: 'active', label: t('projects.filter.active') },
            { value: 'archived', label: t('projects.filter.archived') },
            { value: 'all', label: t('projects.filter.all') },
          ]}
        />
        {canManage && (
          <Button size="xs" leftSection={<IconPlus size={14} aria-hidden="true" />} onClick={() => setEditing(null)}>
            {t('projects.new')}
          </Button>
        )}
      </Group>
      {projects.isPending && (
        <Stack p="md" gap="sm">
          <Skeleton h={20} />
          <Skeleton h={20} />
          <Skeleton h={20} />
        </Stack>
      )}
      {projects.isError && (
        <Stack p="md">
          <ErrorState error={projects.error} onRetry={() => void projects.refetch()} retrying={projects.isFetching} />
        </Stack>
      )}
      {projects.isSuccess && shown.length === 0 && (
        <EmptyState
          icon={IconBuildingStore}
          title={status === 'archived' ? t('projects.noneArchived') : t('projects.none')}
          description={t('projects.noneDescription')}
        />
      )}
      {shown.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="projects-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('projects.field.name')}</Table.Th>
                <Table.Th scope="col">{t('projects.field.id')}</Table.Th>
                <Table.Th scope="col">{t('projects.field.currency')}</Table.Th>
                <Table.Th scope="col">{t('projects.field.status')}</Table.Th>
                <Table.Th scope="col">{t('projects.field.created')}</Table.Th>
                {canManage && (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('table.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((project) => (
                <Table.Tr key={project.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {project.name}
                    </Text>
                  </Table.Td>
                  <Table.Td maw={240}>
                    <CopyValue value={project.id} label={t('projects.copyId', { name: project.name })} variant="inline" />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {project.default_currency}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={project.status === 'active' ? 'teal' : 'gray'}>
                      {project.status === 'active' ? t('projects.status.active') : t('projects.status.archived')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" className="kassa-numeric">
                      {formatDate(project.created_at, formatLocale, timeZone)}
                    </Text>
                  </Table.Td>
                  {canManage && (
                    <Table.Td ta="right">
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={t('projects.actions', { name: project.name })}>
                            <IconDots size={16} aria-hidden="true" />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item leftSection={<IconPencil size={14} aria-hidden="true" />} onClick={() => setEditing(project)}>
                            {t('projects.rename')}
                          </Menu.Item>
                          {project.status === 'active' ? (
                            <Menu.Item leftSection={<IconArchive size={14} aria-hidden="true" />} onClick={() => setArchiving(project)}>
                              {t('projects.archive')}
                            </Menu.Item>
                          ) : (
                            <Menu.Item
                              leftSection={<IconArchiveOff size={14} aria-hidden="true" />}
                              onClick={() => setProjectStatus(project, 'active')}
                            >
                              {t('projects.restore')}
                            </Menu.Item>
                          )}
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {projects.data?.truncated === true && (
        <Alert m="md" color="yellow" variant="light">
          {t('projects.truncated')}
        </Alert>
      )}
      {editing !== undefined && <ProjectDialog project={editing} opened onClose={() => setEditing(undefined)} />}
      <ConfirmDialog
        opened={archiving !== null}
        title={t('projects.archiveTitle', { name: archiving?.name ?? '' })}
        confirmLabel={t('projects.archive')}
        onConfirm={() => archiving !== null && setProjectStatus(archiving, 'archived')}
        onClose={() => setArchiving(null)}
        busy={update.isPending}
        error={update.error}
        danger
      >
        {t('projects.archiveDescription')}
      </ConfirmDialog>
    </Card>
  );
}
