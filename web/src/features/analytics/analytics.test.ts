import { describe, expect, it } from 'vitest';
import { createTranslator } from '@/lib/i18n';
import {
  baseQuery,
  breakdownQuery,
  declineReasonsQuery,
  previousRatesToDateQuery,
  previousToDateRange,
  overviewQueries,
  previousTurnoverToDateQuery,
  ratesQuery,
  turnoverSeriesQuery,
} from './analytics-query';
import { parseLiveOperation, withLiveOperation } from './api/live-operations';
import { breakdownChartOption, escapeHtml, turnoverChartOption, type SeriesPoint } from './chart-options';
import { lightPalette } from './chart-theme';
import { capturedPaymentStatuses, drillDownLink, hrefOf, type DrillTarget } from './drill-down';
import { kpiChange, kpiFigures } from './kpi';
import { bucketAxisLabel, bucketTitle, declineReasonLabel, dimensionValueLabel, periodText } from './labels';
import {
  activeFilterCount,
  defaultGranularity,
  effectiveGranularity,
  granularityAllowed,
  overviewFiltersFromParams,
  paramsWithOverviewFilters,
  type OverviewFilters,
} from './overview-url';
import type { LiveOperation } from './types';

const t = createTranslator('en');
const today = '2026-03-15';

const march: OverviewFilters = {
  from: '2026-03-01',
  to: '2026-03-31',
  projectId: null,
  methods: [],
  countries: [],
  currencies: [],
  granularity: null,
};

describe('overview URL ↔ filters', () => {
  it('reads the payments list’s parameter names', () => {
    const params = new URLSearchParams('from=2026-03-01&to=2026-03-31&project=prj_shop&method=card,sepa&country=de,FR&currency=eur&granularity=week');
    expect(overviewFiltersFromParams(params, today)).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      projectId: 'prj_shop',
      methods: ['card', 'sepa'],
      countries: ['DE', 'FR'],
      currencies: ['EUR'],
      granularity: 'week',
    });
  });

  it('defaults to the last 30 days up to today, and mends half or reversed ranges', () => {
    expect(overviewFiltersFromParams(new URLSearchParams(), today)).toMatchObject({ from: '2026-02-14', to: '2026-03-15', granularity: null });
    expect(overviewFiltersFromParams(new URLSearchParams('from=2026-03-10'), today)).toMatchObject({ from: '2026-03-10', to: '2026-03-15' });
    expect(overviewFiltersFromParams(new URLSearchParams('to=2026-02-28'), today)).toMatchObject({ from: '2026-01-30', to: '2026-02-28' });
    expect(overviewFiltersFromParams(new URLSearchParams('from=2026-03-10&to=2026-03-01'), today)).toMatchObject({ from: '2026-03-01', to: '2026-03-10' });
  });

  it('drops values that make no sense instead of sending them', () => {
    const params = new URLSearchParams('from=yesterday&method=cash,card,card&country=Germany,AT&currency=EURO&granularity=minute');
    expect(overviewFiltersFromParams(params, today)).toMatchObject({
      from: '2026-02-14',
      methods: ['card'],
      countries: ['AT'],
      currencies: [],
      granularity: null,
    });
  });

  it('writes filters back, keeping what it does not own and removing what is empty', () => {
    const current = new URLSearchParams('project=prj_shop&method=card&other=1');
    const next = paramsWithOverviewFilters(current, { ...march, projectId: 'prj_shop', countries: ['DE', 'AT'], granularity: 'day' });
    expect(next.toString()).toBe('project=prj_shop&other=1&from=2026-03-01&to=2026-03-31&country=DE%2CAT&granularity=day');
    expect(overviewFiltersFromParams(next, today)).toEqual({ ...march, projectId: 'prj_shop', countries: ['DE', 'AT'], granularity: 'day' });
    expect(activeFilterCount({ ...march, countries: ['DE'], methods: ['card'] })).toBe(2);
  });

  it('picks buckets that suit the range, and refuses ones that do not', () => {
    expect(defaultGranularity(1)).toBe('hour');
    expect(defaultGranularity(7)).toBe('day');
    expect(defaultGranularity(90)).toBe('day');
    expect(defaultGranularity(365)).toBe('week');
    expect(defaultGranularity(1000)).toBe('month');
    expect(granularityAllowed('hour', 31)).toBe(true);
    expect(granularityAllowed('hour', 32)).toBe(false);
    expect(effectiveGranularity({ from: '2026-03-01', to: '2026-03-31', granularity: 'hour' })).toBe('hour');
    expect(effectiveGranularity({ from: '2025-03-01', to: '2026-03-31', granularity: 'hour' })).toBe('week');
    expect(effectiveGranularity({ from: '2026-03-15', to: '2026-03-15', granularity: null })).toBe('hour');
  });
});

