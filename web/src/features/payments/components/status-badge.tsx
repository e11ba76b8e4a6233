import { Badge } from '@mantine/core';
import { useT } from '@/lib/i18n';
import { operationStatusColors, operationStatusLabel, paymentStatusColors, paymentStatusLabel } from '../labels';
import type { OperationStatus, PaymentStatus } from '../types';

export function PaymentStatusBadge({ status, size = 'sm' }: { status: PaymentStatus; size?: 'sm' | 'md' | 'lg' }) {
  const t = useT();
  return (
    <Badge color={paymentStatusColors[status]} size={size} data-status={status} data-testid="payment-status">
      {paymentStatusLabel(status, t)}
    </Badge>
  );
}

export function OperationStatusBadge({ status }: { status: OperationStatus }) {
  const t = useT();
  return (
    <Badge color={operationStatusColors[status]} size="sm" data-status={status}>
      {operationStatusLabel(status, t)}
    </Badge>
  );
}
