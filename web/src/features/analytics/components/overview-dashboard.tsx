import { Alert, Grid, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { memo, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, type To } from 'react-router';
import { Page } from '@/components/page';
import { daysInRange, timeOfDayInTimeZone, todayInTimeZone } from '@/lib/date-ranges';
import { formatAmount, formatCount, formatPercent } from '@/lib/format';
import { useI18n, type Translate } from '@/lib/i18n';
import {
  breakdownQuery,
  declineReasonsQuery,
  overviewQueries,
  previousRatesToDateQuery,
  previousToDateRange,
  previousTurnoverToDateQuery,
  ratesQuery,
  turnoverSeriesQuery,
  type AnalyticsQuery,
} from '../analytics-query';
import { analyticsQueryOptions, useAnalyticsQuery } from '../api/query-analytics';
import type { BreakdownBar } from '../chart-options';
import { drillDownLink, type DrillTarget } from '../drill-down';
import { useOverviewUrl } from '../hooks/use-overview-url';
import { kpiFigures } from '../kpi';
import { declineReasonLabel, dimensionValueLabel, periodText, type LabelContext } from '../labels';
import { effectiveGranularity, granularityAllowed, type OverviewFilters } from '../overview-url';
import { dimensionOf, metricOf, type AnalyticsAnswer, type BreakdownDimension, type ProjectName } from '../types';
import { BreakdownCard } from './breakdown-card';
import { loadEcharts } from './echart';
import { FiguresError } from './figures-error';
import { KpiCards } from './kpi-cards';
import { LivePanel } from './live-panel';
import { OverviewFilterBar } from './overview-filter-bar';
import { RangePicker } from './range-picker';
import classes from './overview.module.css';
import { TurnoverCard, turnoverChartHeightPx } from './turnover-card';

function counted(t: Translate, locale: string, base: 'analytics.payments' | 'analytics.declines', count: number): string {
  const one = new Intl.PluralRules(locale).select(count) === 'one';
  return t(one ? `${base}.one` : `${base}.other`, { count: formatCount(count, locale) });
}

/** A breakdown's bars: turnover per value, with its count and share of the whole. */
export function breakdownBars(answer: AnalyticsAnswer, dimension: BreakdownDimension, context: LabelContext): BreakdownBar[] {
  const { t, locale } = context;
  const currency = answer.currency ?? 'EUR';
  const total = metricOf(answer.totals[0], 'amount') ?? 0;
  return answer.rows.map((row) => {
    const value = dimensionOf(row, dimension);
    const amount = metricOf(row, 'amount') ?? 0;
    const share = total > 0 ? formatPercent(amount / total, locale, 1) : formatPercent(0, locale, 1);
    return {
      label: dimensionValueLabel(dimension, value, context),
      value: amount,
      valueText: formatAmount(amount, currency, locale),
      detail: t('analytics.breakdown.share', { count: counted(t, locale, 'analytics.payments', metricOf(row, 'count') ?? 0), share }),
      // Only a card brand's "none" (no card) has a list filter of its own.
      clickable: value !== null || dimension === 'card_brand',
    };
  });
}

/** The decline reasons' bars: declines per code, with their share of all declines. */
export function declineBars(answer: AnalyticsAnswer, t: Translate, locale: string): BreakdownBar[] {
  const total = metricOf(answer.totals[0], 'count') ?? 0;
  return answer.rows.map((row) => {
    const count = metricOf(row, 'count') ?? 0;
    return {
      label: declineReasonLabel(dimensionOf(row, 'decline_code'), t),
      value: count,
      valueText: formatCount(count, locale),
      detail: t('analytics.breakdown.share', { count: counted(t, locale, 'analytics.declines', count), share: formatPercent(total > 0 ? count / total : 0, locale, 1) }),
      clickable: true,
    };
  });
}

/**
 * The breakdowns (all of analytics-query's breakdownDimensions) in three columns of about equal height: countries run to
 * ten rows, methods and card brands to a handful each.
 */
const breakdownColumns: readonly (readonly BreakdownDimension[])[] = [['country'], ['method', 'card_brand'], ['currency', 'project']];

/** The breakdowns draw after the turnover chart (the page's main figure), or after this long at the latest. */
export const secondaryChartsDelayMaxMs = 1500;

interface WidgetProps {
  filters: OverviewFilters;
  /** Whether to draw the chart yet: the turnover chart goes first. */
  drawn: boolean;
  /** The list a chart element opens; null: none (or the person may not read the lists). */
  linkFor: (target: DrillTarget) => To | null;
  open: (target: DrillTarget) => void;
}

/** Turnover by one dimension: its own query, so each card loads (and fails) on its own. */
const DimensionBreakdown = memo(function DimensionBreakdown({ dimension, filters, drawn, labelContext, linkFor, open }: WidgetProps & { dimension: BreakdownDimension; labelContext: LabelContext }) {
  const { t } = labelContext;
  const answer = useAnalyticsQuery(breakdownQuery(filters, dimension));
  const bars = useMemo(() => (answer.data === undefined ? undefined : breakdownBars(answer.data, dimension, labelContext)), [answer.data, dimension, labelContext]);
  const viewAll = linkFor({ kind: 'all' });
  return (
    <BreakdownCard
      id={dimension}
      title={t(`analytics.breakdown.${dimension}`)}
      subtitle={answer.data?.has_more ? t('analytics.breakdown.topByTurnover', { count: answer.data.rows.length }) : t('analytics.breakdown.byTurnover')}
      bars={bars}
      error={answer.error}
      loading={(answer.data === undefined && answer.isPending) || !drawn}
      stale={answer.isPlaceholderData}
      onRetry={() => void answer.refetch()}
      emptyText={t('analytics.breakdown.empty')}
      unclickableHint={t('analytics.breakdown.noneHint')}
      viewAll={viewAll === null ? undefined : { to: viewAll, label: t('analytics.viewPayments') }}
      onBarClick={
        viewAll === null
          ? undefined
          : (index) => {
              const row = answer.data?.rows[index];
              if (row !== undefined) open({ kind: 'dimension', dimension, value: dimensionOf(row, dimension) });
            }
      }
    />
  );
});

/** The most frequent decline codes of first attempts. */
const DeclineReasons = memo(function DeclineReasons({ filters, drawn, linkFor, open }: WidgetProps) {
  const { t, formatLocale } = useI18n();
  const answer = useAnalyticsQuery(declineReasonsQuery(filters));
  const bars = useMemo(() => (answer.data === undefined ? undefined : declineBars(answer.data, t, formatLocale)), [answer.data, t, formatLocale]);
  const viewAll = linkFor({ kind: 'declines' });
  return (
    <BreakdownCard
      id="decline_code"
      title={t('analytics.declines.title')}
      subtitle={t('analytics.declines.subtitle')}
      bars={bars}
      error={answer.error}
      loading={(answer.data === undefined && answer.isPending) || !drawn}
      stale={answer.isPlaceholderData}
      onRetry={() => void answer.refetch()}
      tone="danger"
      labelWidthPx={220}
      emptyText={t('analytics.declines.empty')}
      viewAll={viewAll === null ? undefined : { to: viewAll, label: t('analytics.viewOperations') }}
      onBarClick={
        viewAll === null
          ? undefined
          : (index) => {
              const row = answer.data?.rows[index];
              if (row !== undefined) open({ kind: 'declineCode', value: dimensionOf(row, 'decline_code') });
            }
      }
    />
  );
});

export interface OverviewDashboardProps {
  /** Project names for the project breakdown and the live panel. */
  projects: readonly ProjectName[];
  /** The company's reporting currency, until the first answer says it. */
  reportingCurrency: string;
  /** Whether chart elements open the payments and operations lists (`payments.read`). */
  canOpenLists: boolean;
  /** Shown beside the decline reasons (the server's status). */
  aside?: ReactNode;
}

/** `/`: the company's figures for a range, against the previous period, with the live operations beside them. */
export function OverviewDashboard({ projects, reportingCurrency, canOpenLists, aside }: OverviewDashboardProps) {
  const { t, formatLocale, timeZone } = useI18n();
  const navigate = useNavigate();
  // The charts' code loads while the figures do, not after them (but after their requests are out).
  useEffect(() => {
    const timer = window.setTimeout(() => void loadEcharts(), 0);
    return () => window.clearTimeout(timer);
  }, []);
  // The turnover chart draws first; the six breakdowns follow once it has (their set-up would delay it).
  const [mainChartDrawn, setMainChartDrawn] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setMainChartDrawn(true), secondaryChartsDelayMaxMs);
    return () => window.clearTimeout(timer);
  }, []);
  const onMainChartDrawn = useCallback(() => setMainChartDrawn(true), []);
  const today = todayInTimeZone(timeZone);
  const { filters, setFilters } = useOverviewUrl(today);
  const granularity = effectiveGranularity(filters);
  const rangeDays = daysInRange(filters.from, filters.to);

  // Every figure's request starts from this render, not from the queries' subscriptions, which start
  // them only once the page has painted; the hooks below find them in flight.
  const queryClient = useQueryClient();
  // A range up to now compares with the previous one up to the same point (its minute changes the key once a minute at most).
  const toDate = previousToDateRange(filters, today, timeOfDayInTimeZone(timeZone));
  const queriesKey = JSON.stringify(overviewQueries(filters, granularity, toDate));
  useMemo(() => {
    for (const query of JSON.parse(queriesKey) as AnalyticsQuery[]) void queryClient.prefetchQuery(analyticsQueryOptions(query));
  }, [queryClient, queriesKey]);

  const turnover = useAnalyticsQuery(turnoverSeriesQuery(filters, granularity));
  const secondaryDrawn = mainChartDrawn || turnover.error !== null;
  const rates = useAnalyticsQuery(ratesQuery(filters));
  const previousTurnover = useAnalyticsQuery(previousTurnoverToDateQuery(filters, toDate ?? { from: '', to: '' }), toDate !== null);
  const previousRates = useAnalyticsQuery(previousRatesToDateQuery(filters, toDate ?? { from: '', to: '' }), toDate !== null);

  const currency = turnover.data?.currency ?? rates.data?.currency ?? reportingCurrency;
  const toDateRunning = toDate !== null;
  const figures = useMemo(
    () => kpiFigures(turnover.data, rates.data, toDateRunning ? { turnover: previousTurnover.data, rates: previousRates.data } : undefined),
    [turnover.data, rates.data, toDateRunning, previousTurnover.data, previousRates.data],
  );
  const labelContext: LabelContext = useMemo(() => ({ t, locale: formatLocale, projects }), [t, formatLocale, projects]);

  // Stable while the filters are: the widgets are memoised and redraw only when their own figures change.
  const linkFor = useCallback((target: DrillTarget) => (canOpenLists ? drillDownLink(filters, target, timeZone) : null), [canOpenLists, filters, timeZone]);
  const open = useCallback(
    (target: DrillTarget) => {
      const to = linkFor(target);
      if (to !== null) void navigate(to);
    },
    [linkFor, navigate],
  );

  const previous = turnover.data?.previous ?? rates.data?.previous;
  const comparedRange = previous === undefined ? null : periodText(previous.from, previous.to, formatLocale, timeZone);
  const comparedText =
    comparedRange === null
      ? null
      : toDateRunning
        ? t('analytics.range.comparedToDate', { range: comparedRange, time: new Intl.DateTimeFormat(formatLocale, { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date()) })
        : t('analytics.range.compared', { range: comparedRange });
  const warnings = [...new Set([...(turnover.data?.warnings ?? []), ...(rates.data?.warnings ?? [])])];

  // One failure for everything (no permission, a bad range) is said once, not in every card.
  const everythingFailed = turnover.error !== null && rates.error !== null && turnover.data === undefined && rates.data === undefined;

  const setRange = (from: string, to: string) => setFilters({ ...filters, from, to, granularity: null });

  return (
    <Page
      title={t('area.overview.title')}
      description={t('analytics.description', { currency, timeZone })}
      actions={<RangePicker from={filters.from} to={filters.to} today={today} onChange={setRange} />}
    >
      <Stack gap="lg">
        <OverviewFilterBar
          filters={filters}
          onChange={setFilters}
          trailing={
            comparedText !== null && (
              <Text size="xs" c="dimmed" title={toDateRunning ? t('analytics.range.comparedToDateHint') : t('analytics.range.comparedHint')} data-testid="overview-compared">
                {comparedText}
              </Text>
            )
          }
        />
        {warnings.length > 0 && (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden="true" />} title={t('analytics.warnings')}>
            {warnings.length === 1 ? (
              warnings[0]
            ) : (
              <List size="sm" spacing={2}>
                {warnings.map((warning) => (
                  <List.Item key={warning}>{warning}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        {everythingFailed ? (
          <FiguresError
            error={turnover.error}
            retrying={turnover.isFetching || rates.isFetching}
            onRetry={() => {
              void turnover.refetch();
              void rates.refetch();
            }}
          />
        ) : (
          <>
            <KpiCards
              figures={figures}
              currency={currency}
              loading={{
                turnover: turnover.data === undefined || (toDateRunning && previousTurnover.data === undefined),
                rates: rates.data === undefined || (toDateRunning && previousRates.data === undefined),
              }}
              stale={{ turnover: turnover.isPlaceholderData || previousTurnover.isPlaceholderData, rates: rates.isPlaceholderData || previousRates.isPlaceholderData }}
              comparedToDate={toDateRunning}
            />
            <Grid gap="md" align="stretch">
              <Grid.Col span={{ base: 12, lg: 8 }}>
                <TurnoverCard
                  answer={turnover.data}
                  error={turnover.error}
                  loading={turnover.data === undefined && turnover.isPending}
                  stale={turnover.isPlaceholderData}
                  onRetry={() => void turnover.refetch()}
                  granularity={granularity}
                  isAllowed={(value) => granularityAllowed(value, rangeDays)}
                  onGranularityChange={(value) => setFilters({ ...filters, granularity: value })}
                  onFirstRender={onMainChartDrawn}
                  onBucketClick={
                    canOpenLists
                      ? (index) => {
                          const row = turnover.data?.rows[index];
                          if (row !== undefined) open({ kind: 'bucket', granularity, row });
                        }
                      : undefined
                  }
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 4 }}>
                <LivePanel projectId={filters.projectId} projects={projects} linkable={canOpenLists} heightPx={turnoverChartHeightPx + 8} />
              </Grid.Col>
            </Grid>
            <Grid gap="md" align="stretch">
              {breakdownColumns.map((column, index) => {
                // Two columns on medium screens: the third goes below, its two cards side by side.
                const last = index === breakdownColumns.length - 1;
                return (
                  <Grid.Col key={column.join('+')} span={{ base: 12, md: last ? 12 : 6, lg: 4 }}>
                    <div className={last ? `${classes.column} ${classes.columnSplit}` : classes.column}>
                      {column.map((dimension) => (
                        <DimensionBreakdown
                          key={dimension}
                          dimension={dimension}
                          filters={filters}
                          drawn={secondaryDrawn}
                          labelContext={labelContext}
                          linkFor={linkFor}
                          open={open}
                        />
                      ))}
                    </div>
                  </Grid.Col>
                );
              })}
              <Grid.Col span={{ base: 12, lg: 8 }}>
                <DeclineReasons filters={filters} drawn={secondaryDrawn} linkFor={linkFor} open={open} />
              </Grid.Col>
              {aside !== undefined && <Grid.Col span={{ base: 12, md: 6, lg: 4 }}>{aside}</Grid.Col>}
            </Grid>
          </>
        )}
        {everythingFailed && aside}
      </Stack>
    </Page>
  );
}
