import { ActionIcon, Button, Group, MultiSelect, Radio, Select, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useT } from '@/lib/i18n';
import { roleLabel } from '@/lib/role-label';
import type { ProjectOption, RoleOption } from '../types';
import { emptyGrantDraft, type GrantDraft } from './grants';
import classes from './grants-editor.module.css';

export interface GrantsEditorProps {
  roles: readonly RoleOption[];
  projects: readonly ProjectOption[];
  value: readonly GrantDraft[];
  onChange: (value: GrantDraft[]) => void;
}

/** Roles for a user: each role for all projects or for chosen ones. */
export function GrantsEditor({ roles, projects, value, onChange }: GrantsEditorProps) {
  const t = useT();
  const roleOptions = roles.map((role) => ({ value: role.id, label: roleLabel(role.name, t) }));
  const projectOptions = projects.map((project) => ({ value: project.id, label: project.name }));
  const change = (key: number, patch: Partial<GrantDraft>) =>
    onChange(value.map((draft) => (draft.key === key ? { ...draft, ...patch } : draft)));
  return (
    <Stack gap="sm">
      {value.map((draft, index) => (
        <GrantRow
          key={draft.key}
          index={index}
          draft={draft}
          roleOptions={roleOptions}
          projectOptions={projectOptions}
          roles={roles}
          onChange={(patch) => change(draft.key, patch)}
          onRemove={value.length > 1 ? () => onChange(value.filter((other) => other.key !== draft.key)) : undefined}
        />
      ))}
      <Group>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden="true" />}
          onClick={() => onChange([...value, emptyGrantDraft()])}
        >
          {t('grants.add')}
        </Button>
      </Group>
    </Stack>
  );
}

interface GrantRowProps {
  index: number;
  draft: GrantDraft;
  roles: readonly RoleOption[];
  roleOptions: { value: string; label: string }[];
  projectOptions: { value: string; label: string }[];
  onChange: (patch: Partial<GrantDraft>) => void;
  onRemove: (() => void) | undefined;
}

function GrantRow({ index, draft, roles, roleOptions, projectOptions, onChange, onRemove }: GrantRowProps) {
  const t = useT();
  const role = roles.find((candidate) => candidate.id === draft.roleId);
  return (
    <div className={classes.row} data-testid="grant-row">
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <Select
          label={t('grants.role', { index: index + 1 })}
          placeholder={t('grants.rolePlaceholder')}
          data={roleOptions}
          value={draft.roleId}
          onChange={(roleId) => onChange({ roleId })}
          searchable
          style={{ flex: 1 }}
          comboboxProps={{ withinPortal: true }}
        />
        {onRemove !== undefined && (
          <ActionIcon variant="subtle" color="gray" size="lg" onClick={onRemove} aria-label={t('grants.remove', { index: index + 1 })}>
            <IconTrash size={16} aria-hidden="true" />
          </ActionIcon>
        )}
      </Group>
      {role !== undefined && role.description !== '' && (
        <Text size="xs" c="dimmed" mt={4}>
          {role.description}
        </Text>
      )}
      <Radio.Group
        mt="sm"
        value={draft.allProjects ? 'all' : 'some'}
        onChange={(scope) => onChange({ allProjects: scope === 'all' })}
        label={t('grants.scope')}
      >
        <Group gap="lg" mt={6}>
          <Radio value="all" label={t('grants.allProjectsOption')} />
          <Radio value="some" label={t('grants.chosenProjects')} />
        </Group>
      </Radio.Group>
      {!draft.allProjects && (
        <MultiSelect
          mt="sm"
          label={t('grants.projects')}
          placeholder={draft.projectIds.length === 0 ? t('grants.projectsPlaceholder') : undefined}
          data={projectOptions}
          value={draft.projectIds}
          onChange={(projectIds) => onChange({ projectIds })}
          searchable
          comboboxProps={{ withinPortal: true }}
          description={draft.projectIds.length === 0 ? t('grants.projectsRequired') : undefined}
        />
      )}
    </div>
  );
}
