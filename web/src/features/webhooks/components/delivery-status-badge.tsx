import { Badge } from '@mantine/core';
import type { PlainMessageKey } from '@/lib/i18n';
import { useT } from '@/lib/i18n';
import type { WebhookDeliveryStatus } from '../types';

const colors: Readonly<Record<WebhookDeliveryStatus, string>> = {
  pending: 'gray',
  succeeded: 'teal',
  failed: 'orange',
  dead: 'red',
};

export function DeliveryStatusBadge({ status }: { status: WebhookDeliveryStatus }) {
  const t = useT();
  const key: PlainMessageKey = `deliveries.status.${status}`;
  return (
    <Badge color={colors[status]} size="sm" data-status={status}>
      {t(key)}
    </Badge>
  );
}
