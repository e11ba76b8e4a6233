import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, dataOf } from '@/lib/api';
import type { OperationsQuery } from '../list-query';
import { commaSeparatedLists } from './get-payments';

export const operationsQueryKey = ['operations', 'list'] as const;

/** GET /api/v1/operations: one page, newest first. */
export async function getOperations(query: OperationsQuery, signal?: AbortSignal) {
  return dataOf(await api.GET('/api/v1/operations', { params: { query }, querySerializer: commaSeparatedLists, signal }));
}

export function operationsQueryOptions(query: OperationsQuery) {
  return queryOptions({
    queryKey: [...operationsQueryKey, query],
    queryFn: ({ signal }) => getOperations(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOperations(query: OperationsQuery, enabled = true) {
  return useQuery({ ...operationsQueryOptions(query), enabled });
}
