import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '@/lib/api';
import type { Payment } from '../types';
import { paymentQueryKey } from './get-payment';
import { useInvalidatePayment } from './invalidate-payment';

/** POST /api/v1/payments/{id}/cancel: releases the authorisation. */
export async function cancelPayment(id: string, idempotencyKey: string): Promise<Payment> {
  return dataOf(
    await api.POST('/api/v1/payments/{payment_id}/cancel', {
      params: { path: { payment_id: id }, header: { 'Idempotency-Key': idempotencyKey } },
    }),
  );
}

export function useCancelPayment() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidatePayment();
  return useMutation({
    mutationFn: ({ payment, idempotencyKey }: { payment: Payment; idempotencyKey: string }) => cancelPayment(payment.id, idempotencyKey),
    onSuccess: (payment) => {
      queryClient.setQueryData(paymentQueryKey(payment.id), payment);
      void invalidate(payment.id);
    },
  });
}
