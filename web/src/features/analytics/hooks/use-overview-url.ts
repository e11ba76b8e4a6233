import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { overviewFiltersFromParams, paramsWithOverviewFilters, type OverviewFilters } from '../overview-url';

/** The overview's filters as the URL holds them; each change is a history entry, so Back undoes it. */
export function useOverviewUrl(today: string) {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => overviewFiltersFromParams(params, today), [params, today]);
  const setFilters = useCallback(
    (next: OverviewFilters) => setParams((current) => paramsWithOverviewFilters(current, next), { preventScrollReset: true }),
    [setParams],
  );
  return { filters, setFilters };
}
