import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, dataOf } from '@/lib/api';

export const webhookEndpointsQueryKey = ['webhook-endpoints', 'list'] as const;

/** GET /api/v1/webhook-endpoints?project_id=: every endpoint (the list is not paged). */
export async function getWebhookEndpoints(projectId: string | null, signal?: AbortSignal) {
  return dataOf(
    await api.GET('/api/v1/webhook-endpoints', { params: { query: { project_id: projectId ?? undefined } }, signal }),
  );
}

export function webhookEndpointsQueryOptions(projectId: string | null) {
  return queryOptions({
    queryKey: [...webhookEndpointsQueryKey, { projectId }],
    queryFn: ({ signal }) => getWebhookEndpoints(projectId, signal),
  });
}

export function useWebhookEndpoints(projectId: string | null, enabled = true) {
  return useQuery({ ...webhookEndpointsQueryOptions(projectId), enabled });
}
