import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '@/lib/api';
import type { CreateWebhookEndpointRequest, WebhookEndpointWithSecret } from '../types';
import { webhookEndpointsQueryKey } from './get-webhook-endpoints';

/** POST /api/v1/webhook-endpoints: answers the signing secret, once. */
export async function createWebhookEndpoint(body: CreateWebhookEndpointRequest): Promise<WebhookEndpointWithSecret> {
  return dataOf(await api.POST('/api/v1/webhook-endpoints', { body }));
}

export function useCreateWebhookEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWebhookEndpoint,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookEndpointsQueryKey }),
  });
}
