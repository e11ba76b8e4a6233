import { useSearchParams } from 'react-router';
import { currentCursor, cursorStackOf, pageNumberOf, paramsWithCursors, popCursor, pushCursor } from '@/lib/keyset-paging';
import {
  limitParam,
  listFiltersFromParams,
  pageSizeFromParams,
  paramsWithListFilters,
  type ListFilters,
  type ListVocabulary,
} from '../types';

/**
 * A list's state as the URL holds it: filters, page size and the cursor
 * stack behind "Previous". Changing filters or page size goes back to the
 * first page; each change is a history entry, so Back undoes it.
 */
export function useListUrl(vocabulary: ListVocabulary) {
  const [params, setParams] = useSearchParams();
  const filters = listFiltersFromParams(params, vocabulary);
  const pageSize = pageSizeFromParams(params);
  const cursors = cursorStackOf(params);
  return {
    filters,
    pageSize,
    cursors,
    startingAfter: currentCursor(cursors),
    page: pageNumberOf(cursors),
    setFilters: (next: ListFilters) => setParams((current) => paramsWithListFilters(current, next)),
    nextPage: (lastId: string) => setParams((current) => paramsWithCursors(current, pushCursor(cursorStackOf(current), lastId))),
    previousPage: () => setParams((current) => paramsWithCursors(current, popCursor(cursorStackOf(current)))),
    setPageSize: (size: number) =>
      setParams((current) => {
        const next = paramsWithCursors(current, []);
        next.set(limitParam, String(size));
        return next;
      }),
  };
}
