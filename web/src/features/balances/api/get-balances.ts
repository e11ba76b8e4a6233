import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, dataOf } from '@/lib/api';

export const balancesQueryKey = ['balances', 'list'] as const;

/** GET /api/v1/balances: every ledger account with entries, per project and currency. */
export async function getBalances(signal?: AbortSignal) {
  return dataOf(await api.GET('/api/v1/balances', { signal }));
}

export function balancesQueryOptions() {
  return queryOptions({ queryKey: balancesQueryKey, queryFn: ({ signal }) => getBalances(signal) });
}

export function useBalances() {
  return useQuery(balancesQueryOptions());
}
