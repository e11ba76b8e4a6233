/**
 * Reading amounts people type ("12.50", "1.234,50", "1 000") into integer
 * minor units, exactly: the digits are handled as text and the result is
 * built with BigInt, never through a floating-point number.
 */
import { currencyFractionDigits, minorUnitsToDecimalString } from './format';

/** Why a typed amount was not taken. */
export type MoneyInputError = 'empty' | 'invalid' | 'tooManyDecimals' | 'tooLarge';

export type MoneyInputResult =
  | { ok: true; minor: number; /** The amount as a plain decimal: "1234.5". */ decimal: string }
  | { ok: false; error: MoneyInputError };

/** Every amount fits a JavaScript safe integer (and the server's int64). */
export const amountMinorMax = BigInt(Number.MAX_SAFE_INTEGER);

/** Spaces of every kind and apostrophes group digits in some locales ("1 000", "1'000"). */
const groupingCharacters = /[\s\u00a0\u202f'’]/g;

function separatorsOf(locale: string): { decimal: string; group: string } {
  try {
    const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
    return {
      decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
      group: parts.find((part) => part.type === 'group')?.value ?? ',',
    };
  } catch {
    return { decimal: '.', group: ',' };
  }
}

/**
 * The typed text as a plain decimal ("1234.50"), or null when it is not a
 * number. Both "." and "," are understood: when both appear, the last one is
 * the decimal separator; when one appears once, it is the locale's decimal
 * separator, or a thousands separator if it is the locale's and three digits
 * follow ("1,234" in English), or if three digits follow and the currency has
 * no decimals ("1.000" yen is a thousand); when it appears more than once, it
 * groups thousands.
 */
export function normaliseDecimalInput(text: string, locale: string, fractionDigits?: number): string | null {
  const compact = text.trim().replace(groupingCharacters, '');
  if (!/^[0-9.,]+$/.test(compact) || !/[0-9]/.test(compact)) return null;
  const dots = compact.split('.').length - 1;
  const commas = compact.split(',').length - 1;
  let whole = compact;
  let fraction = '';
  const splitAt = (separator: string) => {
    const index = compact.lastIndexOf(separator);
    whole = compact.slice(0, index);
    fraction = compact.slice(index + 1);
  };
  if (dots > 0 && commas > 0) {
    const decimal = compact.lastIndexOf('.') > compact.lastIndexOf(',') ? '.' : ',';
    if ((decimal === '.' ? dots : commas) > 1) return null;
    splitAt(decimal);
  } else if (dots + commas === 1) {
    const separator = dots === 1 ? '.' : ',';
    const { decimal } = separatorsOf(locale);
    const digitsAfter = compact.length - compact.indexOf(separator) - 1;
    const groupsThousands = (separator !== decimal || fractionDigits === 0) && digitsAfter === 3 && compact.indexOf(separator) > 0;
    if (!groupsThousands) splitAt(separator);
  }
  // What is left in `whole` may hold thousands separators: each group has three digits.
  const groups = whole.split(/[.,]/);
  const first = groups[0] ?? '';
  const groupedBadly = first === '' || first.startsWith('0') || groups.slice(1).some((group) => group.length !== 3);
  if (groups.length > 1 && groupedBadly) return null;
  const wholeDigits = groups.join('');
  if (!/^[0-9]*$/.test(wholeDigits) || !/^[0-9]*$/.test(fraction)) return null;
  if (wholeDigits === '' && fraction === '') return null;
  const wholeCanonical = wholeDigits.replace(/^0+(?=[0-9])/, '') || '0';
  return fraction === '' ? wholeCanonical : `${wholeCanonical}.${fraction}`;
}

/**
 * Minor units from a plain decimal ("12.5") for a number of fraction digits:
 * ("12.5", 2) → 1250. More decimals than the currency has are refused,
 * unless they are zeros ("12.500" is 1250).
 */
export function decimalToMinorUnits(decimal: string, fractionDigits: number): MoneyInputResult {
  const match = /^([0-9]+)(?:\.([0-9]+))?$/.exec(decimal);
  if (match === null) return { ok: false, error: 'invalid' };
  const whole = match[1] ?? '0';
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > fractionDigits) return { ok: false, error: 'tooManyDecimals' };
  const minor = BigInt(whole + fraction.padEnd(fractionDigits, '0'));
  if (minor > amountMinorMax) return { ok: false, error: 'tooLarge' };
  return { ok: true, minor: Number(minor), decimal: minorUnitsToDecimalString(minor, fractionDigits) };
}

/**
 * What a person typed, in minor units of the currency:
 * `parseMoneyInput('12.34', 'EUR', 'en')` → 1234; `('1.000', 'JPY', 'de')` → 1000;
 * `('1.005', 'EUR', 'en')` → too many decimals.
 */
export function parseMoneyInput(text: string, currency: string, locale: string): MoneyInputResult {
  if (text.trim() === '') return { ok: false, error: 'empty' };
  const fractionDigits = currencyFractionDigits(currency);
  const decimal = normaliseDecimalInput(text, locale, fractionDigits);
  if (decimal === null) return { ok: false, error: 'invalid' };
  return decimalToMinorUnits(decimal, fractionDigits);
}

/** Minor units as text to put in an input: (1250, 'EUR') → "12.50", (500, 'JPY') → "500". */
export function minorUnitsToInput(amountMinor: number, currency: string): string {
  return minorUnitsToDecimalString(amountMinor, currencyFractionDigits(currency));
}
