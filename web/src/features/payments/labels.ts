import { cardBrandName, countryName } from '@/lib/display-names';
import { formatDateTime } from '@/lib/format';
import type { PlainMessageKey, Translate } from '@/lib/i18n';
import type { LedgerAccount, OperationStatus, OperationType, Payment, PaymentMethod, PaymentStatus } from './types';

/** Shared with the overview's breakdowns. */
export { cardBrandName, countryName };

/** Mantine colours of the status badges, by what the status means for the merchant's money. */
export const paymentStatusColors: Readonly<Record<PaymentStatus, string>> = {
  success: 'teal',
  awaiting_capture: 'kassa',
  processing: 'gray',
  partially_refunded: 'gray',
  refunded: 'gray',
  partially_charged_back: 'orange',
  charged_back: 'orange',
  declined: 'red',
  cancelled: 'gray',
};

export const operationStatusColors: Readonly<Record<OperationStatus, string>> = {
  success: 'teal',
  processing: 'gray',
  decline: 'red',
  error: 'red',
};

// Checked by the compiler: each must be a key of the catalogue.
export function paymentStatusLabel(status: PaymentStatus, t: Translate): string {
  const key: PlainMessageKey = `payments.status.${status}`;
  return t(key);
}

export function operationStatusLabel(status: OperationStatus, t: Translate): string {
  const key: PlainMessageKey = `operations.status.${status}`;
  return t(key);
}

export function operationTypeLabel(type: OperationType, t: Translate): string {
  const key: PlainMessageKey = `operations.type.${type}`;
  return t(key);
}

export function methodLabel(method: PaymentMethod, t: Translate): string {
  const key: PlainMessageKey = `payments.method.${method}`;
  return t(key);
}

export function ledgerAccountLabel(account: LedgerAccount, t: Translate): string {
  const key: PlainMessageKey = `ledger.account.${account}`;
  return t(key);
}

/** "Visa •••• 4242", or the method's name for payments without a card. */
export function paymentMethodText(payment: Pick<Payment, 'method' | 'card'>, t: Translate): string {
  if (payment.card !== null) return `${cardBrandName(payment.card.brand)} •••• ${payment.card.last4}`;
  return methodLabel(payment.method, t);
}

/** "MM/YYYY". */
export function cardExpiry(month: number, year: number): string {
  return `${String(month).padStart(2, '0')}/${year}`;
}

/** A time in a list: without the year when it is this year's (in the business time zone), as Stripe's lists do. */
export function listDateTime(value: string, locale: string, timeZone: string, now: Date = new Date()): string {
  const yearFormat = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' });
  const year = (date: Date | string) => yearFormat.format(typeof date === 'string' ? new Date(date) : date);
  return formatDateTime(value, locale, timeZone, year(value) === year(now) ? 'dayTime' : 'dateTime');
}
