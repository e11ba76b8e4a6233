/**
 * The API queries behind each widget of the overview. Every figure is one
 * GET /api/v1/analytics/query; the widgets differ in metrics, grouping and
 * which operations they count.
 */
import { addDays, daysInRange } from '@/lib/date-ranges';
import { nextCalendarDay } from '@/lib/format';
import type { paths } from '@/lib/api';
import type { OverviewFilters } from './overview-url';
import type { BreakdownDimension, Granularity } from './types';

/** The breakdowns the overview shows. */
export const breakdownDimensions: readonly BreakdownDimension[] = ['country', 'method', 'card_brand', 'currency', 'project'];

export type AnalyticsQuery = NonNullable<paths['/api/v1/analytics/query']['get']['parameters']['query']>;

/** Turnover (gross volume): successful sales and captures. */
export const turnoverOperations = { type: 'sale,capture', status: 'success' } as const;
/** Declined first operations: what the decline reasons count. */
export const declinedOperations = { type: 'sale,auth', status: 'decline' } as const;

/** Rows per breakdown: the top ten, as ranked bars. */
export const breakdownRowsMax = 10;

/** The range and filters every widget shares. Days go as dates: the API reads them in the business time zone. */
export function baseQuery(filters: OverviewFilters): AnalyticsQuery {
  const query: AnalyticsQuery = { from: filters.from, to: nextCalendarDay(filters.to) };
  if (filters.projectId !== null) query.project = filters.projectId;
  if (filters.methods.length > 0) query.method = filters.methods.join(',');
  if (filters.countries.length > 0) query.country = filters.countries.join(',');
  // Codes filter and keep the reporting currency (`currency=EUR,USD`).
  if (filters.currencies.length > 0) query.currency = filters.currencies.join(',');
  return query;
}

/** The turnover series, with the KPIs turnover, count and average ticket in its totals. */
export function turnoverSeriesQuery(filters: OverviewFilters, granularity: Granularity): AnalyticsQuery {
  return {
    ...baseQuery(filters),
    ...turnoverOperations,
    metrics: 'amount,count,average_amount',
    group_by: granularity,
    compare: 'previous_period',
  };
}

/** Conversion, refund and chargeback rates over every operation, against the previous period. */
export function ratesQuery(filters: OverviewFilters): AnalyticsQuery {
  return { ...baseQuery(filters), metrics: 'conversion_rate,refund_rate,chargeback_rate', compare: 'previous_period' };
}

/** Turnover by one dimension, largest first. */
export function breakdownQuery(filters: OverviewFilters, dimension: BreakdownDimension): AnalyticsQuery {
  return { ...baseQuery(filters), ...turnoverOperations, metrics: 'amount,count', group_by: dimension, limit: breakdownRowsMax };
}

/** Declined first operations by decline code, most frequent first. */
export function declineReasonsQuery(filters: OverviewFilters): AnalyticsQuery {
  return { ...baseQuery(filters), ...declinedOperations, metrics: 'count', group_by: 'decline_code', limit: breakdownRowsMax };
}

/**
 * Where the previous period stops when the range runs up to now: as far into
 * it as now is into this one ("today so far" against "yesterday until the
 * same time"), so a day that is not over yet is not compared with a whole
 * one. Null for ranges in the past, which compare whole periods.
 *
 * `nowWallTime` is the time of day in the business time zone ("17:05"); the
 * API reads a time without a zone in that zone, so a daylight-saving change
 * between the periods does not shift it.
 */
export function previousToDateRange(filters: OverviewFilters, today: string, nowWallTime: string): { from: string; to: string } | null {
  if (filters.to < today) return null;
  const days = daysInRange(filters.from, filters.to);
  return { from: addDays(filters.from, -days), to: `${addDays(today, -days)}T${nowWallTime}` };
}

/** The turnover KPIs over the previous period up to the same point. */
export function previousTurnoverToDateQuery(filters: OverviewFilters, range: { from: string; to: string }): AnalyticsQuery {
  return { ...baseQuery(filters), ...range, ...turnoverOperations, metrics: 'amount,count,average_amount' };
}

/** The rates over the previous period up to the same point. */
export function previousRatesToDateQuery(filters: OverviewFilters, range: { from: string; to: string }): AnalyticsQuery {
  return { ...baseQuery(filters), ...range, metrics: 'conversion_rate,refund_rate,chargeback_rate' };
}

/** Every query the overview runs for these filters (to start them all at once). */
export function overviewQueries(filters: OverviewFilters, granularity: Granularity, toDate: { from: string; to: string } | null): AnalyticsQuery[] {
  return [
    turnoverSeriesQuery(filters, granularity),
    ratesQuery(filters),
    ...breakdownDimensions.map((dimension) => breakdownQuery(filters, dimension)),
    declineReasonsQuery(filters),
    ...(toDate === null ? [] : [previousTurnoverToDateQuery(filters, toDate), previousRatesToDateQuery(filters, toDate)]),
  ];
}
