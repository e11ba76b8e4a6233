import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '@/lib/api';
import type { Payment } from '../types';
import { paymentQueryKey } from './get-payment';
import { useInvalidatePayment } from './invalidate-payment';

/** POST /api/v1/payments/{id}/three_ds: the sandbox's stand-in for the customer's 3-D Secure challenge. */
export async function completeThreeDs(id: string, result: 'pass' | 'fail'): Promise<Payment> {
  return dataOf(
    await api.POST('/api/v1/payments/{payment_id}/three_ds', { params: { path: { payment_id: id } }, body: { result } }),
  );
}

export function useCompleteThreeDs() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidatePayment();
  return useMutation({
    mutationFn: ({ payment, result }: { payment: Payment; result: 'pass' | 'fail' }) => completeThreeDs(payment.id, result),
    onSuccess: (payment) => {
      queryClient.setQueryData(paymentQueryKey(payment.id), payment);
      void invalidate(payment.id);
    },
  });
}
