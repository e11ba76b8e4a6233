import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, dataOf } from '@/lib/api';
import type { Project } from '../types';

/** Projects per request (the API's largest page). */
export const projectsPageLimit = 100;
/** A company has few projects; past this many pages the list stops (and says so). */
export const projectsPagesMax = 10;

export interface ProjectListResult {
  projects: Project[];
  /** More projects exist than were loaded. */
  truncated: boolean;
}

/** GET /api/v1/projects, every page (up to projectsPagesMax). */
export async function getProjects(signal?: AbortSignal): Promise<ProjectListResult> {
  const projects: Project[] = [];
  let startingAfter: string | undefined;
  for (let page = 0; page < projectsPagesMax; page += 1) {
    const body = dataOf(
      await api.GET('/api/v1/projects', {
        params: { query: { limit: projectsPageLimit, starting_after: startingAfter } },
        signal,
      }),
    );
    projects.push(...body.data);
    const last = body.data[body.data.length - 1];
    if (!body.has_more || last === undefined) return { projects, truncated: false };
    startingAfter = last.id;
  }
  return { projects, truncated: true };
}

export const projectsQueryKey = ['projects', 'list'] as const;

export function projectsQueryOptions() {
  return queryOptions({
    queryKey: projectsQueryKey,
    queryFn: ({ signal }) => getProjects(signal),
    staleTime: 5 * 60_000,
    // A missing endpoint or no session will not change by asking again.
    retry: false,
  });
}

export function useProjects() {
  return useQuery(projectsQueryOptions());
}
