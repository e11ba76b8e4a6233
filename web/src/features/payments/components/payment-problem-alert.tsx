import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { FormError } from '@/components/form-error';
import { useI18n } from '@/lib/i18n';
import { paymentProblemText } from '../payment-problem';

/** Why a payment action was refused: the rule in words when Kassa knows it, else the server's problem. */
export function PaymentProblemAlert({ error, currency }: { error: unknown; currency: string }) {
  const { t, formatLocale } = useI18n();
  const text = paymentProblemText(error, currency, formatLocale, t);
  if (text === undefined) return <FormError error={error} />;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden="true" />} role="alert">
      {text}
    </Alert>
  );
}
