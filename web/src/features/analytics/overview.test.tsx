import { act, screen, waitFor, within } from '@testing-library/react';
import { useEffect } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addDays, todayInTimeZone } from '@/lib/date-ranges';
import { allPermissionNames, makeMe, makeProject } from '@/testing/fixtures';
import { jsonResponse, kassaProblem, renderSignedIn, stubApi, type RouteHandler } from '@/testing/render';
import type { EChartProps } from './components/echart';
import type { AnalyticsAnswer, AnalyticsRow } from './types';

/**
 * jsdom has no canvas: the chart is replaced by a button per bar, which
 * calls the same click handler a click on the canvas would.
 */
vi.mock('./components/echart', () => ({
  loadEcharts: () => Promise.resolve(),
  EChart: ({ option, label, chartId, onElementClick, onFirstRender }: EChartProps) => {
    const series = (option as { series: { data: unknown[] }[] }).series;
    const axis = (option as { xAxis?: { data?: string[] }; yAxis?: { data?: string[] }[] | { data?: string[] } });
    const names = axis.xAxis?.data ?? (Array.isArray(axis.yAxis) ? axis.yAxis[0]?.data : undefined) ?? [];
    useEffect(() => onFirstRender?.(), [onFirstRender]);
    return (
      <div role="img" aria-label={label} data-chart={chartId}>
        {(series[0]?.data ?? []).map((item, index) => (
          <button
            key={index}
            type="button"
            data-testid={`${chartId}-bar-${index}`}
            // The pointer the canvas would show: only where a click leads somewhere.
            data-cursor={(item as { cursor?: string } | null)?.cursor}
            onClick={() => onElementClick?.({ seriesIndex: 0, dataIndex: index })}
          >
            {names[index]}
          </button>
        ))}
      </div>
    );
  },
}));

