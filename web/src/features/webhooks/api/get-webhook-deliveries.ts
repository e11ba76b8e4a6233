import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, dataOf } from '@/lib/api';
import type { WebhookDelivery } from '../types';

export const webhookDeliveriesPageLimit = 25;

export const webhookDeliveriesQueryKey = ['webhook-deliveries', 'list'] as const;

export interface DeliveriesQuery {
  endpoint_id?: string;
  /** Deliveries about one resource, e.g. a payment id. */
  subject_id?: string;
}

/** GET /api/v1/webhook-deliveries: one page, newest first. */
export async function getWebhookDeliveries(query: DeliveriesQuery, startingAfter: string | undefined, signal?: AbortSignal) {
  return dataOf(
    await api.GET('/api/v1/webhook-deliveries', {
      params: { query: { ...query, limit: webhookDeliveriesPageLimit, starting_after: startingAfter } },
      signal,
    }),
  );
}

export function webhookDeliveriesQueryOptions(query: DeliveriesQuery) {
  return infiniteQueryOptions({
    queryKey: [...webhookDeliveriesQueryKey, query],
    queryFn: ({ pageParam, signal }) => getWebhookDeliveries(query, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => (page.has_more ? page.data[page.data.length - 1]?.id : undefined),
  });
}

export function useWebhookDeliveries(query: DeliveriesQuery) {
  return useInfiniteQuery(webhookDeliveriesQueryOptions(query));
}

export function deliveriesOf(pages: readonly { data: WebhookDelivery[] }[] | undefined): WebhookDelivery[] {
  return (pages ?? []).flatMap((page) => page.data);
}