describe('analytics queries', () => {
  const filtered: OverviewFilters = { ...march, projectId: 'prj_shop', methods: ['card'], countries: ['DE', 'FR'], currencies: ['EUR', 'USD'] };

  it('sends days (read in the business time zone) with an exclusive end, and the filters comma-separated', () => {
    expect(baseQuery(filtered)).toEqual({ from: '2026-03-01', to: '2026-04-01', project: 'prj_shop', method: 'card', country: 'DE,FR', currency: 'EUR,USD' });
    expect(baseQuery(march)).toEqual({ from: '2026-03-01', to: '2026-04-01' });
  });

  it('asks for turnover as successful sales and captures, against the previous period', () => {
    expect(turnoverSeriesQuery(march, 'day')).toEqual({
      from: '2026-03-01',
      to: '2026-04-01',
      type: 'sale,capture',
      status: 'success',
      metrics: 'amount,count,average_amount',
      group_by: 'day',
      compare: 'previous_period',
    });
    expect(ratesQuery(march)).toEqual({ from: '2026-03-01', to: '2026-04-01', metrics: 'conversion_rate,refund_rate,chargeback_rate', compare: 'previous_period' });
    expect(breakdownQuery(march, 'country')).toMatchObject({ type: 'sale,capture', status: 'success', metrics: 'amount,count', group_by: 'country', limit: 10 });
    expect(declineReasonsQuery(march)).toMatchObject({ type: 'sale,auth', status: 'decline', metrics: 'count', group_by: 'decline_code', limit: 10 });
  });

  it('lists every query of the page, two more while the range runs up to now', () => {
    expect(overviewQueries(march, 'day', null).map((query) => query.group_by ?? query.metrics)).toEqual([
      'day',
      'conversion_rate,refund_rate,chargeback_rate',
      'country',
      'method',
      'card_brand',
      'currency',
      'project',
      'decline_code',
    ]);
    expect(overviewQueries(march, 'day', { from: '2026-01-29', to: '2026-02-28T10:00' })).toHaveLength(10);
  });
});

describe('comparing a running period', () => {
  it('compares a range up to now with the previous one up to the same time', () => {
    const last7 = { ...march, from: '2026-03-09', to: '2026-03-15' };
    expect(previousToDateRange(last7, today, '17:05')).toEqual({ from: '2026-03-02', to: '2026-03-08T17:05' });
    expect(previousToDateRange({ ...march, from: today, to: today }, today, '09:30')).toEqual({ from: '2026-03-14', to: '2026-03-14T09:30' });
    // A range in the past compares whole periods (compare=previous_period).
    expect(previousToDateRange(march, '2026-04-02', '09:30')).toBeNull();
    const range = { from: '2026-03-02', to: '2026-03-08T17:05' };
    expect(previousTurnoverToDateQuery({ ...last7, countries: ['DE'] }, range)).toEqual({
      from: '2026-03-02',
      to: '2026-03-08T17:05',
      country: 'DE',
      type: 'sale,capture',
      status: 'success',
      metrics: 'amount,count,average_amount',
    });
    expect(previousRatesToDateQuery(last7, range)).toEqual({ from: '2026-03-02', to: '2026-03-08T17:05', metrics: 'conversion_rate,refund_rate,chargeback_rate' });
  });

  it('takes the previous figures to date instead of the whole previous period, and waits for them', () => {
    const turnover = { totals: [{ amount: 150000, count: 30, average_amount: 5000 }], previous: { totals: [{ amount: 300000, count: 60, average_amount: 5000 }] } };
    const rates = { totals: [{ conversion_rate: 0.9, refund_rate: 0.01, chargeback_rate: 0 }] };
    const toDate = kpiFigures(turnover, rates, { turnover: { totals: [{ amount: 100000, count: 20, average_amount: 5000 }] }, rates: undefined });
    expect(toDate.turnover?.change).toMatchObject({ value: 0.5, direction: 'up' });
    expect(toDate.conversion).toBeNull();
  });
});