class FakeEventSource {
  static instances: FakeEventSource[] = [];
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  readonly url: string;
  readyState = 0;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  constructor(url: string) {
    this.url = url;
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  removeEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, (this.listeners.get(type) ?? []).filter((item) => item !== listener));
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  open() {
    this.readyState = FakeEventSource.OPEN;
    this.onopen?.();
  }
  emit(type: string, data: unknown) {
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
}

const analyticsMe = (permissions: string[] = [...allPermissionNames, 'analytics.read']) => makeMe({ permissions: { company: permissions, projects: {} } });

function answer(overrides: Partial<AnalyticsAnswer>): AnalyticsAnswer {
  return {
    from: '2026-03-01T00:00:00+01:00',
    to: '2026-03-04T00:00:00+01:00',
    metrics: [],
    group_by: [],
    time_zone: 'Europe/Berlin',
    currency: 'EUR',
    has_more: false,
    as_of_change: 42,
    rows_scanned: 0,
    warnings: [],
    rows: [],
    totals: [{}],
    ...overrides,
  };
}

const days = ['2026-03-01', '2026-03-02', '2026-03-03'];
const dayRow = (day: string, amount: number, count: number): AnalyticsRow => ({
  day,
  start: `${day}T00:00:00+01:00`,
  end: `${day.slice(0, 8)}${String(Number(day.slice(8)) + 1).padStart(2, '0')}T00:00:00+01:00`,
  amount,
  count,
  average_amount: count === 0 ? null : Math.round(amount / count),
});

const previousDays = ['2026-02-26', '2026-02-27', '2026-02-28'];

/** Figures for 1–3 March: turnover up, refunds up (bad), conversion up. */
function figures(url: URL, empty = false): AnalyticsAnswer {
  const groupBy = url.searchParams.get('group_by');
  const scale = empty ? 0 : 1;
  if (groupBy === 'day' || groupBy === 'hour' || groupBy === 'week' || groupBy === 'month') {
    return answer({
      group_by: [groupBy],
      rows: days.map((day, index) => dayRow(day, [50000, 70000, 30000][index]! * scale, [10, 14, 6][index]! * scale)),
      totals: [{ amount: 150000 * scale, count: 30 * scale, average_amount: empty ? null : 5000 }],
      previous: {
        from: '2026-02-26T00:00:00+01:00',
        to: '2026-03-01T00:00:00+01:00',
        rows: previousDays.map((day) => ({ ...dayRow(day, 33333 * scale, 7 * scale), start: `${day}T00:00:00+01:00` })),
        totals: [{ amount: 100000 * scale, count: 20 * scale, average_amount: empty ? null : 5000 }],
      },
    });
  }
  if (groupBy === null) {
    return answer({
      totals: [{ conversion_rate: empty ? null : 0.9, refund_rate: empty ? null : 0.031, chargeback_rate: empty ? null : 0.002 }],
      previous: { from: '2026-02-26T00:00:00+01:00', to: '2026-03-01T00:00:00+01:00', rows: [], totals: [{ conversion_rate: 0.85, refund_rate: 0.02, chargeback_rate: 0.002 }] },
    });
  }
  if (empty) return answer({ group_by: [groupBy], rows: [], totals: [{ amount: 0, count: 0 }] });
  const rowsBy: Record<string, AnalyticsRow[]> = {
    method: [
      { method: 'card', amount: 120000, count: 24 },
      { method: 'sepa', amount: 30000, count: 6 },
    ],
    country: [
      { country: 'DE', amount: 100000, count: 20 },
      { country: null, amount: 50000, count: 10 },
    ],
    card_brand: [
      { card_brand: 'visa', amount: 120000, count: 24 },
      { card_brand: null, amount: 30000, count: 6 },
    ],
    currency: [{ currency: 'EUR', amount: 150000, count: 30 }],
    project: [
      { project: 'prj_shop', amount: 140000, count: 28 },
      { project: 'prj_app', amount: 10000, count: 2 },
    ],
    decline_code: [
      { decline_code: '05', count: 4 },
      { decline_code: '51', count: 1 },
    ],
  };
  return answer({ group_by: [groupBy], rows: rowsBy[groupBy] ?? [], totals: [{ amount: 150000, count: groupBy === 'decline_code' ? 5 : 30 }] });
}

function stubOverview({ me = analyticsMe(), query }: { me?: ReturnType<typeof makeMe>; query?: RouteHandler } = {}) {
  return stubApi({
    'GET /api/v1/me': () => jsonResponse(me),
    'GET /api/v1/projects': () => jsonResponse({ data: [makeProject(), makeProject({ id: 'prj_app', name: 'Mobile app' })], has_more: false }),
    'GET /api/v1/analytics/query': query ?? ((request) => jsonResponse(figures(new URL(request.url)))),
    'GET /api/v1/payments': () => jsonResponse({ data: [], has_more: false }),
    'GET /api/v1/operations': () => jsonResponse({ data: [], has_more: false }),
    '/healthz': () => jsonResponse({ status: 'ok' }),
    '/api/v1/version': () => jsonResponse({ version: '0.1.0', database: 'sqlite' }),
  });
}

const march = '/?from=2026-03-01&to=2026-03-03';

/** The query of the last request to a list's API (`payments` or `operations`). */
function lastListRequest(requests: { method: string; path: string }[], list: 'payments' | 'operations'): URLSearchParams | undefined {
  const path = requests.filter((request) => request.method === 'GET' && request.path.startsWith(`/api/v1/${list}?`)).at(-1)?.path;
  return path === undefined ? undefined : new URL(path, 'http://x').searchParams;
}

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
});

