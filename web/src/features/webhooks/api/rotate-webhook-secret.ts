import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '@/lib/api';
import type { WebhookEndpointWithSecret } from '../types';
import { webhookEndpointsQueryKey } from './get-webhook-endpoints';

/** POST /api/v1/webhook-endpoints/{id}/rotate-secret: the new secret, once; the old one signs for 24 h more. */
export async function rotateWebhookSecret(id: string): Promise<WebhookEndpointWithSecret> {
  return dataOf(await api.POST('/api/v1/webhook-endpoints/{endpoint_id}/rotate-secret', { params: { path: { endpoint_id: id } } }));
}

export function useRotateWebhookSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rotateWebhookSecret,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookEndpointsQueryKey }),
  });
}