describe('click-through to the lists', () => {
  const link = (filters: OverviewFilters, target: DrillTarget) => {
    const to = drillDownLink(filters, target, 'Europe/Berlin');
    return to === null ? null : hrefOf(to);
  };
  const captured = encodeURIComponent(capturedPaymentStatuses.join(','));

  it('opens the payments whose money was taken, with the overview’s filters', () => {
    const filters: OverviewFilters = { ...march, projectId: 'prj_shop', methods: ['card'], countries: ['DE'], currencies: ['EUR'] };
    expect(link(filters, { kind: 'all' })).toBe(`/payments?project=prj_shop&from=2026-03-01&to=2026-03-31&status=${captured}&method=card&country=DE&currency=EUR`);
  });

  it('a day bar opens that day, as the list’s inclusive days', () => {
    const row = { day: '2026-03-29', start: '2026-03-29T00:00:00+01:00', end: '2026-03-30T00:00:00+02:00', amount: 1 };
    expect(link(march, { kind: 'bucket', granularity: 'day', row })).toBe(`/payments?from=2026-03-29&to=2026-03-29&status=${captured}`);
  });

  it('a week or month bar opens its days, cut to the overview’s range', () => {
    const week = { week: '2026-02-23', start: '2026-02-23T00:00:00+01:00', end: '2026-03-02T00:00:00+01:00' };
    expect(link(march, { kind: 'bucket', granularity: 'week', row: week })).toBe(`/payments?from=2026-03-01&to=2026-03-01&status=${captured}`);
    const month = { month: '2026-03', start: '2026-03-01T00:00:00+01:00', end: '2026-04-01T00:00:00+02:00' };
    expect(link({ ...march, from: '2026-03-10' }, { kind: 'bucket', granularity: 'month', row: month })).toBe(`/payments?from=2026-03-10&to=2026-03-31&status=${captured}`);
    // Without instants, from the bucket's name.
    expect(link(march, { kind: 'bucket', granularity: 'month', row: { month: '2026-03' } })).toBe(`/payments?from=2026-03-01&to=2026-03-31&status=${captured}`);
    expect(link({ ...march, from: '2025-12-01' }, { kind: 'bucket', granularity: 'month', row: { month: '2025-12' } })).toBe(`/payments?from=2025-12-01&to=2025-12-31&status=${captured}`);
  });

  it('an hour bar opens its instants, the end exclusive', () => {
    const row = { hour: '2026-03-29T13:00:00+02:00', start: '2026-03-29T13:00:00+02:00', end: '2026-03-29T14:00:00+02:00' };
    const href = link(march, { kind: 'bucket', granularity: 'hour', row });
    expect(href).toBe(`/payments?from=${encodeURIComponent('2026-03-29T13:00:00+02:00')}&to=${encodeURIComponent('2026-03-29T14:00:00+02:00')}&status=${captured}`);
  });

  it('a breakdown bar narrows its dimension to the clicked value', () => {
    const filters: OverviewFilters = { ...march, methods: ['card', 'sepa'] };
    expect(link(filters, { kind: 'dimension', dimension: 'method', value: 'sepa' })).toBe(`/payments?from=2026-03-01&to=2026-03-31&status=${captured}&method=sepa`);
    expect(link(march, { kind: 'dimension', dimension: 'country', value: 'FR' })).toContain('&country=FR');
    expect(link(march, { kind: 'dimension', dimension: 'currency', value: 'USD' })).toContain('&currency=USD');
    expect(link(march, { kind: 'dimension', dimension: 'project', value: 'prj_app' })).toBe(`/payments?project=prj_app&from=2026-03-01&to=2026-03-31&status=${captured}`);
  });

  it('a card brand bar opens the payments of that brand; "No card" those without a card', () => {
    const filters: OverviewFilters = { ...march, methods: ['card', 'sepa'], countries: ['DE'] };
    expect(link(filters, { kind: 'dimension', dimension: 'card_brand', value: 'visa' })).toBe(
      `/payments?from=2026-03-01&to=2026-03-31&status=${captured}&method=card%2Csepa&country=DE&card_brand=visa`,
    );
    expect(link(march, { kind: 'dimension', dimension: 'card_brand', value: null })).toBe(`/payments?from=2026-03-01&to=2026-03-31&status=${captured}&card_brand=none`);
  });

  it('opens nothing the list cannot show exactly: a missing country, method, currency or project', () => {
    for (const dimension of ['country', 'method', 'currency', 'project'] as const) expect(link(march, { kind: 'dimension', dimension, value: null })).toBeNull();
  });

  it('a decline reason opens the declined first attempts with that code on the operations list, country and all', () => {
    const filters: OverviewFilters = { ...march, projectId: 'prj_shop', methods: ['card'], countries: ['DE', 'AT'], currencies: ['EUR'] };
    const declines = '/operations?project=prj_shop&from=2026-03-01&to=2026-03-31&status=decline&type=sale%2Cauth&method=card&country=DE%2CAT&currency=EUR';
    expect(link(filters, { kind: 'declineCode', value: '05' })).toBe(`${declines}&decline_code=05`);
    expect(link(filters, { kind: 'declineCode', value: 'AM04' })).toBe(`${declines}&decline_code=AM04`);
    // "No code": the operations without one.
    expect(link(filters, { kind: 'declineCode', value: null })).toBe(`${declines}&decline_code=none`);
    // "View operations": every decline, whatever its code.
    expect(link(filters, { kind: 'declines' })).toBe(declines);
  });
});