describe('overview: figures', () => {
  it('shows each KPI with its change against the previous period, coloured by whether it is good', async () => {
    stubOverview();
    await renderSignedIn(march);
    const turnover = await screen.findByTestId('kpi-turnover');
    await waitFor(() => expect(within(turnover).getByTestId('kpi-value')).toHaveTextContent('€1,500.00'));
    expect(within(turnover).getByTestId('kpi-change')).toHaveAttribute('data-tone', 'good');
    expect(within(turnover).getByTestId('kpi-change')).toHaveTextContent('Up 50.0% on the previous period');
    expect(within(screen.getByTestId('kpi-count')).getByTestId('kpi-value')).toHaveTextContent('30');
    expect(within(screen.getByTestId('kpi-averageTicket')).getByTestId('kpi-change')).toHaveAttribute('data-direction', 'flat');

    const conversion = screen.getByTestId('kpi-conversion');
    await waitFor(() => expect(within(conversion).getByTestId('kpi-value')).toHaveTextContent('90.0%'));
    expect(within(conversion).getByTestId('kpi-change')).toHaveTextContent('Up 5.0 pp on the previous period');
    const refunds = screen.getByTestId('kpi-refundRate');
    expect(within(refunds).getByTestId('kpi-value')).toHaveTextContent('3.10%');
    expect(within(refunds).getByTestId('kpi-change')).toHaveAttribute('data-tone', 'bad');
    expect(within(refunds).getByTestId('kpi-change')).toHaveTextContent('Up 1.1 pp');

    // Breakdowns name what they show: methods, countries, projects by name, decline reasons.
    const methods = screen.getByTestId('breakdown-method');
    expect(await within(methods).findByTestId('method-bar-0')).toHaveTextContent('Card');
    expect(within(methods).getByRole('table', { name: 'Payment methods: values' })).toHaveTextContent('€1,200.00');
    expect(within(screen.getByTestId('breakdown-project')).getByTestId('project-bar-0')).toHaveTextContent('Web shop');
    expect(within(screen.getByTestId('breakdown-country')).getByTestId('country-bar-1')).toHaveTextContent('Unknown country');
    expect(within(screen.getByTestId('breakdown-decline_code')).getByTestId('decline_code-bar-0')).toHaveTextContent('05 · Do not honour');
    expect(screen.getByTestId('overview-compared').textContent?.replace(/\s/g, ' ')).toBe('Compared with Feb 26 – 28, 2026');
    // The server's status stays on the page.
    expect(screen.getByRole('region', { name: 'System' })).toBeInTheDocument();
  });

  it('sends the URL’s filters to every query and changes them through the URL', async () => {
    const { requests } = stubOverview();
    const { user, router } = await renderSignedIn(`${march}&project=prj_shop&method=card&country=DE`);
    await screen.findByTestId('turnover-bar-0');
    const queries = requests.filter((request) => request.path.startsWith('/api/v1/analytics/query')).map((request) => new URL(request.path, 'http://x').searchParams);
    expect(queries.length).toBe(8);
    for (const query of queries) {
      expect(query.get('from')).toBe('2026-03-01');
      expect(query.get('to')).toBe('2026-03-04');
      expect(query.get('project')).toBe('prj_shop');
      expect(query.get('method')).toBe('card');
      expect(query.get('country')).toBe('DE');
    }
    expect(queries.map((query) => query.get('group_by')).sort()).toEqual(['card_brand', 'country', 'currency', 'day', 'decline_code', 'method', 'project', null].sort());

    // A preset replaces the range and goes back to the default buckets.
    await user.click(screen.getByTestId('overview-range'));
    await user.click(await screen.findByRole('button', { name: 'Last 7 days' }));
    const today = todayInTimeZone('Europe/Berlin');
    await waitFor(() => expect(router.state.location.search).toContain(`from=${addDays(today, -6)}`));
    const params = new URLSearchParams(router.state.location.search);
    expect(params.get('to')).toBe(today);
    expect(params.get('method')).toBe('card');
    expect(params.get('project')).toBe('prj_shop');

    // The interval switch is kept in the URL too.
    await user.click(within(screen.getByTestId('granularity')).getByText('Hour'));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('granularity')).toBe('hour'));
    await waitFor(() => expect(requests.some((request) => request.path.includes('group_by=hour'))).toBe(true));

    // Clearing a filter pill.
    await user.click(screen.getByRole('button', { name: 'Remove the Country filter' }));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('country')).toBeNull());
  });

  it('a click on a bar opens the matching payments, with the filters carried over', async () => {
    stubOverview();
    const { user, router } = await renderSignedIn(`${march}&country=DE`);
    await user.click(await screen.findByTestId('turnover-bar-1'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/payments'));
    const params = new URLSearchParams(router.state.location.search);
    expect(Object.fromEntries(params)).toEqual({
      from: '2026-03-02',
      to: '2026-03-02',
      status: 'success,partially_refunded,refunded,partially_charged_back,charged_back',
      country: 'DE',
    });
    // The payments list reads them as its own filters.
    expect(await screen.findByTestId('filter-date')).toHaveTextContent('Mar 2, 2026 – Mar 2, 2026');
    expect(screen.getByTestId('filter-country')).toHaveTextContent('Germany');
  });

  it('breakdown bars open their value, card brands too; decline reasons open the declined operations with that code', async () => {
    const { requests } = stubOverview();
    const { user, router } = await renderSignedIn(march);
    await user.click(await screen.findByTestId('method-bar-1'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/payments'));
    expect(new URLSearchParams(router.state.location.search).get('method')).toBe('sepa');

    await act(() => router.navigate(march));
    await user.click(await screen.findByTestId('project-bar-1'));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('project')).toBe('prj_app'));

    await act(() => router.navigate(`${march}&country=DE`));
    // Every card brand bar leads somewhere, "No card" too; an unknown country does not.
    expect(await screen.findByTestId('card_brand-bar-1')).toHaveAttribute('data-cursor', 'pointer');
    expect(await screen.findByTestId('country-bar-1')).toHaveAttribute('data-cursor', 'default');
    await user.click(await screen.findByTestId('card_brand-bar-0'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/payments'));
    expect(new URLSearchParams(router.state.location.search).get('card_brand')).toBe('visa');
    expect(new URLSearchParams(router.state.location.search).get('country')).toBe('DE');
    // The payments list shows the brand and asks the API for it.
    expect(await screen.findByTestId('filter-cardBrand')).toHaveTextContent('Visa');
    await waitFor(() => expect(lastListRequest(requests, 'payments')?.get('card_brand')).toBe('visa'));

    await act(() => router.navigate(march));
    // "No card" (SEPA and the like): card_brand=none.
    await user.click(await screen.findByTestId('card_brand-bar-1'));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('card_brand')).toBe('none'));
    expect(await screen.findByTestId('filter-cardBrand')).toHaveTextContent('No card');

    await act(() => router.navigate(`${march}&country=DE`));
    await user.click(await screen.findByTestId('decline_code-bar-0'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/operations'));
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({
      from: '2026-03-01',
      to: '2026-03-03',
      status: 'decline',
      type: 'sale,auth',
      country: 'DE',
      decline_code: '05',
    });
    // The operations list shows the code with its meaning, and sends it with the country.
    expect(await screen.findByTestId('filter-declineCode')).toHaveTextContent('05 · Do not honour');
    await waitFor(() => expect(lastListRequest(requests, 'operations')?.get('decline_code')).toBe('05'));
    expect(lastListRequest(requests, 'operations')?.get('country')).toBe('DE');
  });

});

describe('overview: a range up to now', () => {
  it('compares the key figures with the previous period up to the same time', async () => {
    const today = todayInTimeZone('Europe/Berlin');
    const { requests } = stubOverview({
      query: (request) => {
        const url = new URL(request.url);
        const base = figures(url);
        // The previous period to date: a time without a zone as its end.
        if (url.searchParams.get('to')?.includes('T')) {
          return jsonResponse(url.searchParams.get('metrics')?.startsWith('amount') ? answer({ totals: [{ amount: 120000, count: 24, average_amount: 5000 }] }) : answer({ totals: [{ conversion_rate: 0.9, refund_rate: 0.031, chargeback_rate: 0.002 }] }));
        }
        return jsonResponse(base);
      },
    });
    await renderSignedIn(`/?from=${addDays(today, -2)}&to=${today}`);
    const turnover = await screen.findByTestId('kpi-turnover');
    await waitFor(() => expect(within(turnover).getByTestId('kpi-change')).toHaveTextContent('Up 25.0% on the previous period'));
    expect(turnover).toHaveTextContent('vs. previous period to date');
    expect(within(screen.getByTestId('kpi-refundRate')).getByTestId('kpi-change')).toHaveAttribute('data-direction', 'flat');
    const toDate = requests.map((request) => new URL(request.path, 'http://x').searchParams).filter((params) => params.get('to')?.includes('T'));
    expect(toDate).toHaveLength(2);
    expect(toDate[0]?.get('from')).toBe(addDays(today, -5));
    expect(toDate[0]?.get('to')).toMatch(new RegExp(`^${addDays(today, -3)}T\\d{2}:\\d{2}$`));
    expect(screen.getByTestId('overview-compared')).toHaveTextContent(/until/);
  });
});

describe('overview: empty, failing and forbidden', () => {
  it('says when a period has no payments', async () => {
    stubOverview({ query: (request) => jsonResponse(figures(new URL(request.url), true)) });
    await renderSignedIn(march);
    expect(await screen.findByTestId('turnover-empty')).toHaveTextContent('No turnover in this period.');
    expect(await screen.findByTestId('breakdown-method-empty')).toHaveTextContent('No turnover in this period.');
    expect(screen.getByTestId('breakdown-decline_code-empty')).toHaveTextContent('No declines in this period.');
    expect(within(screen.getByTestId('kpi-turnover')).getByTestId('kpi-value')).toHaveTextContent('€0.00');
    expect(within(screen.getByTestId('kpi-averageTicket')).getByTestId('kpi-value')).toHaveTextContent('—');
    expect(screen.getByTestId('kpi-turnover')).toHaveTextContent('Nothing to compare with');
  });

  it('shows the server’s problem once when every figure fails, with the rejected parameters', async () => {
    stubOverview({
      query: () => kassaProblem(400, 'bad-query', 'The query has errors.', { errors: [{ field: 'from', message: 'must be a date or a time' }] }),
    });
    await renderSignedIn(march);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The figures could not be loaded');
    expect(alert).toHaveTextContent('The query has errors.');
    expect(screen.getByTestId('figures-error-fields')).toHaveTextContent('from: must be a date or a time');
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.queryByTestId('kpi-turnover')).not.toBeInTheDocument();
  });

  it('passes on the server’s warnings (a currency without FX rates)', async () => {
    const warnings = ['no FX rate for USD: its amounts count as 0 in EUR', 'no FX rate for JPY: its amounts count as 0 in EUR'];
    stubOverview({ query: (request) => jsonResponse({ ...figures(new URL(request.url)), warnings }) });
    await renderSignedIn(march);
    const alert = await screen.findByText('Some figures are incomplete');
    const items = within(alert.closest('[role="alert"]') as HTMLElement).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(warnings);
  });

  it('a widget that fails says so on its own, and retries', async () => {
    let failDeclines = true;
    stubOverview({
      query: (request) => {
        const url = new URL(request.url);
        if (url.searchParams.get('group_by') === 'decline_code' && failDeclines) return kassaProblem(503, 'unavailable', 'The analytics index is still loading.');
        return jsonResponse(figures(url));
      },
    });
    const { user } = await renderSignedIn(march);
    const declines = screen.getByTestId('breakdown-decline_code');
    expect(await within(declines).findByRole('alert')).toHaveTextContent('The analytics index is still loading.');
    expect(await within(screen.getByTestId('breakdown-method')).findByTestId('method-bar-0')).toBeInTheDocument();
    failDeclines = false;
    await user.click(within(declines).getByRole('button', { name: 'Try again' }));
    expect(await within(declines).findByTestId('decline_code-bar-0')).toBeInTheDocument();
  });

  it('without analytics.read: says what is missing and asks for nothing', async () => {
    const { requests } = stubOverview({ me: analyticsMe(allPermissionNames) });
    await renderSignedIn('/');
    expect(await screen.findByText(/need the “See analytics and charts” permission/)).toBeInTheDocument();
    expect(requests.some((request) => request.path.startsWith('/api/v1/analytics'))).toBe(false);
    expect(FakeEventSource.instances).toHaveLength(0);
  });
});

describe('overview: live operations', () => {
  it('lists pushed operations newest first, each opening its payment', async () => {
    stubOverview();
    await renderSignedIn(`${march}&project=prj_shop`);
    const panel = await screen.findByTestId('live-panel');
    const source = FakeEventSource.instances.at(-1);
    expect(source?.url).toBe('/api/v1/analytics/live?backlog=20&project=prj_shop');
    expect(within(panel).getByTestId('live-status')).toHaveTextContent('Connecting…');
    expect(panel).toHaveTextContent('No operations yet.');
    const operation = {
      id: 'op_1',
      payment_id: 'pay_1',
      project_id: 'prj_shop',
      type: 'sale',
      status: 'success',
      amount: 1250,
      currency: 'EUR',
      method: 'card',
      country: 'DE',
      card_brand: 'visa',
      decline_code: null,
      created_at: '2026-03-03T10:00:00Z',
      change: 7,
    };
    act(() => {
      source?.open();
      source?.emit('operation', operation);
      source?.emit('operation', { ...operation, id: 'op_2', payment_id: 'pay_2', type: 'refund', amount: 500, created_at: '2026-03-03T10:00:05Z', change: 8 });
    });
    expect(within(panel).getByTestId('live-status')).toHaveTextContent('Live');
    const rows = within(panel).getAllByTestId('live-operation');
    expect(rows.map((row) => row.textContent)).toEqual([expect.stringContaining('-€5.00Refund · Visa · DE'), expect.stringContaining('€12.50Sale · Visa · DE')]);
    expect(within(rows[1]!).getByRole('link')).toHaveAttribute('href', '/payments/pay_1');
    expect(rows[1]).toHaveTextContent('Succeeded11:00:00');
  });
});
