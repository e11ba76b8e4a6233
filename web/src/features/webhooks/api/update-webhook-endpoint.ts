import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf, ifMatch, useVersionCheck } from '@/lib/api';
import { useT } from '@/lib/i18n';
import type { UpdateWebhookEndpointRequest, WebhookEndpoint } from '../types';
import { webhookEndpointsQueryKey } from './get-webhook-endpoints';

/** PATCH /api/v1/webhook-endpoints/{id}, based on `version`. */
export async function updateWebhookEndpoint(id: string, changes: UpdateWebhookEndpointRequest, version: number): Promise<WebhookEndpoint> {
  return dataOf(
    await api.PATCH('/api/v1/webhook-endpoints/{endpoint_id}', {
      params: { path: { endpoint_id: id }, header: { 'If-Match': ifMatch(version) } },
      body: changes,
    }),
  );
}

/** Changes an endpoint; if someone else changed it meanwhile, the conflict dialog asks what to keep. */
export function useUpdateWebhookEndpoint() {
  const t = useT();
  const queryClient = useQueryClient();
  const withVersionCheck = useVersionCheck();
  return useMutation({
    mutationFn: ({ endpoint, changes }: { endpoint: WebhookEndpoint; changes: UpdateWebhookEndpointRequest }) =>
      withVersionCheck({
        version: endpoint.version,
        subject: t('webhooks.conflictSubject', { url: endpoint.url }),
        mine: changes,
        fields: [
          { key: 'url', label: t('webhooks.field.url') },
          { key: 'description', label: t('webhooks.field.description') },
          { key: 'status', label: t('webhooks.field.status') },
        ].filter((field) => field.key in changes),
        send: (version) => updateWebhookEndpoint(endpoint.id, changes, version),
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookEndpointsQueryKey }),
  });
}