describe('KPI changes', () => {
  it('amounts and counts change by a percentage of the previous value', () => {
    expect(kpiChange(112, 100, 'money', true)).toEqual({ unit: 'relative', value: 0.12, direction: 'up', tone: 'good' });
    expect(kpiChange(90, 100, 'count', true)).toEqual({ unit: 'relative', value: -0.1, direction: 'down', tone: 'bad' });
    expect(kpiChange(100, 100, 'money', true)).toEqual({ unit: 'relative', value: 0, direction: 'flat', tone: 'neutral' });
  });

  it('rates change by percentage points, and a rising refund rate is bad', () => {
    const change = kpiChange(0.031, 0.02, 'rate', false);
    expect(change?.unit).toBe('points');
    expect(change?.value).toBeCloseTo(0.011);
    expect(change).toMatchObject({ direction: 'up', tone: 'bad' });
    expect(kpiChange(0.9, 0.85, 'rate', true)).toMatchObject({ direction: 'up', tone: 'good' });
    expect(kpiChange(0.01, 0.02, 'rate', false)).toMatchObject({ direction: 'down', tone: 'good' });
  });

  it('says nothing when there is nothing to compare with', () => {
    expect(kpiChange(100, 0, 'money', true)).toBeNull();
    expect(kpiChange(100, null, 'money', true)).toBeNull();
    expect(kpiChange(null, 0.5, 'rate', true)).toBeNull();
    expect(kpiChange(0.5, null, 'rate', true)).toBeNull();
  });

  it('takes each KPI from the totals of its query', () => {
    const turnover = { totals: [{ amount: 150000, count: 30, average_amount: 5000 }], previous: { from: '', to: '', rows: [], totals: [{ amount: 100000, count: 30, average_amount: 3333 }] } };
    const rates = { totals: [{ conversion_rate: 0.9, refund_rate: null, chargeback_rate: 0.001 }], previous: { from: '', to: '', rows: [], totals: [{ conversion_rate: 0.8, refund_rate: 0.01, chargeback_rate: 0.001 }] } };
    const figures = kpiFigures(turnover, rates);
    expect(figures.turnover).toMatchObject({ current: 150000, previous: 100000, change: { direction: 'up', tone: 'good' } });
    expect(figures.count?.change).toMatchObject({ direction: 'flat' });
    expect(figures.conversion?.change?.value).toBeCloseTo(0.1);
    expect(figures.refundRate).toMatchObject({ current: null, change: null });
    expect(kpiFigures(undefined, rates).turnover).toBeNull();
    // An empty period: sums are 0, the average is no figure.
    expect(kpiFigures({ totals: [{ amount: 0, count: 0, average_amount: null }] }, undefined).averageTicket).toMatchObject({ current: null, previous: null });
  });
});

