import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { newIdempotencyKey } from '@/lib/api';
import { formatAmount } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { minorUnitsToInput, parseMoneyInput } from '@/lib/money';
import { useCapturePayment } from '../api/capture-payment';
import { moneyErrorMessage } from '../money-messages';
import type { Payment } from '../types';
import { PaymentProblemAlert } from './payment-problem-alert';

/** Captures an authorisation: all of it by default, or less (the rest is released). */
export function CaptureDialog({ payment, onClose }: { payment: Payment; onClose: () => void }) {
  const { t, formatLocale } = useI18n();
  const [text, setText] = useState(() => minorUnitsToInput(payment.authorized_amount, payment.currency));
  const [requestKey] = useState(newIdempotencyKey);
  const capture = useCapturePayment();
  const money = (amount: number) => formatAmount(amount, payment.currency, formatLocale);
  const parsed = parseMoneyInput(text, payment.currency, formatLocale);
  let error: string | undefined;
  let amount: number | undefined;
  if (!parsed.ok) error = moneyErrorMessage(parsed.error, payment.currency, t);
  else if (parsed.minor === 0) error = t('payment.error.invalid-amount');
  else if (parsed.minor > payment.authorized_amount) error = t('capture.exceeds', { max: money(payment.authorized_amount) });
  else amount = parsed.minor;

  return (
    <Modal opened onClose={onClose} title={t('capture.title')} centered size={440} closeButtonProps={{ 'aria-label': t('dialog.close') }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (amount === undefined) return;
          const captured = amount;
          capture.mutate(
            { payment, amount: captured, idempotencyKey: `${requestKey}.${captured}` },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('capture.done', { amount: money(captured) }) });
                onClose();
              },
            },
          );
        }}
        noValidate
      >
        <Stack gap="md">
          <Text size="sm">{t('capture.description', { authorized: money(payment.authorized_amount) })}</Text>
          <TextInput
            label={t('capture.amount')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            inputMode="decimal"
            rightSection={
              <Text size="xs" c="dimmed">
                {payment.currency}
              </Text>
            }
            rightSectionWidth={48}
            error={error}
            data-autofocus
          />
          {capture.error !== null && <PaymentProblemAlert error={capture.error} currency={payment.currency} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={capture.isPending}>
              {t('dialog.cancel')}
            </Button>
            <Button type="submit" loading={capture.isPending} disabled={amount === undefined}>
              {amount !== undefined ? t('capture.submit', { amount: money(amount) }) : t('payment.capture')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
