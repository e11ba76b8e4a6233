import { isApiProblem } from '@/lib/api';
import { formatAmount } from '@/lib/format';
import type { Translate } from '@/lib/i18n';

/** Refunds above this many minor units, from the Dashboard, need refunds.unlimited and a step-up. */
export const refundStepUpThresholdMinor = 50_000;

const ruleSlugs = [
  'refund-exceeds-captured',
  'not-refundable',
  'nothing-to-refund',
  'not-capturable',
  'already-captured',
  'capture-exceeds-authorized',
  'payment-cancelled',
  'not-cancellable',
  'invalid-amount',
  'no-challenge-pending',
] as const;

type RuleSlug = (typeof ruleSlugs)[number];

function isRuleSlug(slug: string | undefined): slug is RuleSlug {
  return (ruleSlugs as readonly string[]).includes(slug ?? '');
}

/**
 * The payment rule a refusal names (422 `refund-exceeds-captured`, 403
 * `refund-limit`, …) in the person's words; undefined for other errors,
 * which show as the server put them.
 */
export function paymentProblemText(error: unknown, currency: string, locale: string, t: Translate): string | undefined {
  if (!isApiProblem(error)) return undefined;
  if (error.is('refund-limit')) {
    return t('payment.error.refund-limit', { threshold: formatAmount(refundStepUpThresholdMinor, currency, locale) });
  }
  const slug = error.slug;
  return isRuleSlug(slug) ? t(`payment.error.${slug}`) : undefined;
}
