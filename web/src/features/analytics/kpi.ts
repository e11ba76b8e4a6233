/**
 * The KPI cards: which figure each shows, and its change against the
 * previous period, said as good or bad for the merchant.
 */
import type { PlainMessageKey } from '@/lib/i18n';
import { metricOf, type AnalyticsPeriod, type Metric } from './types';

export type KpiId = 'turnover' | 'count' | 'averageTicket' | 'conversion' | 'refundRate' | 'chargebackRate';

/** Amounts and counts change by a relative percentage; rates by percentage points. */
export type KpiKind = 'money' | 'count' | 'rate';

export interface KpiDefinition {
  id: KpiId;
  kind: KpiKind;
  /** Which query holds it: the turnover series' totals, or the rates'. */
  source: 'turnover' | 'rates';
  metric: Metric;
  /** More is good (turnover), or bad (refund rate). */
  higherIsBetter: boolean;
  labelKey: PlainMessageKey;
  hintKey: PlainMessageKey;
}

export const kpis: readonly KpiDefinition[] = [
  { id: 'turnover', kind: 'money', source: 'turnover', metric: 'amount', higherIsBetter: true, labelKey: 'analytics.kpi.turnover', hintKey: 'analytics.kpi.turnover.hint' },
  { id: 'count', kind: 'count', source: 'turnover', metric: 'count', higherIsBetter: true, labelKey: 'analytics.kpi.count', hintKey: 'analytics.kpi.count.hint' },
  { id: 'averageTicket', kind: 'money', source: 'turnover', metric: 'average_amount', higherIsBetter: true, labelKey: 'analytics.kpi.averageTicket', hintKey: 'analytics.kpi.averageTicket.hint' },
  { id: 'conversion', kind: 'rate', source: 'rates', metric: 'conversion_rate', higherIsBetter: true, labelKey: 'analytics.kpi.conversion', hintKey: 'analytics.kpi.conversion.hint' },
  { id: 'refundRate', kind: 'rate', source: 'rates', metric: 'refund_rate', higherIsBetter: false, labelKey: 'analytics.kpi.refundRate', hintKey: 'analytics.kpi.refundRate.hint' },
  { id: 'chargebackRate', kind: 'rate', source: 'rates', metric: 'chargeback_rate', higherIsBetter: false, labelKey: 'analytics.kpi.chargebackRate', hintKey: 'analytics.kpi.chargebackRate.hint' },
];

export type ChangeDirection = 'up' | 'down' | 'flat';
export type ChangeTone = 'good' | 'bad' | 'neutral';

export interface KpiChange {
  /** `relative`: a fraction of the previous value (0.125 is +12.5 %); `points`: a difference of two rates (0.012 is +1.2 pp). */
  unit: 'relative' | 'points';
  /** Signed. */
  value: number;
  direction: ChangeDirection;
  tone: ChangeTone;
}

/** Changes smaller than this (0.05 % or 0.05 pp) read as no change: they round to 0.0 on screen. */
export const flatChangeMax = 0.0005;

/**
 * The change from `previous` to `current`, or null when there is nothing to
 * compare (no previous figure, or a previous amount of 0, which no
 * percentage describes).
 */
export function kpiChange(current: number | null, previous: number | null, kind: KpiKind, higherIsBetter: boolean): KpiChange | null {
  if (current === null || previous === null) return null;
  let unit: KpiChange['unit'];
  let value: number;
  if (kind === 'rate') {
    unit = 'points';
    value = current - previous;
  } else {
    if (previous === 0) return null;
    unit = 'relative';
    value = (current - previous) / Math.abs(previous);
  }
  if (Math.abs(value) < flatChangeMax) return { unit, value: 0, direction: 'flat', tone: 'neutral' };
  const direction: ChangeDirection = value > 0 ? 'up' : 'down';
  const good = (direction === 'up') === higherIsBetter;
  return { unit, value, direction, tone: good ? 'good' : 'bad' };
}

export interface KpiFigure {
  definition: KpiDefinition;
  current: number | null;
  previous: number | null;
  change: KpiChange | null;
}

type Figures = { totals: AnalyticsPeriod['totals']; previous?: Pick<AnalyticsPeriod, 'totals'> };

/**
 * Each KPI's figure and change, from the totals of the two answers (either
 * may still be loading). `previousToDate` replaces the previous period's
 * totals when the range runs up to now (see previousToDateRange); while it
 * loads, the KPIs wait for it.
 */
export function kpiFigures(
  turnover: Figures | undefined,
  rates: Figures | undefined,
  previousToDate?: { turnover: Pick<AnalyticsPeriod, 'totals'> | undefined; rates: Pick<AnalyticsPeriod, 'totals'> | undefined },
): Record<KpiId, KpiFigure | null> {
  const result = {} as Record<KpiId, KpiFigure | null>;
  for (const definition of kpis) {
    const found = definition.source === 'turnover' ? turnover : rates;
    const previousOverride = previousToDate === undefined ? undefined : previousToDate[definition.source];
    if (found === undefined || (previousToDate !== undefined && previousOverride === undefined)) {
      result[definition.id] = null;
      continue;
    }
    const answer: Figures = previousOverride === undefined ? found : { totals: found.totals, previous: previousOverride };
    // Sums over nothing are 0; an average or a rate over nothing is no figure.
    const fallback = definition.metric === 'amount' || definition.metric === 'count' ? 0 : null;
    const current = metricOf(answer.totals[0], definition.metric) ?? fallback;
    const previous = answer.previous === undefined ? null : (metricOf(answer.previous.totals[0], definition.metric) ?? fallback);
    result[definition.id] = { definition, current, previous, change: kpiChange(current, previous, definition.kind, definition.higherIsBetter) };
  }
  return result;
}
