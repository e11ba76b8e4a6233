import { Card, Group, SegmentedControl, Skeleton, Text, Title, VisuallyHidden } from '@mantine/core';
import { useComputedColorScheme } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import { useMemo } from 'react';
import { formatAmount, formatAmountCompact, formatCount } from '@/lib/format';
import { useI18n, type Translate } from '@/lib/i18n';
import { chartPalette } from '../chart-theme';
import { turnoverChartOption, type SeriesPoint } from '../chart-options';
import { kpiChange } from '../kpi';
import { bucketAxisLabel, bucketTitle, periodText } from '../labels';
import { granularities, metricOf, type AnalyticsAnswer, type Granularity } from '../types';
import { changeText } from './kpi-cards';
import { EChart } from './echart';
import { FiguresError } from './figures-error';
import classes from './overview.module.css';

/** Set when the turnover chart has first drawn: the overview's time to first render (navigation start → this mark). */
export const firstChartMark = 'kassa:overview-first-chart';

function markFirstChart() {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  if (performance.getEntriesByName(firstChartMark).length === 0) performance.mark(firstChartMark);
}

export const turnoverChartHeightPx = 300;

function countText(count: number, locale: string, t: Translate): string {
  const form = new Intl.PluralRules(locale).select(count) === 'one' ? 'analytics.payments.one' : 'analytics.payments.other';
  return t(form, { count: formatCount(count, locale) });
}

/** The series' points: each bucket of this period beside the bucket at the same place in the previous one. */
export function seriesPoints(answer: AnalyticsAnswer, granularity: Granularity, locale: string, timeZone: string, t: Translate): SeriesPoint[] {
  const currency = answer.currency ?? 'EUR';
  const previousRows = answer.previous?.rows ?? [];
  return answer.rows.map((row, index) => {
    const amount = metricOf(row, 'amount') ?? 0;
    const previousRow = previousRows[index];
    const previousAmount = previousRow === undefined ? null : (metricOf(previousRow, 'amount') ?? 0);
    const change = kpiChange(amount, previousAmount, 'money', true);
    return {
      axisLabel: bucketAxisLabel(row, granularity, locale, timeZone),
      title: bucketTitle(row, granularity, locale, timeZone, t),
      amount,
      amountText: formatAmount(amount, currency, locale),
      countText: countText(metricOf(row, 'count') ?? 0, locale, t),
      previousAmount,
      previousTitle: previousRow === undefined ? null : bucketTitle(previousRow, granularity, locale, timeZone, t),
      previousAmountText: previousAmount === null ? null : formatAmount(previousAmount, currency, locale),
      changeText: change === null ? null : `${change.direction === 'down' ? '−' : change.direction === 'up' ? '+' : ''}${changeText(change, locale, t)}`,
    };
  });
}

/** This period and the previous one, named by their days; HTML, so it reads like the rest of the page. */
function Legend({ answer }: { answer: AnalyticsAnswer }) {
  const { t, formatLocale, timeZone } = useI18n();
  const palette = chartPalette(useComputedColorScheme('light'));
  return (
    <Group gap="md" mt={8} wrap="wrap" data-testid="turnover-legend">
      <Group gap={6} wrap="nowrap">
        <span aria-hidden="true" style={{ width: 10, height: 10, borderRadius: 2, background: palette.primary }} />
        <Text size="xs" c="dimmed">
          {t('analytics.turnover.current')} · {periodText(answer.from, answer.to, formatLocale, timeZone)}
        </Text>
      </Group>
      {answer.previous !== undefined && (
        <Group gap={6} wrap="nowrap">
          <span aria-hidden="true" style={{ width: 12, height: 0, borderTop: `2px dashed ${palette.previous}` }} />
          <Text size="xs" c="dimmed">
            {t('analytics.turnover.previous')} · {periodText(answer.previous.from, answer.previous.to, formatLocale, timeZone)}
          </Text>
        </Group>
      )}
    </Group>
  );
}

export interface TurnoverCardProps {
  answer: AnalyticsAnswer | undefined;
  error: unknown;
  loading: boolean;
  stale: boolean;
  onRetry: () => void;
  granularity: Granularity;
  isAllowed: (granularity: Granularity) => boolean;
  onGranularityChange: (granularity: Granularity) => void;
  /** A bar was clicked: its row in the answer. */
  onBucketClick?: (index: number) => void;
  /** After the chart has first drawn. */
  onFirstRender?: () => void;
}

/** Turnover per hour, day, week or month, with the previous period behind it. */
export function TurnoverCard({ answer, error, loading, stale, onRetry, granularity, isAllowed, onGranularityChange, onBucketClick, onFirstRender }: TurnoverCardProps) {
  const { t, formatLocale, timeZone } = useI18n();
  const scheme = useComputedColorScheme('light');
  const reducedMotion = useReducedMotion() ?? false;
  const option = useMemo(() => {
    if (answer === undefined) return null;
    const currency = answer.currency ?? 'EUR';
    const points = seriesPoints(answer, granularity, formatLocale, timeZone, t);
    return turnoverChartOption(
      points,
      {
        current: t('analytics.turnover.current'),
        previous: t('analytics.turnover.previous'),
        change: t('analytics.turnover.change'),
        axisAmount: (minor) => formatAmountCompact(minor, currency, formatLocale),
      },
      chartPalette(scheme),
      !reducedMotion,
    );
  }, [answer, granularity, formatLocale, timeZone, t, scheme, reducedMotion]);
  const granularityLabel = t(`analytics.granularity.${granularity}`).toLowerCase();
  const hasTurnover = answer !== undefined && answer.rows.some((row) => (metricOf(row, 'amount') ?? 0) !== 0);

  return (
    <Card className={classes.card} component="section" aria-labelledby="turnover-title" data-testid="turnover-card">
      <div className={classes.cardHeader}>
        <div>
          <Title order={2} id="turnover-title" className={classes.cardTitle}>
            {t('analytics.turnover.title')}
          </Title>
          {onBucketClick !== undefined && (
            <Text size="xs" c="dimmed" mt={2}>
              {t('analytics.turnover.hint')}
            </Text>
          )}
          {answer !== undefined && <Legend answer={answer} />}
        </div>
        <SegmentedControl
          size="xs"
          value={granularity}
          onChange={(value) => onGranularityChange(value as Granularity)}
          aria-label={t('analytics.granularity.label')}
          data={granularities.map((value) => ({ value, label: t(`analytics.granularity.${value}`), disabled: !isAllowed(value) }))}
          data-testid="granularity"
        />
      </div>
      {error !== null && answer === undefined ? (
        <FiguresError error={error} onRetry={onRetry} />
      ) : loading || option === null ? (
        <div aria-busy="true">
          <VisuallyHidden>{t('analytics.loading')}</VisuallyHidden>
          <Skeleton height={turnoverChartHeightPx} aria-hidden="true" />
        </div>
      ) : (
        <div className={stale ? classes.stale : undefined}>
          <EChart
            option={option}
            height={turnoverChartHeightPx}
            label={t('analytics.turnover.chartLabel', { granularity: granularityLabel })}
            chartId="turnover"
            onElementClick={onBucketClick === undefined ? undefined : ({ seriesIndex, dataIndex }) => seriesIndex === 0 && onBucketClick(dataIndex)}
            onFirstRender={() => {
              markFirstChart();
              onFirstRender?.();
            }}
          />
          {!hasTurnover && (
            <Text size="sm" c="dimmed" ta="center" mt="xs" data-testid="turnover-empty">
              {t('analytics.breakdown.empty')}
            </Text>
          )}
        </div>
      )}
    </Card>
  );
}
