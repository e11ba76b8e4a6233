import { Select, type ComboboxItem } from '@mantine/core';
import { IconBuildingStore } from '@tabler/icons-react';
import { useProjectScope } from '@/hooks/use-project-scope';
import { useT } from '@/lib/i18n';
import { useProjects } from '../api/get-projects';

/** The Select's value for "no project selected". */
const allProjectsValue = '__all__';

/** Switching search on only pays off past a handful of projects. */
const searchableFromCount = 8;

/**
 * Scopes the Dashboard to one project or all of them; the choice lives in the
 * URL (`?project=`). If the project list cannot be loaded, it offers "All
 * projects" alone and the app keeps working.
 */
export function ProjectSwitcher() {
  const t = useT();
  const { projectId, setProjectId } = useProjectScope();
  const projects = useProjects();

  const options: ComboboxItem[] = [
    { value: allProjectsValue, label: t('project.all') },
    ...(projects.data?.projects ?? [])
      .filter((project) => project.status === 'active' || project.id === projectId)
      .map((project) => ({ value: project.id, label: project.name })),
  ];
  // A project in the URL that the list does not (yet) hold still shows, by id.
  if (projectId !== null && !options.some((option) => option.value === projectId)) {
    options.push({ value: projectId, label: projectId });
  }

  return (
    <Select
      aria-label={t('project.label')}
      data={options}
      value={projectId ?? allProjectsValue}
      onChange={(value) => setProjectId(value === null || value === allProjectsValue ? null : value)}
      searchable={options.length > searchableFromCount}
      leftSection={<IconBuildingStore size={16} stroke={1.7} aria-hidden="true" />}
      w="100%"
      size="sm"
      comboboxProps={{ shadow: 'md', withinPortal: true }}
      data-testid="project-switcher"
    />
  );
}
