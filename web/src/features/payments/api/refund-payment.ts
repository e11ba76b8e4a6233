import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf, isApiProblem, stepUpHeaders, useStepUp, withAttemptKeys } from '@/lib/api';
import type { Payment } from '../types';
import { paymentQueryKey } from './get-payment';
import { useInvalidatePayment } from './invalidate-payment';

export interface RefundInput {
  payment: Payment;
  /** Minor units. */
  amount: number;
  /** The refunded amount the person saw when they decided: if it changed meanwhile, nothing moves (412). */
  expectedRefunded: number;
  /** One key per decided refund (payment, amount, what was seen); each attempt derives its own from it. */
  idempotencyKey: string;
}

/** POST /api/v1/payments/{id}/refunds. */
export async function refundPayment(
  id: string,
  body: { amount: number; expected_refunded: number },
  idempotencyKey: string,
  confirmation?: string,
): Promise<Payment> {
  return dataOf(
    await api.POST('/api/v1/payments/{payment_id}/refunds', {
      params: { path: { payment_id: id }, header: { 'Idempotency-Key': idempotencyKey, ...stepUpHeaders(confirmation) } },
      body,
    }),
  );
}

/** The payment as it is now, from a 412 stale-refunded-amount answer. */
export function currentPaymentOf(error: unknown): Payment | undefined {
  if (!isApiProblem(error) || error.status !== 412) return undefined;
  const current = error.extensions.current;
  if (typeof current !== 'object' || current === null) return undefined;
  const payment = current as Partial<Payment>;
  return typeof payment.id === 'string' && typeof payment.refunded_amount === 'number' ? (current as Payment) : undefined;
}

/**
 * Refunds through the step-up dialog when the server asks for one (large
 * refunds). On success and on a 412 the cached payment becomes the server's.
 */
export function useRefundPayment() {
  const withStepUp = useStepUp();
  const queryClient = useQueryClient();
  const invalidate = useInvalidatePayment();
  return useMutation({
    mutationFn: ({ payment, amount, expectedRefunded, idempotencyKey }: RefundInput) =>
      withStepUp(
        withAttemptKeys(idempotencyKey, (key, confirmation: string | undefined) =>
          refundPayment(payment.id, { amount, expected_refunded: expectedRefunded }, key, confirmation),
        ),
      ),
    onSuccess: (payment) => {
      queryClient.setQueryData(paymentQueryKey(payment.id), payment);
      void invalidate(payment.id);
    },
    onError: (error) => {
      const current = currentPaymentOf(error);
      if (current !== undefined) {
        queryClient.setQueryData(paymentQueryKey(current.id), current);
        void invalidate(current.id);
      }
    },
  });
}
