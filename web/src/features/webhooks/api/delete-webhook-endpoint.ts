import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { webhookEndpointsQueryKey } from './get-webhook-endpoints';

/** DELETE /api/v1/webhook-endpoints/{id}: its deliveries stay in the log. */
export async function deleteWebhookEndpoint(id: string): Promise<void> {
  await api.DELETE('/api/v1/webhook-endpoints/{endpoint_id}', { params: { path: { endpoint_id: id } } });
}

export function useDeleteWebhookEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteWebhookEndpoint,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookEndpointsQueryKey }),
  });
}
