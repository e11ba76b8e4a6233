/** Names for what the analytics API sends as codes and instants. */
import { cardBrandName, countryName, declineReasonLabel } from '@/lib/display-names';
import type { PlainMessageKey, Translate } from '@/lib/i18n';
import type { AnalyticsRow, BreakdownDimension, Granularity, ProjectName } from './types';

/** "05 · Do not honour"; an unknown code alone; no code: "No code". Shared with the operations list. */
export { declineReasonLabel };

const methodKeys: Readonly<Record<string, PlainMessageKey>> = {
  card: 'payments.method.card',
  apple_pay: 'payments.method.apple_pay',
  google_pay: 'payments.method.google_pay',
  sepa: 'payments.method.sepa',
};

export function methodName(method: string, t: Translate): string {
  const key = methodKeys[method];
  return key === undefined ? method : t(key);
}

export interface LabelContext {
  t: Translate;
  locale: string;
  projects: readonly ProjectName[];
}

/** A breakdown bar's name: "Card", "Germany", "EUR", "Visa", the project's name. */
export function dimensionValueLabel(dimension: BreakdownDimension, value: string | null, { t, locale, projects }: LabelContext): string {
  if (value === null || value === '') return t(`analytics.none.${dimension}`);
  switch (dimension) {
    case 'method':
      return methodName(value, t);
    case 'country':
      return countryName(value, locale);
    case 'currency':
      return value;
    case 'card_brand':
      return cardBrandName(value);
    case 'project':
      return projects.find((project) => project.id === value)?.name ?? value;
  }
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let formatter = dateFormatters.get(key);
  if (formatter === undefined) {
    if (dateFormatters.size > 64) dateFormatters.clear();
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    dateFormatters.set(key, formatter);
  }
  return formatter;
}

/** The instant a bucket begins: its `start`, or (without one) its name read as a UTC day. */
function bucketStart(row: AnalyticsRow, granularity: Granularity): { date: Date; timeZone?: string } | null {
  if (typeof row.start === 'string' && !Number.isNaN(Date.parse(row.start))) return { date: new Date(row.start) };
  const key = row[granularity];
  if (typeof key !== 'string') return null;
  const day = granularity === 'month' ? `${key}-01` : key.slice(0, 10);
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : { date, timeZone: 'UTC' };
}

/** A bucket on the chart's axis: "14:00", "Mar 2", "Mar 2026". */
export function bucketAxisLabel(row: AnalyticsRow, granularity: Granularity, locale: string, timeZone: string): string {
  const start = bucketStart(row, granularity);
  if (start === null) return '';
  const zone = start.timeZone ?? timeZone;
  switch (granularity) {
    case 'hour':
      return dateFormat(locale, zone, { hour: '2-digit', minute: '2-digit' }).format(start.date);
    case 'day':
    case 'week':
      return dateFormat(locale, zone, { month: 'short', day: 'numeric' }).format(start.date);
    case 'month':
      return dateFormat(locale, zone, { month: 'short', year: 'numeric' }).format(start.date);
  }
}

/** A bucket in a tooltip: "Mon, Mar 2, 14:00", "Mon, Mar 2, 2026", "Week of Mar 2, 2026", "March 2026". */
export function bucketTitle(row: AnalyticsRow, granularity: Granularity, locale: string, timeZone: string, t: Translate): string {
  const start = bucketStart(row, granularity);
  if (start === null) return '';
  const zone = start.timeZone ?? timeZone;
  switch (granularity) {
    case 'hour':
      return dateFormat(locale, zone, { weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(start.date);
    case 'day':
      return dateFormat(locale, zone, { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' }).format(start.date);
    case 'week':
      return t('analytics.weekOf', { date: dateFormat(locale, zone, { month: 'short', day: 'numeric', year: 'numeric' }).format(start.date) });
    case 'month':
      return dateFormat(locale, zone, { month: 'long', year: 'numeric' }).format(start.date);
  }
}

/** A range of days for the header: "Oct 27 – Nov 25, 2026". */
export function dayRangeText(from: string, to: string, locale: string): string {
  const format = dateFormat(locale, 'UTC', { month: 'short', day: 'numeric', year: 'numeric' });
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  return from === to ? format.format(start) : format.formatRange(start, end);
}

/** A period of the API ([from, to) instants) as days in the business time zone: "Sep 27 – Oct 26, 2026". */
export function periodText(from: string, to: string, locale: string, timeZone: string): string {
  const format = dateFormat(locale, timeZone, { month: 'short', day: 'numeric', year: 'numeric' });
  const start = new Date(from);
  const end = new Date(Date.parse(to) - 1);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return '';
  return end.getTime() <= start.getTime() ? format.format(start) : format.formatRange(start, end);
}
