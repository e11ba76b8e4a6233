import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, dataOf } from '@/lib/api';
import type { Company } from '../types';

export const companyQueryKey = ['company'] as const;

/** GET /api/v1/company. */
export async function getCompany(signal?: AbortSignal): Promise<Company> {
  return dataOf(await api.GET('/api/v1/company', { signal }));
}

export function companyQueryOptions() {
  return queryOptions({ queryKey: companyQueryKey, queryFn: ({ signal }) => getCompany(signal) });
}

export function useCompany() {
  return useQuery(companyQueryOptions());
}
