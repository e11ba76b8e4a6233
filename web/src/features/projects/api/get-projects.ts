import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, dataOf } from '@/lib/api';
import { projectListSchema, type Project } from '../types';

/** The switcher lists at most this many projects; a company with more gets search later. */
export const projectsListLimit = 100;

/**
 * GET /api/v1/projects. Not in docs/openapi.yaml yet (see lib/api/pending-paths.ts),
 * so the answer is checked against the expected shape before use.
 */
export async function getProjects(signal?: AbortSignal): Promise<Project[]> {
  const body = dataOf(await api.GET('/api/v1/projects', { params: { query: { limit: projectsListLimit } }, signal }));
  return projectListSchema.parse(body).data;
}

export function projectsQueryOptions() {
  return queryOptions({
    queryKey: ['projects', 'list', { limit: projectsListLimit }],
    queryFn: ({ signal }) => getProjects(signal),
    staleTime: 5 * 60_000,
    // A missing endpoint or no session will not change by asking again.
    retry: false,
  });
}

export function useProjects() {
  return useQuery(projectsQueryOptions());
}
