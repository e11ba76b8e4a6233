import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '@/lib/api';
import type { Payment } from '../types';
import { paymentQueryKey } from './get-payment';
import { useInvalidatePayment } from './invalidate-payment';

/** POST /api/v1/payments/{id}/capture: `amount` in minor units, at most the authorised amount. */
export async function capturePayment(id: string, amount: number, idempotencyKey: string): Promise<Payment> {
  return dataOf(
    await api.POST('/api/v1/payments/{payment_id}/capture', {
      params: { path: { payment_id: id }, header: { 'Idempotency-Key': idempotencyKey } },
      body: { amount },
    }),
  );
}

export function useCapturePayment() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidatePayment();
  return useMutation({
    mutationFn: ({ payment, amount, idempotencyKey }: { payment: Payment; amount: number; idempotencyKey: string }) =>
      capturePayment(payment.id, amount, idempotencyKey),
    onSuccess: (payment) => {
      queryClient.setQueryData(paymentQueryKey(payment.id), payment);
      void invalidate(payment.id);
    },
  });
}
