/**
 * Ranges of calendar days (YYYY-MM-DD, both ends inclusive) in the company's
 * business time zone, as list filters keep them in the URL; and the ready-made
 * ranges ("Last 7 days") offered next to the calendar.
 */
import { nextCalendarDay, startOfDayInTimeZone } from './format';

export const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An instant with its zone (`2026-03-01T10:00:00+01:00`, `2026-03-01T09:00:00Z`):
 * what a chart's hour bucket hands to a list, where a whole day would be too wide.
 */
export const isoInstantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether a range end in a URL is an instant (exclusive as `to`) rather than a day (inclusive). */
export function isInstant(value: string): boolean {
  return isoInstantPattern.test(value) && !Number.isNaN(Date.parse(value));
}

/** Today's date in a time zone: `todayInTimeZone('Pacific/Auckland')` → "2026-03-02" while UTC is still on 1 March. */
export function todayInTimeZone(timeZone: string, now: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The time of day in a time zone, to the minute: `timeOfDayInTimeZone('Europe/Berlin', new Date('2026-03-01T16:05:30Z'))` → "17:05". */
export function timeOfDayInTimeZone(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '00';
  return `${part('hour')}:${part('minute')}`;
}

/** `addDays('2026-03-01', -1)` → "2026-02-28". */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function firstOfMonth(isoDate: string): string {
  return `${isoDate.slice(0, 7)}-01`;
}

export type DatePresetId = 'today' | 'last7' | 'last30' | 'last90' | 'last12Months' | 'thisMonth' | 'lastMonth' | 'thisYear';

export interface DatePreset {
  id: DatePresetId;
  from: string;
  to: string;
}

/** The presets the lists offer. */
export const datePresetIds: readonly DatePresetId[] = ['today', 'last7', 'last30', 'thisMonth', 'lastMonth', 'thisYear'];

/** Every preset, in the order a range is named by (the first that matches). */
const allDatePresetIds: readonly DatePresetId[] = [...datePresetIds, 'last90', 'last12Months'];

/** The same day a year earlier; 29 February becomes 28 February (the year before a leap year is none). */
function yearBefore(isoDate: string): string {
  const year = String(Number(isoDate.slice(0, 4)) - 1).padStart(4, '0');
  const monthDay = isoDate.slice(5);
  return `${year}-${monthDay === '02-29' ? '02-28' : monthDay}`;
}

/** The presets as of `today`: the lists' by default, or the ones asked for, in that order. */
export function datePresets(today: string, ids: readonly DatePresetId[] = datePresetIds): DatePreset[] {
  const lastMonthEnd = addDays(firstOfMonth(today), -1);
  const ranges: Record<DatePresetId, [string, string]> = {
    today: [today, today],
    last7: [addDays(today, -6), today],
    last30: [addDays(today, -29), today],
    last90: [addDays(today, -89), today],
    // Ending today, from the day after the same day a year ago: 26 Nov 2025 – 25 Nov 2026.
    last12Months: [addDays(yearBefore(today), 1), today],
    thisMonth: [firstOfMonth(today), today],
    lastMonth: [firstOfMonth(lastMonthEnd), lastMonthEnd],
    thisYear: [`${today.slice(0, 4)}-01-01`, today],
  };
  return ids.map((id) => ({ id, from: ranges[id][0], to: ranges[id][1] }));
}

/** The preset a range is, if any (so the filter can say "Last 7 days"), among all presets. */
export function matchingPreset(from: string, to: string, today: string): DatePresetId | undefined {
  return datePresets(today, allDatePresetIds).find((preset) => preset.from === from && preset.to === to)?.id;
}

/** How many calendar days a range of days spans, both ends included: ('2026-03-01', '2026-03-31') → 31. */
export function daysInRange(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000) + 1;
}

/**
 * The API's half-open interval for a range of days: `from` is the instant
 * the first day begins, `to` the instant the day after the last begins
 * (exclusive), both in the business time zone.
 */
export function instantsOfDays(from: string, to: string, timeZone: string): { from?: string; to?: string } {
  const range: { from?: string; to?: string } = {};
  // An instant is taken as it is: `to` then already is the exclusive end.
  if (isInstant(from)) range.from = new Date(from).toISOString();
  else if (isoDatePattern.test(from)) range.from = startOfDayInTimeZone(from, timeZone);
  if (isInstant(to)) range.to = new Date(to).toISOString();
  else if (isoDatePattern.test(to)) range.to = startOfDayInTimeZone(nextCalendarDay(to), timeZone);
  return range;
}
