import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, dataOf } from '@/lib/api';
import type { FxRateQuery } from '../types';

export const fxRatesQueryKey = ['fx-rates', 'list'] as const;

/** GET /api/v1/fx-rates: newest day first, at most 5000 rates. */
export async function getFxRates(query: FxRateQuery, signal?: AbortSignal) {
  return dataOf(await api.GET('/api/v1/fx-rates', { params: { query }, signal }));
}

export function fxRatesQueryOptions(query: FxRateQuery) {
  return queryOptions({
    queryKey: [...fxRatesQueryKey, query],
    queryFn: ({ signal }) => getFxRates(query, signal),
  });
}

/** The rates of a filter; the previous answer stays on screen (dimmed) while the next loads. */
export function useFxRates(query: FxRateQuery) {
  return useQuery({ ...fxRatesQueryOptions(query), placeholderData: keepPreviousData });
}
