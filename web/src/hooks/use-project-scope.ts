import { useCallback } from 'react';
import { useSearchParams, type To } from 'react-router';
import { cursorsParam } from '@/lib/keyset-paging';

/** The URL query parameter holding the selected project; absent means all projects. */
export const projectParam = 'project';

export interface ProjectScope {
  /** The selected project's id, or null for all projects. */
  projectId: string | null;
  /** Selects a project (null: all), keeping the rest of the URL. */
  setProjectId: (projectId: string | null) => void;
  /** A link target that keeps the selected project: `withProject('/payments')`. */
  withProject: (pathname: string) => To;
}

/**
 * The project the Dashboard is scoped to. It lives in the URL (`?project=`),
 * so a view can be bookmarked and shared with its scope.
 */
export function useProjectScope(): ProjectScope {
  const [searchParams, setSearchParams] = useSearchParams();
  const projectId = searchParams.get(projectParam) || null;

  const setProjectId = useCallback(
    (next: string | null) => {
      setSearchParams(
        (current) => {
          const params = new URLSearchParams(current);
          if (next === null) params.delete(projectParam);
          else params.set(projectParam, next);
          // A list's page position belongs to the scope it was paged in.
          params.delete(cursorsParam);
          return params;
        },
        { preventScrollReset: true },
      );
    },
    [setSearchParams],
  );

  const withProject = useCallback(
    (pathname: string): To => {
      if (projectId === null) return { pathname };
      return { pathname, search: `?${new URLSearchParams({ [projectParam]: projectId }).toString()}` };
    },
    [projectId],
  );

  return { projectId, setProjectId, withProject };
}
