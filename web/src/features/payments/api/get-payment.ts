import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, dataOf } from '@/lib/api';
import type { Payment } from '../types';

export function paymentQueryKey(id: string) {
  return ['payments', 'detail', id] as const;
}

/** GET /api/v1/payments/{id}: the payment with its operations, oldest first. */
export async function getPayment(id: string, signal?: AbortSignal): Promise<Payment> {
  return dataOf(await api.GET('/api/v1/payments/{payment_id}', { params: { path: { payment_id: id } }, signal }));
}

export function paymentQueryOptions(id: string) {
  return queryOptions({
    queryKey: paymentQueryKey(id),
    queryFn: ({ signal }) => getPayment(id, signal),
    // 404 (unknown or not visible) will not change by asking again.
    retry: false,
  });
}

export function usePayment(id: string) {
  return useQuery(paymentQueryOptions(id));
}
