import { Alert, Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { newIdempotencyKey } from '@/lib/api';
import { formatAmount } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { parseMoneyInput } from '@/lib/money';
import { currentPaymentOf, useRefundPayment } from '../api/refund-payment';
import { moneyErrorMessage } from '../money-messages';
import { refundStepUpThresholdMinor } from '../payment-problem';
import type { Payment } from '../types';
import { PaymentProblemAlert } from './payment-problem-alert';

export interface RefundDialogProps {
  payment: Payment;
  onClose: () => void;
  onRefunded?: (payment: Payment) => void;
}

/**
 * A full or partial refund of what the person sees. The refund is sent with
 * `expected_refunded` (the refunded amount shown here), so if someone else
 * refunded meanwhile nothing moves: the dialog then shows the new numbers
 * and the person decides again.
 */
export function RefundDialog({ payment, onClose, onRefunded }: RefundDialogProps) {
  const { t, formatLocale } = useI18n();
  // The numbers the person decides on: as the dialog opened, or as a 412 said they are now.
  const [basis, setBasis] = useState(payment);
  const [kind, setKind] = useState<'full' | 'partial'>('full');
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const [requestKey] = useState(newIdempotencyKey);
  const refund = useRefundPayment();
  const money = (amount: number) => formatAmount(amount, basis.currency, formatLocale);

  const refundable = basis.refundable_amount;
  const parsed = parseMoneyInput(text, basis.currency, formatLocale);
  let error: string | undefined;
  let amount: number | undefined;
  if (kind === 'full') {
    amount = refundable > 0 ? refundable : undefined;
  } else if (!parsed.ok) {
    error = moneyErrorMessage(parsed.error, basis.currency, t);
  } else if (parsed.minor === 0) {
    error = t('refund.zero');
  } else if (parsed.minor > refundable) {
    error = t('refund.exceeds', { max: money(refundable) });
  } else {
    amount = parsed.minor;
  }
  const stale = currentPaymentOf(refund.error);

  const submit = () => {
    setTouched(true);
    if (amount === undefined) return;
    const refunded = amount;
    refund.mutate(
      {
        payment: basis,
        amount: refunded,
        expectedRefunded: basis.refunded_amount,
        idempotencyKey: `${requestKey}.${refunded}.${basis.refunded_amount}`,
      },
      {
        onSuccess: (updated) => {
          notifications.show({ color: 'teal', message: t('refund.done', { amount: money(refunded) }) });
          onRefunded?.(updated);
          onClose();
        },
        onError: (failure) => {
          const current = currentPaymentOf(failure);
          if (current !== undefined) setBasis(current);
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('refund.title')} centered size={480} closeButtonProps={{ 'aria-label': t('dialog.close') }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="md">
          <Text size="sm" data-testid="refund-summary">
            {t('refund.summary', { refundable: money(refundable), captured: money(basis.captured_amount) })}
          </Text>
          {stale !== undefined && (
            <Alert color="orange" variant="light" icon={<IconUsers size={18} aria-hidden="true" />} title={t('refund.stale.title')} role="alert" data-testid="refund-stale">
              {t('refund.stale.description', { refunded: money(stale.refunded_amount), refundable: money(stale.refundable_amount) })}
            </Alert>
          )}
          {refundable === 0 ? (
            <Text size="sm" c="dimmed">
              {t('refund.nothingLeft')}
            </Text>
          ) : (
            <Radio.Group label={t('refund.kind')} value={kind} onChange={(value) => setKind(value === 'partial' ? 'partial' : 'full')}>
              <Stack gap="xs" mt={6}>
                <Radio value="full" label={t('refund.full')} description={t('refund.fullHint', { amount: money(refundable) })} />
                <Radio value="partial" label={t('refund.partial')} />
              </Stack>
            </Radio.Group>
          )}
          {kind === 'partial' && refundable > 0 && (
            <TextInput
              label={t('refund.amount')}
              description={t('refund.amountHint', { max: money(refundable) })}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              onBlur={() => setTouched(true)}
              inputMode="decimal"
              rightSection={
                <Text size="xs" c="dimmed">
                  {basis.currency}
                </Text>
              }
              rightSectionWidth={48}
              error={touched || text.trim() !== '' ? error : undefined}
              required
              data-autofocus
            />
          )}
          {amount !== undefined && amount > refundStepUpThresholdMinor && (
            <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} aria-hidden="true" />}>
              {t('refund.stepUpHint', { threshold: money(refundStepUpThresholdMinor) })}
            </Alert>
          )}
          {refund.error !== null && stale === undefined && <PaymentProblemAlert error={refund.error} currency={basis.currency} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={refund.isPending}>
              {t('dialog.cancel')}
            </Button>
            <Button type="submit" loading={refund.isPending} disabled={refundable === 0 || (touched && amount === undefined)}>
              {amount !== undefined ? t('refund.submit', { amount: money(amount) }) : t('payment.refund')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
