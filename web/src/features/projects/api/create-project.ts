import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '@/lib/api';
import { meQueryKey } from '@/lib/auth';
import type { CreateProjectRequest, Project } from '../types';
import { projectsQueryKey } from './get-projects';

/** POST /api/v1/projects. */
export async function createProject(body: CreateProjectRequest): Promise<Project> {
  return dataOf(await api.POST('/api/v1/projects', { body }));
}

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProject,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: projectsQueryKey });
      // Permissions in /me are listed per project: the new one appears there too.
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
