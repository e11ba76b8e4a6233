/**
 * Formatting of money, numbers and times for display, with `Intl`.
 *
 * Money arrives from the API as an integer count of minor units plus an
 * ISO 4217 currency code. It is never turned into a floating-point number:
 * the minor units are written out as an exact decimal string and handed to
 * `Intl.NumberFormat`, which formats decimal strings without rounding them
 * through a double (ECMA-402 "NumberFormat v3").
 */

/** Formatters are costly to build; a bounded cache keeps the hot ones. */
const formatterCacheSizeMax = 256;
const numberFormatters = new Map<string, Intl.NumberFormat>();
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function cached<T>(cache: Map<string, T>, key: string, build: () => T): T {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (cache.size >= formatterCacheSizeMax) cache.clear();
  const built = build();
  cache.set(key, built);
  return built;
}

const currencyCodePattern = /^[A-Z]{3}$/;

function assertCurrencyCode(currency: string): void {
  if (!currencyCodePattern.test(currency)) {
    throw new RangeError(`not an ISO 4217 currency code: "${currency}"`);
  }
}

export type CurrencyDisplay = 'symbol' | 'narrowSymbol' | 'code' | 'name';

function currencyFormatter(currency: string, locale: string, display: CurrencyDisplay): Intl.NumberFormat {
  assertCurrencyCode(currency);
  return cached(numberFormatters, `currency|${locale}|${currency}|${display}`, () => {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: display });
  });
}

/**
 * How many digits the currency has after the decimal separator
 * (EUR 2, JPY 0, KWD 3), as `Intl` knows it. The locale does not change it.
 */
export function currencyFractionDigits(currency: string): number {
  const digits = currencyFormatter(currency, 'en', 'code').resolvedOptions().maximumFractionDigits;
  if (digits === undefined) throw new RangeError(`no fraction digits known for ${currency}`);
  return digits;
}

function toBigInt(amountMinor: number | bigint): bigint {
  if (typeof amountMinor === 'bigint') return amountMinor;
  if (!Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`amount in minor units must be a safe integer, got ${amountMinor}`);
  }
  return BigInt(amountMinor);
}

/**
 * The exact decimal string of an amount in minor units:
 * (12345, 2) → "123.45", (-5, 2) → "-0.05", (500, 0) → "500".
 */
export function minorUnitsToDecimalString(amountMinor: number | bigint, fractionDigits: number): `${number}` {
  if (!Number.isInteger(fractionDigits) || fractionDigits < 0 || fractionDigits > 20) {
    throw new RangeError(`fraction digits out of range: ${fractionDigits}`);
  }
  const value = toBigInt(amountMinor);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(fractionDigits + 1, '0');
  const whole = digits.slice(0, digits.length - fractionDigits);
  const fraction = digits.slice(digits.length - fractionDigits);
  const unsigned = fractionDigits === 0 ? whole : `${whole}.${fraction}`;
  return (negative ? `-${unsigned}` : unsigned) as `${number}`;
}

export interface FormatAmountOptions {
  currencyDisplay?: CurrencyDisplay;
  /** `exceptZero` shows "+€1.00" for credits, as in a ledger. */
  signDisplay?: 'auto' | 'always' | 'exceptZero' | 'never';
}

/** `formatAmount(123456, 'EUR', 'de-DE')` → "1.234,56 €". */
export function formatAmount(
  amountMinor: number | bigint,
  currency: string,
  locale: string,
  options: FormatAmountOptions = {},
): string {
  const display = options.currencyDisplay ?? 'symbol';
  const base = currencyFormatter(currency, locale, display);
  const digits = base.resolvedOptions().maximumFractionDigits ?? 2;
  const decimal = minorUnitsToDecimalString(amountMinor, digits);
  if (options.signDisplay === undefined) return base.format(decimal);
  const signed = cached(numberFormatters, `currency|${locale}|${currency}|${display}|${options.signDisplay}`, () => {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: display,
      signDisplay: options.signDisplay,
    });
  });
  return signed.format(decimal);
}

/**
 * An amount shortened for chart axes and tight labels:
 * `formatAmountCompact(123456789, 'EUR', 'en')` → "€1.2M". Still exact
 * decimal text into `Intl`, never a float.
 */
export function formatAmountCompact(amountMinor: number | bigint, currency: string, locale: string): string {
  const digits = currencyFractionDigits(currency);
  const compact = cached(numberFormatters, `compact|${locale}|${currency}`, () => {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 });
  });
  return compact.format(minorUnitsToDecimalString(amountMinor, digits));
}

/** A count, grouped for the locale: 1234567 → "1,234,567". */
export function formatCount(value: number | bigint, locale: string): string {
  return cached(numberFormatters, `count|${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

/** A ratio as a percentage: 0.1234 → "12.3%". */
export function formatPercent(ratio: number, locale: string, fractionDigits = 1): string {
  return cached(numberFormatters, `percent|${locale}|${fractionDigits}`, () => {
    return new Intl.NumberFormat(locale, {
      style: 'percent',
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
  }).format(ratio);
}

export type DateStyle = 'date' | 'dateTime' | 'dateTimeSeconds' | 'time' | 'dayTime';

const dateStyleOptions: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { year: 'numeric', month: 'short', day: 'numeric' },
  dateTime: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
  dateTimeSeconds: {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  },
  time: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
  /** Without the year, for lists of this year's items: "Mar 2, 00:30". */
  dayTime: { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
};

/**
 * An API time (ISO 8601, UTC) in the user's locale and the company's business
 * time zone: `formatDateTime('2026-03-01T23:30:00Z', 'en-GB', 'Europe/Berlin')`
 * → "2 Mar 2026, 00:30".
 */
export function formatDateTime(
  value: string | Date,
  locale: string,
  timeZone: string,
  style: DateStyle = 'dateTime',
): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a valid time: ${String(value)}`);
  const formatter = cached(dateFormatters, `${style}|${locale}|${timeZone}`, () => {
    return new Intl.DateTimeFormat(locale, { ...dateStyleOptions[style], timeZone });
  });
  return formatter.format(date);
}

/** Shorthand for `formatDateTime(value, locale, timeZone, 'date')`. */
export function formatDate(value: string | Date, locale: string, timeZone: string): string {
  return formatDateTime(value, locale, timeZone, 'date');
}

function timeZoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = cached(dateFormatters, `offset|${timeZone}`, () => {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  }).formatToParts(new Date(utcMs));
  const field = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const asUtc = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second'));
  return asUtc - utcMs;
}

/**
 * The instant a calendar day begins in a time zone, as ISO 8601 UTC:
 * `startOfDayInTimeZone('2026-03-29', 'Europe/Berlin')` → "2026-03-28T23:00:00.000Z".
 * Filters by business day ("from 1 March") use this.
 */
export function startOfDayInTimeZone(isoDate: string, timeZone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (match === null) throw new RangeError(`not a calendar date (YYYY-MM-DD): "${isoDate}"`);
  const wallMs = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // Two rounds settle the offset across a daylight-saving change.
  let utcMs = wallMs - timeZoneOffsetMs(wallMs, timeZone);
  utcMs = wallMs - timeZoneOffsetMs(utcMs, timeZone);
  return new Date(utcMs).toISOString();
}

/** The calendar day after `isoDate` ("2026-02-28" → "2026-03-01"). */
export function nextCalendarDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a calendar date (YYYY-MM-DD): "${isoDate}"`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
