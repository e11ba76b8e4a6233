import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, dataOf } from '@/lib/api';
import type { PaymentsQuery } from '../list-query';

export const paymentsQueryKey = ['payments', 'list'] as const;

/** Lists send several values comma-separated (`status=success,refunded`), as the API reads them. */
export const commaSeparatedLists = { array: { style: 'form', explode: false } } as const;

/** GET /api/v1/payments: one page, newest first. */
export async function getPayments(query: PaymentsQuery, signal?: AbortSignal) {
  return dataOf(await api.GET('/api/v1/payments', { params: { query }, querySerializer: commaSeparatedLists, signal }));
}

export function paymentsQueryOptions(query: PaymentsQuery) {
  return queryOptions({
    queryKey: [...paymentsQueryKey, query],
    queryFn: ({ signal }) => getPayments(query, signal),
    // Paging keeps the page on screen until the next one arrives.
    placeholderData: keepPreviousData,
  });
}

export function usePayments(query: PaymentsQuery, enabled = true) {
  return useQuery({ ...paymentsQueryOptions(query), enabled });
}
