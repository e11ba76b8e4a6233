import { currencyFractionDigits } from '@/lib/format';
import type { Translate } from '@/lib/i18n';
import type { MoneyInputError } from '@/lib/money';

/** Why a typed amount was not taken, in words. */
export function moneyErrorMessage(error: MoneyInputError, currency: string, t: Translate): string {
  switch (error) {
    case 'empty':
      return t('money.error.empty');
    case 'invalid':
      return t('money.error.invalid');
    case 'tooManyDecimals': {
      const digits = currencyFractionDigits(currency);
      return digits === 0 ? t('money.error.noDecimals', { currency }) : t('money.error.tooManyDecimals', { currency, digits });
    }
    case 'tooLarge':
      return t('money.error.tooLarge');
  }
}
