import { Group, Stack, Text, ThemeIcon, Timeline } from '@mantine/core';
import {
  IconArrowBackUp,
  IconCircleCheck,
  IconCircleX,
  IconClockHour4,
  IconGavel,
  IconLock,
  IconLockOpen,
  IconReceipt,
  IconRotate,
  type Icon,
} from '@tabler/icons-react';
import { formatAmount, formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { operationStatusColors, operationTypeLabel } from '../labels';
import type { Operation, OperationType } from '../types';
import classes from './list-table.module.css';
import { OperationStatusBadge } from './status-badge';

const typeIcons: Readonly<Record<OperationType, Icon>> = {
  sale: IconReceipt,
  auth: IconLock,
  capture: IconCircleCheck,
  cancel: IconLockOpen,
  refund: IconArrowBackUp,
  chargeback: IconGavel,
  reversal: IconRotate,
};

function bulletIcon(operation: Operation): Icon {
  if (operation.status === 'processing') return IconClockHour4;
  if (operation.status === 'decline' || operation.status === 'error') return IconCircleX;
  return typeIcons[operation.type];
}

/** The payment's operations, newest first: what happened, for how much, what the processor said, when. */
export function OperationsTimeline({ operations }: { operations: readonly Operation[] }) {
  const { t, formatLocale, timeZone } = useI18n();
  const newestFirst = [...operations].reverse();
  if (newestFirst.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('payment.timelineEmpty')}
      </Text>
    );
  }
  return (
    <Timeline bulletSize={26} lineWidth={2} data-testid="payment-timeline">
      {newestFirst.map((operation) => {
        const BulletIcon = bulletIcon(operation);
        const color = operationStatusColors[operation.status];
        const amount = formatAmount(operation.amount, operation.currency, formatLocale);
        return (
          <Timeline.Item
            key={operation.id}
            bullet={
              <ThemeIcon size={26} radius="xl" color={color} variant="light" aria-hidden="true">
                <BulletIcon size={14} stroke={1.8} />
              </ThemeIcon>
            }
            title={
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={600} className="kassa-numeric">
                  {t('payment.op.title', { type: operationTypeLabel(operation.type, t), amount })}
                </Text>
                <OperationStatusBadge status={operation.status} />
              </Group>
            }
            data-operation-type={operation.type}
          >
            <Stack gap={2} mt={4}>
              {operation.decline_code !== null && (
                <Text size="sm" className={classes.decline}>
                  {operation.decline_message !== null
                    ? t('payment.op.declined', { code: operation.decline_code, message: operation.decline_message })
                    : t('payment.op.declinedNoMessage', { code: operation.decline_code })}
                </Text>
              )}
              {operation.fee > 0 && (
                <Text size="xs" c="dimmed" className="kassa-numeric">
                  {t('payment.op.fee', { fee: formatAmount(operation.fee, operation.currency, formatLocale) })}
                </Text>
              )}
              {operation.processor_reference !== '' && (
                <Text size="xs" c="dimmed">
                  {t('payment.op.reference', { reference: operation.processor_reference })}
                </Text>
              )}
              <Text size="xs" c="dimmed" className="kassa-numeric">
                <time dateTime={operation.created_at}>{formatDateTime(operation.created_at, formatLocale, timeZone, 'dateTimeSeconds')}</time>
                {' · '}
                <span style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>{operation.id}</span>
              </Text>
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
