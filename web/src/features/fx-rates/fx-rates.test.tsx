import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { allPermissionNames, makeMe } from '@/testing/fixtures';
import { jsonResponse, kassaProblem, renderSignedIn, stubApi, type RouteHandler } from '@/testing/render';
import { fxFiltersFromParams, fxQueryOf } from './types';
import { isPositiveRate } from './rate-schema';
import { formatRate } from './rate-format';

const reader = [...allPermissionNames, 'analytics.read'];
const manager = [...reader, 'fx_rates.manage'];

function rate(day: string, currency: string, value: string) {
  return { day, currency, rate: value, reporting_currency: 'EUR' };
}

const rates = [rate('2026-03-02', 'USD', '0.9241'), rate('2026-03-02', 'GBP', '1.1702'), rate('2026-03-01', 'USD', '0.923')];

function server(routes: Record<string, RouteHandler> = {}, company: string[] = manager) {
  return stubApi({
    'GET /api/v1/me': () => jsonResponse(makeMe({ permissions: { company, projects: {} } })),
    'GET /api/v1/company': () => jsonResponse(makeMe().company),
    'GET /api/v1/fx-rates': (request) => {
      const currencies = new URL(request.url).searchParams.get('currency')?.split(',');
      return jsonResponse({ reporting_currency: 'EUR', data: rates.filter((r) => currencies === undefined || currencies.includes(r.currency)) });
    },
    ...routes,
  });
}

function fxRequests(requests: { method: string; path: string }[]) {
  return requests.filter((request) => request.method === 'GET' && request.path.startsWith('/api/v1/fx-rates'));
}

beforeEach(() => {
  // "Today" for the default range: 2026-03-02 (UTC).
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-02T15:00:00Z') });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('FX rates helpers', () => {
  it('reads the range from the URL (both days included) and sends the API the day after as `to`', () => {
    const filters = fxFiltersFromParams(new URLSearchParams('currency=usd,GBP&from=2026-01-01&to=2026-01-31'), '2026-03-02');
    expect(filters).toEqual({ currencies: ['USD', 'GBP'], from: '2026-01-01', to: '2026-01-31' });
    expect(fxQueryOf(filters)).toEqual({ currency: 'GBP,USD', from: '2026-01-01', to: '2026-02-01' });
    expect(fxFiltersFromParams(new URLSearchParams(''), '2026-03-02')).toEqual({ currencies: [], from: '2026-02-01', to: '2026-03-02' });
  });

  it('takes rates as the server does', () => {
    for (const good of ['1', '0.9241', '123456789.123456789', '0.000000001']) expect(isPositiveRate(good), good).toBe(true);
    for (const bad of ['0', '0.0', '', '.5', '1.', '-1', '1e3', '1,5', '1234567890', '0.1234567891', ' 1']) expect(isPositiveRate(bad), bad).toBe(false);
  });

  it('formats a rate exactly, in the locale', () => {
    expect(formatRate('1234.000000001', 'en-US')).toBe('1,234.000000001');
    expect(formatRate('0.9241', 'de-DE')).toBe('0,9241');
  });
});

