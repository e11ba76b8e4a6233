/**
 * The overview's state as the URL holds it, with the parameter names of the
 * payments list (`from`, `to`, `method`, `country`, `currency`, `project`), so
 * a view can be bookmarked and shared and its filters carry over to the list.
 */
import { addDays, daysInRange, isoDatePattern } from '@/lib/date-ranges';
import { granularities, paymentMethods, type Granularity } from './types';

export interface OverviewFilters {
  /** Calendar days (YYYY-MM-DD) in the business time zone, both included. */
  from: string;
  to: string;
  /** The project chosen in the header (`?project=`); null for all. */
  projectId: string | null;
  methods: string[];
  countries: string[];
  currencies: string[];
  /** The series' buckets as chosen; null: the default for the range. */
  granularity: Granularity | null;
}

export const overviewParams = {
  from: 'from',
  to: 'to',
  projectId: 'project',
  methods: 'method',
  countries: 'country',
  currencies: 'currency',
  granularity: 'granularity',
} as const satisfies Record<keyof OverviewFilters, string>;

/** Without a range in the URL: the last 30 days up to today, as the API's default. */
export const defaultRangeDays = 30;

/** Longest ranges for the fine buckets: more bars than this say nothing (and the API caps rows). */
export const hourRangeDaysMax = 31;
export const dayRangeDaysMax = 731;

function listParam(params: URLSearchParams, name: string, accept: (value: string) => boolean, upper: boolean): string[] {
  const values = (params.get(name) ?? '')
    .split(',')
    .map((value) => (upper ? value.trim().toUpperCase() : value.trim()))
    .filter((value) => value !== '' && accept(value));
  return [...new Set(values)];
}

/**
 * The filters in a URL, as of `today` in the business time zone. Values that
 * make no sense are dropped (a hand-edited link still opens); a missing end of
 * the range is filled in, a reversed range is turned round.
 */
export function overviewFiltersFromParams(params: URLSearchParams, today: string): OverviewFilters {
  const day = (name: string) => {
    const value = params.get(name)?.trim() ?? '';
    return isoDatePattern.test(value) ? value : '';
  };
  let from = day(overviewParams.from);
  let to = day(overviewParams.to);
  if (from === '' && to === '') {
    from = addDays(today, -(defaultRangeDays - 1));
    to = today;
  } else if (to === '') {
    to = from > today ? from : today;
  } else if (from === '') {
    from = addDays(to, -(defaultRangeDays - 1));
  }
  if (from > to) [from, to] = [to, from];
  const granularity = params.get(overviewParams.granularity) ?? '';
  return {
    from,
    to,
    projectId: params.get(overviewParams.projectId) || null,
    methods: listParam(params, overviewParams.methods, (value) => (paymentMethods as readonly string[]).includes(value), false),
    countries: listParam(params, overviewParams.countries, (value) => /^[A-Z]{2}$/.test(value), true),
    currencies: listParam(params, overviewParams.currencies, (value) => /^[A-Z]{3}$/.test(value), true),
    granularity: (granularities as readonly string[]).includes(granularity) ? (granularity as Granularity) : null,
  };
}

/** The URL with these filters; parameters the overview does not own stay. */
export function paramsWithOverviewFilters(current: URLSearchParams, filters: OverviewFilters): URLSearchParams {
  const next = new URLSearchParams(current);
  const put = (name: string, value: string) => (value === '' ? next.delete(name) : next.set(name, value));
  put(overviewParams.from, filters.from);
  put(overviewParams.to, filters.to);
  put(overviewParams.projectId, filters.projectId ?? '');
  put(overviewParams.methods, filters.methods.join(','));
  put(overviewParams.countries, filters.countries.join(','));
  put(overviewParams.currencies, filters.currencies.join(','));
  put(overviewParams.granularity, filters.granularity ?? '');
  return next;
}

/** Whether a granularity makes a readable series for a range of this many days. */
export function granularityAllowed(granularity: Granularity, rangeDays: number): boolean {
  if (granularity === 'hour') return rangeDays <= hourRangeDaysMax;
  if (granularity === 'day') return rangeDays <= dayRangeDaysMax;
  return true;
}

/** The buckets a range reads best in: hours for a day or two, days up to a quarter, then weeks, then months. */
export function defaultGranularity(rangeDays: number): Granularity {
  if (rangeDays <= 2) return 'hour';
  if (rangeDays <= 92) return 'day';
  if (rangeDays <= dayRangeDaysMax) return 'week';
  return 'month';
}

/** The granularity the series uses: the chosen one if it suits the range, else the default. */
export function effectiveGranularity(filters: Pick<OverviewFilters, 'from' | 'to' | 'granularity'>): Granularity {
  const days = daysInRange(filters.from, filters.to);
  if (filters.granularity !== null && granularityAllowed(filters.granularity, days)) return filters.granularity;
  return defaultGranularity(days);
}

/** How many filters beyond the range and project are set (for "Clear filters"). */
export function activeFilterCount(filters: OverviewFilters): number {
  return [filters.methods, filters.countries, filters.currencies].filter((values) => values.length > 0).length;
}
