import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf, newIdempotencyKey } from '@/lib/api';
import type { WebhookDelivery } from '../types';
import { webhookDeliveriesQueryKey } from './get-webhook-deliveries';

/** POST /api/v1/webhook-deliveries/{id}/resend: the same event again, as a new delivery. */
export async function resendWebhookDelivery(id: string, idempotencyKey: string): Promise<WebhookDelivery> {
  return dataOf(
    await api.POST('/api/v1/webhook-deliveries/{delivery_id}/resend', {
      params: { path: { delivery_id: id }, header: { 'Idempotency-Key': idempotencyKey } },
    }),
  );
}

export function useResendWebhookDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (delivery: WebhookDelivery) => resendWebhookDelivery(delivery.id, newIdempotencyKey()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookDeliveriesQueryKey }),
  });
}