describe('FX rates screen', () => {
  it('shows the reporting currency, the rule, and the rates of the last 30 days', async () => {
    const { requests } = server();
    await renderSignedIn('/settings/fx-rates');
    expect(screen.getByRole('heading', { level: 1, name: 'FX rates' })).toBeInTheDocument();
    const table = await screen.findByTestId('fx-rates-table');
    expect(screen.getByTestId('fx-reporting-currency')).toHaveTextContent('EUR');
    expect(screen.getByText(/convert each operation at the rate of its UTC day/)).toHaveTextContent('Figures in EUR');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toHaveTextContent('Mar 2, 2026');
    expect(rows[1]).toHaveTextContent('USD');
    expect(rows[1]).toHaveTextContent('0.9241');
    expect(rows[2]).toHaveTextContent('1.1702');
    expect(within(table).getByRole('columnheader', { name: /EUR per unit/ })).toBeInTheDocument();
    expect(fxRequests(requests).map((request) => request.path)).toContain('/api/v1/fx-rates?from=2026-02-01&to=2026-03-03');
  });

  it('sends the chosen currencies and days, and keeps them in the URL', async () => {
    const { requests } = server();
    const { user, router } = await renderSignedIn('/settings/fx-rates?from=2026-01-01&to=2026-01-31');
    await screen.findByTestId('fx-rates-table');
    expect(fxRequests(requests).map((request) => request.path)).toContain('/api/v1/fx-rates?from=2026-01-01&to=2026-02-01');

    await user.click(screen.getByRole('combobox', { name: 'Currencies' }));
    await user.click(await screen.findByRole('option', { name: 'USD' }));
    await waitFor(() =>
      expect(fxRequests(requests).map((request) => request.path)).toContain('/api/v1/fx-rates?currency=USD&from=2026-01-01&to=2026-02-01'),
    );
    expect(router.state.location.search).toContain('currency=USD');
    const table = screen.getByTestId('fx-rates-table');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    expect(table).not.toHaveTextContent('GBP');
  });

  it('edits a rate: PUT to the day and currency with the rate as a string, an Idempotency-Key, then reloads the list', async () => {
    const { requests } = server({
      'PUT /api/v1/fx-rates/2026-03-02/USD': () => jsonResponse(rate('2026-03-02', 'USD', '0.95')),
    });
    const { user } = await renderSignedIn('/settings/fx-rates');
    await screen.findByTestId('fx-rates-table');
    const before = fxRequests(requests).length;
    await user.click(screen.getByRole('button', { name: 'Edit the USD rate of Mar 2, 2026' }));
    const dialog = await screen.findByRole('dialog', { name: 'USD on Mar 2, 2026' });
    const input = within(dialog).getByRole('textbox', { name: /^Rate/ });
    expect(input).toHaveValue('0.9241');
    await user.clear(input);
    await user.type(input, '0.95');
    await user.click(within(dialog).getByRole('button', { name: 'Save rate' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const put = requests.find((request) => request.method === 'PUT');
    expect(put?.path).toBe('/api/v1/fx-rates/2026-03-02/USD');
    expect(put?.json).toEqual({ rate: '0.95' });
    expect(put?.headers.get('Idempotency-Key')).toMatch(/^web-/);
    expect(await screen.findByText('USD rate of Mar 2, 2026 saved: 0.95.')).toBeInTheDocument();
    await waitFor(() => expect(fxRequests(requests).length).toBeGreaterThan(before));
  });

  it('checks the rate before sending it, as the server would', async () => {
    const { requests } = server();
    const { user } = await renderSignedIn('/settings/fx-rates');
    await screen.findByTestId('fx-rates-table');
    await user.click(screen.getByRole('button', { name: 'Edit the GBP rate of Mar 2, 2026' }));
    const dialog = await screen.findByRole('dialog', { name: 'GBP on Mar 2, 2026' });
    const input = within(dialog).getByRole('textbox', { name: /^Rate/ });
    await user.clear(input);
    await user.type(input, '1,17');
    await user.click(within(dialog).getByRole('button', { name: 'Save rate' }));
    expect(await within(dialog).findByText('Write the rate as digits with a decimal point and at most 9 decimals, e.g. 0.9241.')).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    await user.clear(input);
    await user.type(input, '0.000');
    expect(await within(dialog).findByText('The rate must be more than 0.')).toBeInTheDocument();
    expect(requests.some((request) => request.method === 'PUT')).toBe(false);
  });

  it('adds a rate: the reporting currency is not offered, and the server’s field errors show on the fields', async () => {
    const { requests } = server({
      'PUT /api/v1/fx-rates/2026-03-02/CHF': () =>
        kassaProblem(400, 'invalid-fx-rate', 'the rate is not valid', {
          errors: [{ field: 'currency', message: 'CHF is not accepted here' }],
        }),
    });
    const { user } = await renderSignedIn('/settings/fx-rates');
    await screen.findByTestId('fx-rates-table');
    await user.click(screen.getByRole('button', { name: 'Add rate' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a rate' });
    expect(within(dialog).getByLabelText(/^Day \(UTC\)/)).toHaveValue('2026-03-02');
    const currency = within(dialog).getByRole('combobox', { name: /^Currency/ });
    await user.click(currency);
    await user.type(currency, 'EUR');
    expect(screen.queryByRole('option', { name: /^EUR/ })).toBeNull();
    await user.clear(currency);
    await user.type(currency, 'CHF');
    await user.click(await screen.findByRole('option', { name: /^CHF/ }));
    await user.type(within(dialog).getByRole('textbox', { name: /^Rate/ }), '1.04');
    await user.click(within(dialog).getByRole('button', { name: 'Save rate' }));
    expect(await within(dialog).findByText('CHF is not accepted here')).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'PUT')?.json).toEqual({ rate: '1.04' });
  });

  it('imports pasted CSV: names each bad line, then reports how many rates came in', async () => {
    let calls = 0;
    const { requests } = server({
      'POST /api/v1/fx-rates/import': () => {
        calls += 1;
        if (calls === 1) {
          return kassaProblem(400, 'bad-csv', 'some lines are not valid rates; nothing was imported', {
            errors: [
              { field: 'line 3', message: 'unknown currency XYZ' },
              { field: 'line 4', message: 'the rate must be a positive decimal with at most 9 decimals' },
            ],
          });
        }
        return jsonResponse({ imported: 2 });
      },
    });
    const { user } = await renderSignedIn('/settings/fx-rates');
    await screen.findByTestId('fx-rates-table');
    await user.click(screen.getByRole('button', { name: 'Import CSV' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import rates from CSV' });
    await user.click(within(dialog).getByText('Paste'));
    const area = within(dialog).getByRole('textbox', { name: 'CSV text' });
    await user.type(area, 'day,currency,rate{Enter}2026-03-02,USD,0.9241{Enter}2026-03-02,XYZ,1{Enter}2026-03-02,GBP,-1');
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    const errors = await within(dialog).findByTestId('fx-import-errors');
    expect(errors).toHaveTextContent('Nothing was imported');
    const items = within(errors).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Line 3: unknown currency XYZ');
    expect(items[0]).toHaveTextContent('2026-03-02,XYZ,1');
    expect(items[1]).toHaveTextContent('Line 4: the rate must be a positive decimal');
    const post = requests.find((request) => request.method === 'POST');
    expect(post?.headers.get('Content-Type')).toMatch(/^text\/csv/);
    expect(post?.text).toBe('day,currency,rate\n2026-03-02,USD,0.9241\n2026-03-02,XYZ,1\n2026-03-02,GBP,-1');
    const firstKey = post?.headers.get('Idempotency-Key');

    await user.clear(area);
    await user.type(area, 'day,currency,rate{Enter}2026-03-02,USD,0.9241{Enter}2026-03-02,GBP,1.17');
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('2 rates imported.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const second = requests.filter((request) => request.method === 'POST')[1];
    // Another body, another key: the server refuses one key for two bodies.
    expect(second?.headers.get('Idempotency-Key')).not.toBe(firstKey);
  });

  it('imports a chosen file', async () => {
    const { requests } = server({ 'POST /api/v1/fx-rates/import': () => jsonResponse({ imported: 1 }) });
    const { user } = await renderSignedIn('/settings/fx-rates');
    await screen.findByTestId('fx-rates-table');
    await user.click(screen.getByRole('button', { name: 'Import CSV' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import rates from CSV' });
    const input = dialog.querySelector('input[type="file"]');
    if (!(input instanceof HTMLInputElement)) throw new Error('no file input');
    await user.upload(input, new File(['day,currency,rate\n2026-03-02,USD,0.93\n'], 'rates.csv', { type: 'text/csv' }));
    expect(await within(dialog).findByText(/rates\.csv/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('1 rate imported.')).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'POST')?.text).toBe('day,currency,rate\n2026-03-02,USD,0.93\n');
  });

  it('shows rates without edit, add or import to someone who may only read them', async () => {
    server({}, reader);
    await renderSignedIn('/settings/fx-rates');
    await screen.findByTestId('fx-rates-table');
    expect(screen.queryByRole('button', { name: 'Add rate' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Import CSV' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Edit the/ })).toBeNull();
    expect(screen.getByTestId('fx-read-only')).toHaveTextContent('owners, administrators and finance');
  });

  it('counts fx_rates.manage only company-wide', async () => {
    stubApi({
      'GET /api/v1/me': () => jsonResponse(makeMe({ permissions: { company: reader, projects: { prj_shop: ['fx_rates.manage'] } } })),
      'GET /api/v1/company': () => jsonResponse(makeMe().company),
      'GET /api/v1/fx-rates': () => jsonResponse({ reporting_currency: 'EUR', data: rates }),
    });
    await renderSignedIn('/settings/fx-rates');
    await screen.findByTestId('fx-rates-table');
    expect(screen.queryByRole('button', { name: 'Add rate' })).toBeNull();
  });

  it('says “no access” without analytics.read, and loads no rates', async () => {
    const { requests } = server({}, allPermissionNames);
    await renderSignedIn('/settings/fx-rates');
    expect(screen.getByText('You don’t have access to this page')).toBeInTheDocument();
    expect(fxRequests(requests)).toHaveLength(0);
  });

  it('shows the server’s 403 plainly when a change is refused', async () => {
    server({
      'PUT /api/v1/fx-rates/2026-03-02/USD': () => kassaProblem(403, 'forbidden', 'you lack the permission fx_rates.manage'),
    });
    const { user } = await renderSignedIn('/settings/fx-rates');
    await screen.findByTestId('fx-rates-table');
    await user.click(screen.getByRole('button', { name: 'Edit the USD rate of Mar 2, 2026' }));
    const dialog = await screen.findByRole('dialog', { name: 'USD on Mar 2, 2026' });
    await user.click(within(dialog).getByRole('button', { name: 'Save rate' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('You may not change FX rates');
    expect(alert).toHaveTextContent('you lack the permission fx_rates.manage');
  });

  it('shows a failed load with a retry, and an empty range plainly', async () => {
    let fail = true;
    server({
      'GET /api/v1/fx-rates': () =>
        fail ? kassaProblem(400, 'bad-query', 'some parameters are malformed') : jsonResponse({ reporting_currency: 'EUR', data: [] }),
    });
    const { user } = await renderSignedIn('/settings/fx-rates');
    expect(await screen.findByText('some parameters are malformed')).toBeInTheDocument();
    fail = false;
    await user.click(screen.getAllByRole('button', { name: 'Try again' })[0]!);
    expect(await screen.findByText('No rates in this range')).toBeInTheDocument();
  });
});
