import { ActionIcon, Button, Code, Group, Select, Skeleton, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconChevronRight, IconRefresh, IconSend, IconWebhook } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { FormError } from '@/components/form-error';
import { formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { deliveriesOf, useWebhookDeliveries } from '../api/get-webhook-deliveries';
import { useResendWebhookDelivery } from '../api/resend-webhook-delivery';
import type { WebhookDelivery, WebhookEndpoint } from '../types';
import classes from './webhooks.module.css';
import { DeliveryStatusBadge } from './delivery-status-badge';

export interface DeliveryLogProps {
  /** Endpoints the person can see: their URLs name the deliveries' endpoints. */
  endpoints: readonly WebhookEndpoint[];
  /** Only deliveries about this resource (a payment's page). */
  subjectId?: string;
  /** Offer a choice of endpoint (the settings page). */
  endpointFilter?: boolean;
  /** May resend deliveries of this project (null: the endpoint is not known). */
  canResendOn: (projectId: string | null) => boolean;
}

/** Every delivery, newest first: status, the receiver's answer, attempts, next attempt; resend and details. */
export function DeliveryLog({ endpoints, subjectId, endpointFilter = false, canResendOn }: DeliveryLogProps) {
  const { t, formatLocale, timeZone } = useI18n();
  const [endpointId, setEndpointId] = useState<string | null>(null);
  const deliveries = useWebhookDeliveries({ endpoint_id: endpointId ?? undefined, subject_id: subjectId });
  const resend = useResendWebhookDelivery();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const shown = deliveriesOf(deliveries.data?.pages);
  const endpointOf = (id: string) => endpoints.find((endpoint) => endpoint.id === id);
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const time = (value: string) => formatDateTime(value, formatLocale, timeZone, 'dateTimeSeconds');
  const columnCount = 8;

  return (
    <Stack gap={0}>
      {endpointFilter && (
        <Group justify="space-between" align="flex-end" px="lg" pb="md" gap="sm">
          <Select
            size="xs"
            w={320}
            label={t('deliveries.endpointFilter')}
            data={[{ value: '', label: t('deliveries.allEndpoints') }, ...endpoints.map((endpoint) => ({ value: endpoint.id, label: endpoint.url }))]}
            value={endpointId ?? ''}
            onChange={(value) => setEndpointId(value === '' || value === null ? null : value)}
            comboboxProps={{ withinPortal: true }}
          />
          <Button
            variant="default"
            size="xs"
            leftSection={<IconRefresh size={14} aria-hidden="true" />}
            onClick={() => void deliveries.refetch()}
            loading={deliveries.isRefetching}
          >
            {t('deliveries.refresh')}
          </Button>
        </Group>
      )}
      {resend.error !== null && (
        <Stack px="lg" pb="sm">
          <FormError error={resend.error} />
        </Stack>
      )}
      {deliveries.isPending && (
        <Stack px="lg" pb="lg" gap="xs">
          <Skeleton h={28} />
          <Skeleton h={28} />
        </Stack>
      )}
      {deliveries.isError && (
        <Stack px="lg" pb="lg">
          <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} retrying={deliveries.isFetching} />
        </Stack>
      )}
      {deliveries.isSuccess && shown.length === 0 &&
        (subjectId !== undefined ? (
          <Text size="sm" c="dimmed" px="lg" pb="lg">
            {t('deliveries.noneForPayment')}
          </Text>
        ) : (
          <EmptyState icon={IconWebhook} title={t('deliveries.none')} description={t('deliveries.noneDescription')} titleOrder={3} />
        ))}
      {shown.length > 0 && (
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing={8} horizontalSpacing="md" data-testid="deliveries-table" className={classes.table}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={40}>
                  <VisuallyHidden>{t('audit.details')}</VisuallyHidden>
                </Table.Th>
                <Table.Th scope="col">{t('deliveries.field.status')}</Table.Th>
                <Table.Th scope="col">{t('deliveries.field.event')}</Table.Th>
                <Table.Th scope="col">{t('deliveries.field.endpoint')}</Table.Th>
                <Table.Th scope="col">{t('deliveries.field.response')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('deliveries.field.attempts')}
                </Table.Th>
                <Table.Th scope="col">{t('deliveries.field.nextAttempt')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('table.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((delivery) => {
                const open = expanded.has(delivery.id);
                const endpoint = endpointOf(delivery.endpoint_id);
                const detailsId = `delivery-${delivery.id}`;
                return (
                  <Fragment key={delivery.id}>
                    <Table.Tr data-delivery-id={delivery.id}>
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          onClick={() => toggle(delivery.id)}
                          aria-expanded={open}
                          aria-controls={open ? detailsId : undefined}
                          aria-label={t('deliveries.toggleDetails', { id: delivery.id })}
                        >
                          {open ? <IconChevronDown size={16} aria-hidden="true" /> : <IconChevronRight size={16} aria-hidden="true" />}
                        </ActionIcon>
                      </Table.Td>
                      <Table.Td>
                        <DeliveryStatusBadge status={delivery.status} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" ff="monospace">
                          {delivery.event_type}
                        </Text>
                        <Text size="xs" c="dimmed" className="kassa-numeric">
                          {time(delivery.created_at)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" className={classes.url} title={endpoint?.url}>
                          {endpoint?.url ?? delivery.endpoint_id}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {delivery.response_status !== null ? (
                          <Code className={delivery.response_status >= 200 && delivery.response_status < 300 ? classes.ok : classes.bad}>
                            {delivery.response_status}
                          </Code>
                        ) : (
                          <Text size="sm" c="dimmed" className={classes.url} title={delivery.error ?? undefined}>
                            {delivery.error ?? t('deliveries.noResponse')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text size="sm" className="kassa-numeric">
                          {delivery.attempts}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed" className="kassa-numeric">
                          {delivery.next_attempt_at === null ? '—' : time(delivery.next_attempt_at)}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        {canResendOn(endpoint?.project_id ?? null) && (
                          <Tooltip label={t('deliveries.resend')} withArrow>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={t('deliveries.resendLabel', { id: delivery.id })}
                              loading={resend.isPending && resend.variables?.id === delivery.id}
                              onClick={() =>
                                resend.mutate(delivery, {
                                  onSuccess: () => notifications.show({ color: 'teal', message: t('deliveries.resent') }),
                                })
                              }
                            >
                              <IconSend size={16} aria-hidden="true" />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Table.Td>
                    </Table.Tr>
                    {open && (
                      <Table.Tr id={detailsId} className={classes.detailsRow}>
                        <Table.Td colSpan={columnCount}>
                          <DeliveryDetails delivery={delivery} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {deliveries.hasNextPage && (
        <Group justify="center" p="md">
          <Button variant="default" size="xs" onClick={() => void deliveries.fetchNextPage()} loading={deliveries.isFetchingNextPage}>
            {t('list.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function DeliveryDetails({ delivery }: { delivery: WebhookDelivery }) {
  const { t, formatLocale, timeZone } = useI18n();
  return (
    <dl className="kassa-facts">
      <div>
        <dt>{t('deliveries.field.id')}</dt>
        <dd>
          <Text span ff="monospace" size="xs">
            {delivery.id}
          </Text>
        </dd>
      </div>
      <div>
        <dt>{t('deliveries.field.subject')}</dt>
        <dd>
          <Text span ff="monospace" size="xs">
            {delivery.subject_id}
          </Text>
        </dd>
      </div>
      <div>
        <dt>{t('deliveries.field.created')}</dt>
        <dd className="kassa-numeric">{formatDateTime(delivery.created_at, formatLocale, timeZone, 'dateTimeSeconds')}</dd>
      </div>
      <div>
        <dt>{t('deliveries.field.duration')}</dt>
        <dd className="kassa-numeric">{t('deliveries.durationMs', { ms: delivery.duration_ms })}</dd>
      </div>
      {delivery.error !== null && (
        <div>
          <dt>{t('deliveries.field.error')}</dt>
          <dd>{delivery.error}</dd>
        </div>
      )}
      <div>
        <dt>{t('deliveries.field.body')}</dt>
        <dd>
          {delivery.response_body === '' ? (
            <Text span c="dimmed" size="sm">
              {t('deliveries.emptyBody')}
            </Text>
          ) : (
            <Code block className={classes.body}>
              {delivery.response_body}
            </Code>
          )}
        </dd>
      </div>
    </dl>
  );
}
