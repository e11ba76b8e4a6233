import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf, ifMatch, useVersionCheck } from '@/lib/api';
import { useT } from '@/lib/i18n';
import type { Project, UpdateProjectRequest } from '../types';
import { projectsQueryKey } from './get-projects';

/** PATCH /api/v1/projects/{id}, based on `version`. */
export async function updateProject(id: string, changes: UpdateProjectRequest, version: number): Promise<Project> {
  return dataOf(
    await api.PATCH('/api/v1/projects/{project_id}', {
      params: { path: { project_id: id }, header: { 'If-Match': ifMatch(version) } },
      body: changes,
    }),
  );
}

export function useUpdateProject() {
  const t = useT();
  const queryClient = useQueryClient();
  const withVersionCheck = useVersionCheck();
  return useMutation({
    mutationFn: ({ project, changes }: { project: Project; changes: UpdateProjectRequest }) =>
      withVersionCheck({
        version: project.version,
        subject: t('projects.conflictSubject', { name: project.name }),
        mine: changes,
        fields: [
          { key: 'name', label: t('projects.field.name') },
          { key: 'status', label: t('projects.field.status') },
        ].filter((field) => field.key in changes),
        send: (version) => updateProject(project.id, changes, version),
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: projectsQueryKey }),
  });
}
