import { describe, expect, it } from 'vitest';
import { decimalToMinorUnits, minorUnitsToInput, normaliseDecimalInput, parseMoneyInput } from './money';

describe('parseMoneyInput', () => {
  it.each([
    // [typed, currency, locale, minor units]
    ['12.34', 'EUR', 'en', 1234],
    ['12', 'EUR', 'en', 1200],
    ['12.5', 'EUR', 'en', 1250],
    ['0.01', 'EUR', 'en', 1],
    ['.5', 'EUR', 'en', 50],
    ['12.50', 'EUR', 'en', 1250],
    ['12.500', 'EUR', 'en', 1250],
    ['1,234.56', 'EUR', 'en', 123456],
    ['1.234,56', 'EUR', 'de', 123456],
    ['12,34', 'EUR', 'de', 1234],
    ['12.34', 'EUR', 'de', 1234],
    ['1 234,56', 'EUR', 'fr', 123456],
    ["1'234.56", 'CHF', 'de-CH', 123456],
    ['1,000,000', 'EUR', 'en', 100000000],
    ['  7  ', 'EUR', 'en', 700],
    ['500', 'JPY', 'ja', 500],
    ['1,000', 'JPY', 'en', 1000],
    ['1.000', 'JPY', 'de', 1000],
    ['1.000', 'JPY', 'en', 1000],
    ['1.005', 'KWD', 'en', 1005],
    ['1.5', 'KWD', 'en', 1500],
    ['0.001', 'KWD', 'en', 1],
  ])('%s %s (%s) → %i', (typed, currency, locale, minor) => {
    expect(parseMoneyInput(typed, currency, locale)).toMatchObject({ ok: true, minor });
  });

  it.each([
    ['1.005', 'EUR', 'en'],
    ['0.001', 'EUR', 'en'],
    ['500.5', 'JPY', 'en'],
    ['1,5', 'JPY', 'de'],
    ['1.0005', 'KWD', 'en'],
  ])('refuses %s %s: too many decimals', (typed, currency, locale) => {
    expect(parseMoneyInput(typed, currency, locale)).toEqual({ ok: false, error: 'tooManyDecimals' });
  });

  it.each([['abc'], ['-5'], ['1e3'], ['12.3.4'], ['1,23,4'], ['€12'], ['1.2,3.4'], [','], ['0,500']])('refuses %s as not a number', (typed) => {
    expect(parseMoneyInput(typed, 'EUR', 'en')).toEqual({ ok: false, error: 'invalid' });
  });

  it('says when nothing was typed', () => {
    expect(parseMoneyInput('   ', 'EUR', 'en')).toEqual({ ok: false, error: 'empty' });
  });

  it('refuses amounts beyond a safe integer of minor units', () => {
    expect(parseMoneyInput('90071992547409.92', 'EUR', 'en')).toEqual({ ok: false, error: 'tooLarge' });
    expect(parseMoneyInput('90071992547409.91', 'EUR', 'en')).toMatchObject({ ok: true, minor: 9007199254740991 });
  });

  it('never goes through a float: 0.1 + 0.2 stays exact', () => {
    // As a double 1.15 * 100 is 114.99999999999999.
    expect(parseMoneyInput('1.15', 'EUR', 'en')).toMatchObject({ minor: 115 });
    expect(parseMoneyInput('4.35', 'EUR', 'en')).toMatchObject({ minor: 435 });
    expect(parseMoneyInput('0.29', 'EUR', 'en')).toMatchObject({ minor: 29 });
  });

  it('gives the plain decimal for the URL', () => {
    expect(parseMoneyInput('1.234,5', 'EUR', 'de')).toMatchObject({ decimal: '1234.50' });
    expect(parseMoneyInput('007', 'JPY', 'en')).toMatchObject({ decimal: '7' });
  });
});

describe('normaliseDecimalInput', () => {
  it('reads one separator by the locale and the digits after it', () => {
    expect(normaliseDecimalInput('1,234', 'en')).toBe('1234');
    expect(normaliseDecimalInput('1,23', 'en')).toBe('1.23');
    expect(normaliseDecimalInput('1,234', 'de')).toBe('1.234');
    expect(normaliseDecimalInput('1.234', 'de')).toBe('1234');
  });
});

describe('decimalToMinorUnits and back', () => {
  it.each([
    ['12.34', 2, 1234],
    ['12', 0, 12],
    ['0.005', 3, 5],
  ])('%s with %i digits → %i', (decimal, digits, minor) => {
    expect(decimalToMinorUnits(decimal, digits)).toMatchObject({ ok: true, minor });
  });

  it('writes minor units back for an input', () => {
    expect(minorUnitsToInput(1250, 'EUR')).toBe('12.50');
    expect(minorUnitsToInput(500, 'JPY')).toBe('500');
    expect(minorUnitsToInput(1005, 'KWD')).toBe('1.005');
  });
});
