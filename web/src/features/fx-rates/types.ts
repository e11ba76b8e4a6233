import type { components } from '@/lib/api';
import { addDays, isoDatePattern, todayInTimeZone } from '@/lib/date-ranges';

export type FxRate = components['schemas']['FxRate'];
export type FxRateList = components['schemas']['FxRateList'];

/** The list's filters as the URL keeps them: currencies, and a range of UTC days with both ends included. */
export interface FxRateFilters {
  currencies: string[];
  /** First day (YYYY-MM-DD), included. */
  from: string;
  /** Last day (YYYY-MM-DD), included; the API's `to` is the day after. */
  to: string;
}

/** FX days are UTC dates, whatever the company's business time zone. */
export function todayUtc(now: Date = new Date()): string {
  return todayInTimeZone('UTC', now);
}

/** The default range: the last 30 UTC days, today included. */
export function defaultFxRange(today: string = todayUtc()): { from: string; to: string } {
  return { from: addDays(today, -29), to: today };
}

/** The filters a URL says, the last 30 days where it names no (valid) range. */
export function fxFiltersFromParams(params: URLSearchParams, today: string = todayUtc()): FxRateFilters {
  const currencies = [
    ...new Set(
      (params.get('currency') ?? '')
        .split(',')
        .map((code) => code.trim().toUpperCase())
        .filter((code) => /^[A-Z]{3}$/.test(code)),
    ),
  ];
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (isoDatePattern.test(from) && isoDatePattern.test(to) && from <= to) return { currencies, from, to };
  return { currencies, ...defaultFxRange(today) };
}

/** The URL's parameters with these filters (other parameters, such as ?project=, are kept). */
export function paramsWithFxFilters(current: URLSearchParams, filters: FxRateFilters): URLSearchParams {
  const next = new URLSearchParams(current);
  if (filters.currencies.length > 0) next.set('currency', filters.currencies.join(','));
  else next.delete('currency');
  next.set('from', filters.from);
  next.set('to', filters.to);
  return next;
}

/** GET /fx-rates's query: `to` is exclusive there. */
export interface FxRateQuery {
  currency?: string;
  from: string;
  to: string;
}

export function fxQueryOf(filters: FxRateFilters): FxRateQuery {
  return {
    ...(filters.currencies.length > 0 ? { currency: [...filters.currencies].sort().join(',') } : {}),
    from: filters.from,
    to: addDays(filters.to, 1),
  };
}

/** The server answers at most this many rates; more means the range should be narrowed. */
export const fxListLimit = 5000;
