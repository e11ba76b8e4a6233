import { describe, expect, it } from 'vitest';
import {
  currencyFractionDigits,
  formatAmount,
  formatCount,
  formatDate,
  formatDateTime,
  formatPercent,
  minorUnitsToDecimalString,
  nextCalendarDay,
  startOfDayInTimeZone,
} from './format';

// Intl puts a narrow no-break space (U+202F) or no-break space (U+00A0) in some
// locales' output; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('currencyFractionDigits', () => {
  it.each([
    ['EUR', 2],
    ['USD', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['KWD', 3],
    ['BHD', 3],
  ])('%s has %i fraction digits', (currency, digits) => {
    expect(currencyFractionDigits(currency)).toBe(digits);
  });

  it('rejects what is not a currency code', () => {
    expect(() => currencyFractionDigits('eur')).toThrow(RangeError);
    expect(() => currencyFractionDigits('EURO')).toThrow(RangeError);
  });
});

describe('minorUnitsToDecimalString', () => {
  it.each([
    [12345, 2, '123.45'],
    [5, 2, '0.05'],
    [-5, 2, '-0.05'],
    [0, 2, '0.00'],
    [100, 2, '1.00'],
    [500, 0, '500'],
    [-1234, 3, '-1.234'],
    [1, 3, '0.001'],
  ] as const)('(%s, %i) → %s', (amount, digits, expected) => {
    expect(minorUnitsToDecimalString(amount, digits)).toBe(expected);
  });

  it('is exact beyond 2^53 with bigint', () => {
    expect(minorUnitsToDecimalString(123456789012345678901n, 2)).toBe('1234567890123456789.01');
  });

  it('refuses amounts that are not safe integers', () => {
    expect(() => minorUnitsToDecimalString(1.5, 2)).toThrow(RangeError);
    expect(() => minorUnitsToDecimalString(Number.MAX_SAFE_INTEGER + 1, 2)).toThrow(RangeError);
    expect(() => minorUnitsToDecimalString(Number.NaN, 2)).toThrow(RangeError);
  });
});

describe('formatAmount', () => {
  it.each([
    [123456, 'EUR', 'en-US', '€1,234.56'],
    [123456, 'EUR', 'de-DE', '1.234,56 €'],
    [123456, 'USD', 'en-US', '$1,234.56'],
    [500, 'JPY', 'en-US', '¥500'],
    [1234, 'KWD', 'en-US', 'KWD 1.234'],
    [-1999, 'GBP', 'en-GB', '-£19.99'],
    [0, 'CHF', 'de-CH', 'CHF 0.00'],
    [123456789, 'RUB', 'ru-RU', '1 234 567,89 ₽'],
  ] as const)('%i %s in %s → %s', (amount, currency, locale, expected) => {
    expect(plain(formatAmount(amount, currency, locale))).toBe(expected);
  });

  it('adds 0.1 + 0.2 without floating-point error', () => {
    // 10 + 20 minor units: integers throughout, so exactly 0.30.
    expect(formatAmount(10 + 20, 'EUR', 'en-US')).toBe('€0.30');
  });

  it('formats amounts past Number.MAX_SAFE_INTEGER exactly', () => {
    expect(formatAmount(900719925474099199n, 'USD', 'en-US')).toBe('$9,007,199,254,740,991.99');
  });

  it('shows the currency code when asked', () => {
    expect(plain(formatAmount(1050, 'EUR', 'en-US', { currencyDisplay: 'code' }))).toBe('EUR 10.50');
  });

  it('signs credits and debits for ledgers', () => {
    expect(formatAmount(1050, 'EUR', 'en-US', { signDisplay: 'exceptZero' })).toBe('+€10.50');
    expect(formatAmount(-1050, 'EUR', 'en-US', { signDisplay: 'exceptZero' })).toBe('-€10.50');
    expect(formatAmount(0, 'EUR', 'en-US', { signDisplay: 'exceptZero' })).toBe('€0.00');
  });

  it('refuses fractional minor units', () => {
    expect(() => formatAmount(10.5, 'EUR', 'en-US')).toThrow(RangeError);
  });
});

describe('formatCount and formatPercent', () => {
  it('groups counts for the locale', () => {
    expect(formatCount(1234567, 'en-US')).toBe('1,234,567');
    expect(formatCount(1234567, 'de-DE')).toBe('1.234.567');
  });

  it('formats ratios as percentages', () => {
    expect(formatPercent(0.1234, 'en-US')).toBe('12.3%');
    expect(formatPercent(0.5, 'en-US', 0)).toBe('50%');
  });
});

describe('formatDateTime', () => {
  const time = '2026-03-01T23:30:00Z';

  it('shows the time in the business time zone, not UTC', () => {
    expect(plain(formatDateTime(time, 'en-GB', 'Europe/Berlin'))).toBe('2 Mar 2026, 00:30');
    expect(plain(formatDateTime(time, 'en-GB', 'UTC'))).toBe('1 Mar 2026, 23:30');
  });

  it('formats dates alone', () => {
    expect(formatDate(time, 'en-US', 'America/New_York')).toBe('Mar 1, 2026');
    expect(formatDate(time, 'de-DE', 'Europe/Berlin')).toBe('2. März 2026');
  });

  it('refuses what is not a time', () => {
    expect(() => formatDateTime('yesterday', 'en-US', 'UTC')).toThrow(RangeError);
  });
});

describe('startOfDayInTimeZone', () => {
  it.each([
    ['2026-03-01', 'UTC', '2026-03-01T00:00:00.000Z'],
    ['2026-03-01', 'Europe/Berlin', '2026-02-28T23:00:00.000Z'],
    // The day daylight saving time starts in Berlin (23 hours long).
    ['2026-03-29', 'Europe/Berlin', '2026-03-28T23:00:00.000Z'],
    ['2026-03-30', 'Europe/Berlin', '2026-03-29T22:00:00.000Z'],
    ['2026-07-01', 'America/New_York', '2026-07-01T04:00:00.000Z'],
    ['2026-01-01', 'Asia/Kolkata', '2025-12-31T18:30:00.000Z'],
  ])('%s in %s begins at %s', (day, zone, instant) => {
    expect(startOfDayInTimeZone(day, zone)).toBe(instant);
  });

  it('refuses what is not a calendar date', () => {
    expect(() => startOfDayInTimeZone('1 March', 'UTC')).toThrow(RangeError);
  });

  it('nextCalendarDay crosses months and leap days', () => {
    expect(nextCalendarDay('2026-02-28')).toBe('2026-03-01');
    expect(nextCalendarDay('2028-02-28')).toBe('2028-02-29');
    expect(nextCalendarDay('2026-12-31')).toBe('2027-01-01');
  });
});

describe('formatAmountCompact', () => {
  it('shortens large amounts for chart axes, from minor units', async () => {
    const { formatAmountCompact } = await import('./format');
    expect(formatAmountCompact(123_456_789, 'EUR', 'en')).toBe('€1.2M');
    expect(formatAmountCompact(150_000, 'JPY', 'en')).toBe('¥150K');
    expect(formatAmountCompact(0, 'EUR', 'en')).toBe('€0');
  });
});
