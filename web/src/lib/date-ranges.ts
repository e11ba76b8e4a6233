/**
 * Ranges of calendar days (YYYY-MM-DD, both ends inclusive) in the company's
 * business time zone, as list filters keep them in the URL; and the ready-made
 * ranges ("Last 7 days") offered next to the calendar.
 */
import { nextCalendarDay, startOfDayInTimeZone } from './format';

export const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Today's date in a time zone: `todayInTimeZone('Pacific/Auckland')` → "2026-03-02" while UTC is still on 1 March. */
export function todayInTimeZone(timeZone: string, now: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
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

export type DatePresetId = 'today' | 'last7' | 'last30' | 'thisMonth' | 'lastMonth' | 'thisYear';

export interface DatePreset {
  id: DatePresetId;
  from: string;
  to: string;
}

export const datePresetIds: readonly DatePresetId[] = ['today', 'last7', 'last30', 'thisMonth', 'lastMonth', 'thisYear'];

/** The presets as of `today`. */
export function datePresets(today: string): DatePreset[] {
  const lastMonthEnd = addDays(firstOfMonth(today), -1);
  const ranges: Record<DatePresetId, [string, string]> = {
    today: [today, today],
    last7: [addDays(today, -6), today],
    last30: [addDays(today, -29), today],
    thisMonth: [firstOfMonth(today), today],
    lastMonth: [firstOfMonth(lastMonthEnd), lastMonthEnd],
    thisYear: [`${today.slice(0, 4)}-01-01`, today],
  };
  return datePresetIds.map((id) => ({ id, from: ranges[id][0], to: ranges[id][1] }));
}

/** The preset a range is, if any (so the filter can say "Last 7 days"). */
export function matchingPreset(from: string, to: string, today: string): DatePresetId | undefined {
  return datePresets(today).find((preset) => preset.from === from && preset.to === to)?.id;
}

/**
 * The API's half-open interval for a range of days: `from` is the instant
 * the first day begins, `to` the instant the day after the last begins
 * (exclusive), both in the business time zone.
 */
export function instantsOfDays(from: string, to: string, timeZone: string): { from?: string; to?: string } {
  const range: { from?: string; to?: string } = {};
  if (isoDatePattern.test(from)) range.from = startOfDayInTimeZone(from, timeZone);
  if (isoDatePattern.test(to)) range.to = startOfDayInTimeZone(nextCalendarDay(to), timeZone);
  return range;
}
