/**
 * Where a click on a chart element leads: the payments list (or, for decline
 * reasons, the operations list) with the overview's filters plus the clicked
 * dimension, in the lists' own URL parameters. One function, so every chart
 * maps the same way and one test covers them all.
 */
import type { To } from 'react-router';
import { addDays, isInstant, isoDatePattern, todayInTimeZone } from '@/lib/date-ranges';
import type { OverviewFilters } from './overview-url';
import type { AnalyticsRow, BreakdownDimension, Granularity } from './types';

/**
 * Payments whose money was taken: what turnover counts (successful sales and
 * captures), whatever happened to them afterwards.
 */
export const capturedPaymentStatuses = ['success', 'partially_refunded', 'refunded', 'partially_charged_back', 'charged_back'] as const;

export type DrillTarget =
  /** All of the overview's figures: the same filters, no element. */
  | { kind: 'all' }
  /** A bar of the turnover series. */
  | { kind: 'bucket'; granularity: Granularity; row: AnalyticsRow }
  /** A bar of a breakdown; null is "none" (no country, no card). */
  | { kind: 'dimension'; dimension: BreakdownDimension; value: string | null }
  /** All of the declines the decline reasons count. */
  | { kind: 'declines' }
  /** A bar of the decline reasons; null is "no code". */
  | { kind: 'declineCode'; value: string | null };

/** The lists' word for "without one" in `card_brand` and `decline_code`. */
const none = 'none';

/** The lists' URL parameters, in the order they are written. */
const listParamOrder = ['project', 'from', 'to', 'status', 'type', 'method', 'country', 'currency', 'card_brand', 'decline_code'] as const;
type ListParam = (typeof listParamOrder)[number];

function linkTo(pathname: string, values: Partial<Record<ListParam, string>>): To {
  const params = new URLSearchParams();
  for (const name of listParamOrder) {
    const value = values[name];
    if (value !== undefined && value !== '') params.set(name, value);
  }
  const search = params.toString();
  return search === '' ? { pathname } : { pathname, search: `?${search}` };
}

/** The days a time bucket covers, cut to the overview's range (the first week may begin before it). */
function bucketDays(row: AnalyticsRow, granularity: Granularity, filters: OverviewFilters, timeZone: string): { from: string; to: string } | null {
  const start = typeof row.start === 'string' && isInstant(row.start) ? row.start : null;
  const end = typeof row.end === 'string' && isInstant(row.end) ? row.end : null;
  let from: string;
  let to: string;
  if (start !== null && end !== null) {
    from = todayInTimeZone(timeZone, new Date(start));
    // `end` is exclusive: the bucket's last day is the one before it.
    to = todayInTimeZone(timeZone, new Date(Date.parse(end) - 1));
  } else {
    // Without instants, the bucket's name: a day, a week's Monday, a month.
    const key = typeof row[granularity] === 'string' ? (row[granularity] as string) : '';
    if (granularity === 'month' && /^\d{4}-\d{2}$/.test(key)) {
      const year = Number(key.slice(0, 4));
      const month = Number(key.slice(5));
      const nextMonth = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
      from = `${key}-01`;
      to = addDays(nextMonth, -1);
    } else if (isoDatePattern.test(key)) {
      from = key;
      to = granularity === 'week' ? addDays(key, 6) : key;
    } else {
      return null;
    }
  }
  if (from < filters.from) from = filters.from;
  if (to > filters.to) to = filters.to;
  return from <= to ? { from, to } : null;
}

/**
 * The list a chart element opens, or null when the list cannot show exactly
 * that (a "none" value of a dimension the lists cannot filter for a missing
 * value of: method, country, currency, project).
 */
export function drillDownLink(filters: OverviewFilters, target: DrillTarget, timeZone: string): To | null {
  const shared = {
    project: filters.projectId ?? '',
    from: filters.from,
    to: filters.to,
    method: filters.methods.join(','),
    country: filters.countries.join(','),
    currency: filters.currencies.join(','),
  };
  const payments = { ...shared, status: capturedPaymentStatuses.join(',') };
  // The decline reasons count declined first attempts: sales and authorisations.
  const declines = { ...shared, status: 'decline', type: 'sale,auth' };
  switch (target.kind) {
    case 'all':
      return linkTo('/payments', payments);
    case 'bucket': {
      if (target.granularity === 'hour') {
        // An hour is narrower than the lists' days: its instants, `to` exclusive.
        const { start, end } = target.row;
        if (typeof start !== 'string' || typeof end !== 'string' || !isInstant(start) || !isInstant(end)) return null;
        return linkTo('/payments', { ...payments, from: start, to: end });
      }
      const days = bucketDays(target.row, target.granularity, filters, timeZone);
      return days === null ? null : linkTo('/payments', { ...payments, ...days });
    }
    case 'dimension': {
      // A payment without a card (SEPA) is one the lists can find: card_brand=none.
      if (target.dimension === 'card_brand') return linkTo('/payments', { ...payments, card_brand: target.value === null || target.value === '' ? none : target.value });
      if (target.value === null) return null;
      switch (target.dimension) {
        case 'method':
          return linkTo('/payments', { ...payments, method: target.value });
        case 'country':
          return linkTo('/payments', { ...payments, country: target.value });
        case 'currency':
          return linkTo('/payments', { ...payments, currency: target.value });
        case 'project':
          return linkTo('/payments', { ...payments, project: target.value });
      }
      return null;
    }
    // Decline codes live on operations; an operation carries its payment's country.
    case 'declines':
      return linkTo('/operations', declines);
    case 'declineCode':
      return linkTo('/operations', { ...declines, decline_code: target.value === null || target.value === '' ? none : target.value });
  }
}

/** A link target as one string, for `href`s and tests: "/payments?from=…". */
export function hrefOf(to: To): string {
  if (typeof to === 'string') return to;
  return `${to.pathname ?? ''}${to.search ?? ''}`;
}
