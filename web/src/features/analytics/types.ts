import type { components } from '@/lib/api';

export type AnalyticsAnswer = components['schemas']['AnalyticsAnswer'];
export type AnalyticsPeriod = components['schemas']['AnalyticsPeriod'];
/** One group of an answer: a member per dimension and per metric; time buckets also carry `start` and `end`. */
export type AnalyticsRow = components['schemas']['AnalyticsRow'];
export type LiveOperation = components['schemas']['LiveOperation'];

export type Metric =
  | 'count'
  | 'amount'
  | 'fee'
  | 'net'
  | 'average_amount'
  | 'conversion_rate'
  | 'decline_rate'
  | 'refund_rate'
  | 'chargeback_rate';

/** The time buckets of a series, in the business time zone. */
export type Granularity = 'hour' | 'day' | 'week' | 'month';
export const granularities: readonly Granularity[] = ['hour', 'day', 'week', 'month'];

/** The breakdowns the overview shows, each a ranked list of one dimension. */
export type BreakdownDimension = 'method' | 'country' | 'currency' | 'card_brand' | 'project';

export type Dimension = Granularity | BreakdownDimension | 'type' | 'status' | 'decline_code';

export const paymentMethods = ['card', 'apple_pay', 'google_pay', 'sepa'] as const;

/** The project names the breakdowns show instead of ids (from the projects API, passed in by the route). */
export interface ProjectName {
  id: string;
  name: string;
}

/** A metric of a row as a number; null when absent or null (a rate over nothing). */
export function metricOf(row: AnalyticsRow | undefined, metric: Metric): number | null {
  const value = row?.[metric];
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

/** A dimension's value in a row: a string, or null for "none" (no country, no decline code). */
export function dimensionOf(row: AnalyticsRow, dimension: Dimension): string | null {
  const value = row[dimension];
  if (value === null || value === undefined) return null;
  return String(value);
}
