import { z } from 'zod';
import { isoDatePattern } from '@/lib/date-ranges';
import type { Translate } from '@/lib/i18n';

/**
 * A rate as the server takes it (analytics/fx.cpp, parse_rate): digits, at
 * most 9 before the point and at most 9 after it, a point only with digits
 * after it, and more than zero. No sign, no exponent, no thousands separator.
 */
export const ratePattern = /^\d{1,9}(\.\d{1,9})?$/;

export function isPositiveRate(text: string): boolean {
  return ratePattern.test(text) && /[1-9]/.test(text);
}

/** The rate field of the dialogs; the messages are the person's language. */
export function rateSchema(t: Translate) {
  return z
    .string()
    .trim()
    .min(1, t('fxRates.rate.required'))
    .regex(ratePattern, t('fxRates.rate.invalid'))
    .refine((text) => /[1-9]/.test(text), t('fxRates.rate.zero'));
}

/** Day, currency and rate of a new rate; the currency may not be the reporting currency. */
export function newRateSchema(t: Translate, reportingCurrency: string) {
  return z.object({
    day: z.string().regex(isoDatePattern, t('fxRates.day.required')),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, t('fxRates.currency.required'))
      .refine((code) => code !== reportingCurrency, t('fxRates.currency.reporting', { currency: reportingCurrency })),
    rate: rateSchema(t),
  });
}

/** The first message per field of a failed parse: `{ rate: 'Enter a rate …' }`. */
export function fieldMessages(error: z.ZodError): Partial<Record<string, string>> {
  const messages: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    messages[field] ??= issue.message;
  }
  return messages;
}
