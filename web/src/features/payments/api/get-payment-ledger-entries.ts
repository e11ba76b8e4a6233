import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, dataOf } from '@/lib/api';

export function paymentLedgerEntriesQueryKey(id: string) {
  return ['payments', 'ledger-entries', id] as const;
}

/** GET /api/v1/payments/{id}/ledger-entries: what the payment's operations posted (needs balances.read). */
export async function getPaymentLedgerEntries(id: string, signal?: AbortSignal) {
  return dataOf(
    await api.GET('/api/v1/payments/{payment_id}/ledger-entries', { params: { path: { payment_id: id } }, signal }),
  );
}

export function paymentLedgerEntriesQueryOptions(id: string) {
  return queryOptions({
    queryKey: paymentLedgerEntriesQueryKey(id),
    queryFn: ({ signal }) => getPaymentLedgerEntries(id, signal),
    retry: false,
  });
}

export function usePaymentLedgerEntries(id: string, enabled: boolean) {
  return useQuery({ ...paymentLedgerEntriesQueryOptions(id), enabled });
}