describe('labels', () => {
  it('names values and decline codes', () => {
    const context = { t, locale: 'en', projects: [{ id: 'prj_shop', name: 'Web shop' }] };
    expect(dimensionValueLabel('method', 'apple_pay', context)).toBe('Apple Pay');
    expect(dimensionValueLabel('country', 'DE', context)).toBe('Germany');
    expect(dimensionValueLabel('card_brand', 'visa', context)).toBe('Visa');
    expect(dimensionValueLabel('project', 'prj_shop', context)).toBe('Web shop');
    expect(dimensionValueLabel('project', 'prj_gone', context)).toBe('prj_gone');
    expect(dimensionValueLabel('country', null, context)).toBe('Unknown country');
    expect(declineReasonLabel('05', t)).toBe('05 · Do not honour');
    expect(declineReasonLabel('Z9', t)).toBe('Z9');
    expect(declineReasonLabel(null, t)).toBe('No code');
  });

  it('names buckets in the business time zone', () => {
    const day = { day: '2026-03-29', start: '2026-03-29T00:00:00+01:00', end: '2026-03-30T00:00:00+02:00' };
    expect(bucketAxisLabel(day, 'day', 'en-US', 'Europe/Berlin')).toBe('Mar 29');
    expect(bucketTitle(day, 'day', 'en-US', 'Europe/Berlin', t)).toBe('Sun, Mar 29, 2026');
    expect(bucketTitle({ week: '2026-03-23', start: '2026-03-23T00:00:00+01:00' }, 'week', 'en-US', 'Europe/Berlin', t)).toBe('Week of Mar 23, 2026');
    expect(bucketAxisLabel({ hour: 'x', start: '2026-03-29T13:00:00+02:00' }, 'hour', 'en-GB', 'Europe/Berlin')).toBe('13:00');
    expect(bucketTitle({ month: '2026-03' }, 'month', 'en-US', 'Europe/Berlin', t)).toBe('March 2026');
    // Intl puts thin spaces around the dash.
    expect(periodText('2026-02-28T23:00:00Z', '2026-03-31T22:00:00Z', 'en-US', 'Europe/Berlin').replace(/\s/g, ' ')).toBe('Mar 1 – 31, 2026');
  });
});

describe('chart options', () => {
  const point = (amount: number, previousAmount: number | null): SeriesPoint => ({
    axisLabel: 'Mar 1',
    title: 'Sun, Mar 1, 2026',
    amount,
    amountText: `€${amount / 100}`,
    countText: '3 payments',
    previousAmount,
    previousTitle: previousAmount === null ? null : 'Fri, Jan 30, 2026',
    previousAmountText: previousAmount === null ? null : `€${previousAmount / 100}`,
    changeText: '+20.0%',
  });

  it('draws this period as bars and the previous as a quiet line, with money in the tooltip', () => {
    const option = turnoverChartOption([point(1200, 1000), point(0, null)], { current: 'This period', previous: 'Previous period', change: 'Change', axisAmount: (minor) => `€${minor / 100}` }, lightPalette, false) as {
      series: { type: string; data: (number | null)[] }[];
      tooltip: { formatter: (params: unknown) => string };
      yAxis: { axisLabel: { formatter: (value: number) => string } };
    };
    expect(option.series.map((series) => series.type)).toEqual(['bar', 'line']);
    expect(option.series[0]?.data).toEqual([1200, 0]);
    expect(option.series[1]?.data).toEqual([1000, null]);
    const tooltip = option.tooltip.formatter([{ dataIndex: 0 }]);
    expect(tooltip).toContain('Sun, Mar 1, 2026');
    expect(tooltip).toContain('€12');
    expect(tooltip).toContain('Fri, Jan 30, 2026');
    expect(tooltip).toContain('+20.0%');
    expect(option.yAxis.axisLabel.formatter(250000)).toBe('€2500');
  });

  it('leaves the previous line out when there is no previous period', () => {
    const option = turnoverChartOption([point(1200, null)], { current: 'a', previous: 'b', change: 'c', axisAmount: String }, lightPalette, false) as { series: unknown[] };
    expect(option.series).toHaveLength(1);
  });

  it('escapes names in breakdown tooltips, and shows a pointer only where a click leads somewhere', () => {
    const option = breakdownChartOption(
      [
        { label: '<b>Shop</b>', value: 10, valueText: '€0.10', detail: '1 payment · 100.0%', clickable: true },
        { label: 'Unknown country', value: 5, valueText: '€0.05', detail: '1 payment', clickable: false },
      ],
      lightPalette,
      'primary',
      false,
      t('analytics.breakdown.noneHint'),
    ) as { series: { data: { cursor: string }[] }[]; tooltip: { formatter: (params: unknown) => string } };
    expect(option.tooltip.formatter({ dataIndex: 0 })).toContain('&#60;b&#62;Shop&#60;/b&#62;');
    expect(option.tooltip.formatter({ dataIndex: 0 })).not.toContain('cannot filter');
    expect(option.tooltip.formatter({ dataIndex: 1 })).toContain('cannot filter for a missing value');
    expect(option.series[0]?.data.map((item) => item.cursor)).toEqual(['pointer', 'default']);
    expect(escapeHtml(`"'&`)).toBe('&#34;&#39;&#38;');
  });
});

describe('live operations', () => {
  const operation = (id: string, createdAt: string, change: number, status = 'success'): LiveOperation => ({
    id,
    payment_id: `pay_${id}`,
    project_id: 'prj_shop',
    type: 'sale',
    status,
    amount: 1250,
    currency: 'EUR',
    method: 'card',
    country: 'DE',
    card_brand: 'visa',
    decline_code: null,
    created_at: createdAt,
    change,
  });

  it('keeps the newest on top, replaces an operation that changed, and keeps at most the limit', () => {
    let list: LiveOperation[] = [];
    list = withLiveOperation(list, operation('op_1', '2026-03-01T10:00:00Z', 1, 'processing'));
    list = withLiveOperation(list, operation('op_2', '2026-03-01T10:00:05Z', 2));
    list = withLiveOperation(list, operation('op_1', '2026-03-01T10:00:00Z', 3, 'success'));
    expect(list.map((item) => `${item.id}:${item.status}`)).toEqual(['op_2:success', 'op_1:success']);
    // An older version arriving late does not undo the newer one.
    list = withLiveOperation(list, operation('op_1', '2026-03-01T10:00:00Z', 1, 'processing'));
    expect(list.find((item) => item.id === 'op_1')?.status).toBe('success');
    list = withLiveOperation(list, operation('op_3', '2026-03-01T10:00:09Z', 4), 2);
    expect(list.map((item) => item.id)).toEqual(['op_3', 'op_2']);
  });

  it('reads only well-formed events', () => {
    expect(parseLiveOperation(JSON.stringify(operation('op_1', '2026-03-01T10:00:00Z', 1)))?.id).toBe('op_1');
    expect(parseLiveOperation('{"id": 1}')).toBeNull();
    expect(parseLiveOperation('not json')).toBeNull();
  });
});

