import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, makePayment, makeProject } from '@/testing/fixtures';
import { jsonResponse, renderSignedIn, stubApi } from '@/testing/render';

const newer = makePayment({ id: 'pay_2', merchant_reference: 'order-1002', amount: 4999, status: 'declined', card: null, method: 'sepa', customer: { email: 'bob@example.com', id: '', ip: '', country: 'FR' }, operations: [] });
const older = makePayment({ id: 'pay_1', operations: [] });
const oldest = makePayment({ id: 'pay_0', merchant_reference: 'order-1000', amount: 100, operations: [] });

/** Answers GET /payments by `starting_after`: two pages. */
function server() {
  return stubApi({
    'GET /api/v1/me': () => jsonResponse(makeMe()),
    'GET /api/v1/projects': () => jsonResponse({ data: [makeProject()], has_more: false }),
    'GET /api/v1/payments': (request) => {
      const after = new URL(request.url).searchParams.get('starting_after');
      if (after === 'pay_1') return jsonResponse({ data: [oldest], has_more: false });
      return jsonResponse({ data: [newer, older], has_more: true });
    },
  });
}

function paymentRequests(requests: { method: string; path: string }[]) {
  return requests.filter((request) => request.method === 'GET' && request.path.startsWith('/api/v1/payments?')).map((request) => new URL(request.path, 'http://x').searchParams);
}

describe('the payments list', () => {
  it('shows amounts, statuses and methods, newest first', async () => {
    const { requests } = server();
    await renderSignedIn('/payments');
    const table = await screen.findByTestId('payments-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('€49.99');
    expect(rows[0]).toHaveTextContent('Declined');
    expect(rows[0]).toHaveTextContent('SEPA Direct Debit');
    expect(rows[1]).toHaveTextContent('€125.00');
    expect(rows[1]).toHaveTextContent('Succeeded');
    expect(rows[1]).toHaveTextContent('Visa •••• 4242');
    expect(rows[1]).toHaveTextContent('Web shop');
    expect(paymentRequests(requests)[0]?.toString()).toBe('limit=25');
  });

  it('takes an hour as instants (from a chart on the overview), shown and sent as they are', async () => {
    const { requests } = server();
    const from = encodeURIComponent('2026-03-29T13:00:00+02:00');
    const to = encodeURIComponent('2026-03-29T14:00:00+02:00');
    await renderSignedIn(`/payments?from=${from}&to=${to}`);
    await screen.findByTestId('payments-table');
    const sent = paymentRequests(requests)[0];
    expect(sent?.get('from')).toBe('2026-03-29T11:00:00.000Z');
    expect(sent?.get('to')).toBe('2026-03-29T12:00:00.000Z');
    expect(screen.getByTestId('filter-date').textContent?.replace(/\s/g, ' ')).toMatch(/Mar 29, 2026, 0?1:00 – 0?2:00 PM/);
  });

  it('pages with a cursor stack in the URL: Next pushes the last id, Previous pops it', async () => {
    const { requests } = server();
    const { user, router } = await renderSignedIn('/payments?status=success');
    await screen.findByTestId('payments-table');
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(router.state.location.search).toBe('?status=success&cursors=pay_1');
    await waitFor(() => expect(within(screen.getByTestId('payments-table')).getAllByRole('row')).toHaveLength(2));
    expect(screen.getByText('order-1000')).toBeInTheDocument();
    expect(screen.getByText('Page 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
    expect(paymentRequests(requests).at(-1)?.get('starting_after')).toBe('pay_1');
    expect(paymentRequests(requests).at(-1)?.get('status')).toBe('success');

    await user.click(screen.getByRole('button', { name: 'Previous' }));
    expect(router.state.location.search).toBe('?status=success');
    expect(await screen.findByText('order-1002')).toBeInTheDocument();
    expect(screen.getByText('Page 1')).toBeInTheDocument();
  });

  it('opens a page straight from a URL with cursors (a shared link)', async () => {
    const { requests } = server();
    await renderSignedIn('/payments?cursors=pay_3,pay_1');
    expect(await screen.findByText('order-1000')).toBeInTheDocument();
    expect(screen.getByText('Page 3')).toBeInTheDocument();
    expect(paymentRequests(requests)[0]?.get('starting_after')).toBe('pay_1');
  });

  it('filters by e-mail from its pill, into the URL and the request, back to page 1', async () => {
    const { requests } = server();
    const { user, router } = await renderSignedIn('/payments?cursors=pay_1');
    await screen.findByTestId('payments-table');
    await user.click(within(screen.getByTestId('filter-email')).getByRole('button', { name: /E-mail/ }));
    const editor = await screen.findByRole('dialog', { name: 'E-mail' });
    await user.type(within(editor).getByRole('textbox', { name: /E-mail/ }), 'ada@example.com');
    await user.click(within(editor).getByRole('button', { name: 'Apply' }));
    expect(router.state.location.search).toBe('?email=ada%40example.com');
    await waitFor(() => expect(paymentRequests(requests).at(-1)?.get('email')).toBe('ada@example.com'));
    expect(paymentRequests(requests).at(-1)?.has('starting_after')).toBe(false);
    expect(within(screen.getByTestId('filter-email')).getByRole('button', { name: /ada@example.com/ })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Remove the E-mail filter' }));
    expect(router.state.location.search).toBe('');
  });

  it('filters by amount in major units, sending exact minor units', async () => {
    const { requests } = server();
    const { user, router } = await renderSignedIn('/payments?currency=JPY');
    await screen.findByTestId('payments-table');
    await user.click(within(screen.getByTestId('filter-amount')).getByRole('button'));
    const editor = await screen.findByRole('dialog', { name: 'Amount' });
    await user.type(within(editor).getByRole('textbox', { name: 'At least' }), '1000.5');
    expect(within(editor).getByText('JPY amounts have no decimal places.')).toBeInTheDocument();
    expect(within(editor).getByRole('button', { name: 'Apply' })).toBeDisabled();
    await user.clear(within(editor).getByRole('textbox', { name: 'At least' }));
    await user.type(within(editor).getByRole('textbox', { name: 'At least' }), '1,000');
    await user.click(within(editor).getByRole('button', { name: 'Apply' }));
    expect(router.state.location.search).toBe('?currency=JPY&amount_min=1000');
    await waitFor(() => expect(paymentRequests(requests).at(-1)?.get('amount_min')).toBe('1000'));
  });

  it('filters by status, keeps every filter on reload, and exports exactly those', async () => {
    const { requests } = server();
    const { user, router } = await renderSignedIn('/payments?project=prj_shop&from=2026-03-01&to=2026-03-31');
    await screen.findByTestId('payments-table');
    await user.click(within(screen.getByTestId('filter-status')).getByRole('button'));
    const editor = await screen.findByRole('dialog', { name: 'Status' });
    await user.click(within(editor).getByRole('checkbox', { name: 'Partially refunded' }));
    await user.click(within(editor).getByRole('checkbox', { name: 'Succeeded' }));
    await user.click(within(editor).getByRole('button', { name: 'Apply' }));
    expect(router.state.location.search).toBe('?project=prj_shop&from=2026-03-01&to=2026-03-31&status=success%2Cpartially_refunded');
    await waitFor(() => expect(paymentRequests(requests).at(-1)?.get('status')).toBe('success,partially_refunded'));
    const sent = paymentRequests(requests).at(-1);
    expect(sent?.get('project_id')).toBe('prj_shop');
    // The company's days (Europe/Berlin): from inclusive, to exclusive.
    expect(sent?.get('from')).toBe('2026-02-28T23:00:00.000Z');
    expect(sent?.get('to')).toBe('2026-03-31T22:00:00.000Z');
    expect(screen.getByTestId('payments-export')).toHaveAttribute(
      'href',
      '/api/v1/payments/export?project_id=prj_shop&from=2026-02-28T23%3A00%3A00.000Z&to=2026-03-31T22%3A00%3A00.000Z&status=success%2Cpartially_refunded',
    );
    expect(within(screen.getByTestId('filter-status')).getByRole('button', { name: /Succeeded, Partially refunded/ })).toBeInTheDocument();
  });

  it('takes a card brand from the URL (a card brand bar of the overview): sent, exported, shown by name, cleared', async () => {
    const { requests } = server();
    const { user, router } = await renderSignedIn('/payments?country=DE&card_brand=visa,none');
    await screen.findByTestId('payments-table');
    const sent = paymentRequests(requests).at(-1);
    expect(sent?.get('card_brand')).toBe('visa,none');
    expect(sent?.get('country')).toBe('DE');
    expect(sent?.has('decline_code')).toBe(false);
    expect(screen.getByTestId('payments-export')).toHaveAttribute('href', '/api/v1/payments/export?country=DE&card_brand=visa%2Cnone');
    expect(within(screen.getByTestId('filter-cardBrand')).getByRole('button', { name: /Card brand.*Visa, No card/ })).toBeInTheDocument();
    expect(screen.getByTestId('filter-country')).toHaveTextContent('Germany');

    await user.click(screen.getByRole('button', { name: 'Remove the Card brand filter' }));
    expect(router.state.location.search).toBe('?country=DE');
    await waitFor(() => expect(paymentRequests(requests).at(-1)?.has('card_brand')).toBe(false));
    expect(within(screen.getByTestId('filter-cardBrand')).queryByRole('button', { name: /Visa/ })).toBeNull();
  });

  it('picks card brands in the card brand pill', async () => {
    const { requests } = server();
    const { user, router } = await renderSignedIn('/payments');
    await screen.findByTestId('payments-table');
    await user.click(within(screen.getByTestId('filter-cardBrand')).getByRole('button', { name: /Card brand/ }));
    const editor = await screen.findByRole('dialog', { name: 'Card brand' });
    await user.click(within(editor).getByRole('checkbox', { name: 'No card' }));
    await user.click(within(editor).getByRole('checkbox', { name: 'Mastercard' }));
    await user.click(within(editor).getByRole('button', { name: 'Apply' }));
    expect(router.state.location.search).toBe('?card_brand=mastercard%2Cnone');
    await waitFor(() => expect(paymentRequests(requests).at(-1)?.get('card_brand')).toBe('mastercard,none'));
  });

  it('does not send a decline code, which GET /payments refuses', async () => {
    const { requests } = server();
    await renderSignedIn('/payments?decline_code=05');
    await screen.findByTestId('payments-table');
    expect(paymentRequests(requests)[0]?.toString()).toBe('limit=25');
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
  });

  it('opens a payment from its row', async () => {
    server();
    const { user, router } = await renderSignedIn('/payments?project=prj_shop');
    const table = await screen.findByTestId('payments-table');
    await user.click(within(table).getByText('order-1001'));
    expect(router.state.location.pathname).toBe('/payments/pay_1');
    expect(router.state.location.search).toBe('?project=prj_shop');
  });

  it('says when nothing matches, and offers to clear the filters', async () => {
    stubApi({
      'GET /api/v1/me': () => jsonResponse(makeMe()),
      'GET /api/v1/payments': () => jsonResponse({ data: [], has_more: false }),
    });
    const { user, router } = await renderSignedIn('/payments?last4=4242');
    expect(await screen.findByText('No payments match these filters')).toBeInTheDocument();
    // One in the filter bar, one in the empty state.
    const clear = screen.getAllByRole('button', { name: 'Clear filters' });
    expect(clear).toHaveLength(2);
    await user.click(clear[1] as HTMLElement);
    expect(router.state.location.search).toBe('');
    expect(await screen.findByText('No payments yet')).toBeInTheDocument();
  });

  it('keeps the chosen columns in this browser', async () => {
    server();
    const { user } = await renderSignedIn('/payments');
    const table = await screen.findByTestId('payments-table');
    expect(within(table).queryByRole('columnheader', { name: 'Country' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Columns' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Country' }));
    await user.click(screen.getByRole('checkbox', { name: 'Customer' }));
    expect(within(table).getByRole('columnheader', { name: 'Country' })).toBeInTheDocument();
    expect(within(table).queryByRole('columnheader', { name: 'Customer' })).toBeNull();
    expect(within(table).getAllByText('Germany').length).toBeGreaterThan(0);
    expect(JSON.parse(window.localStorage.getItem('kassa.payments.columns') ?? '{}')).toMatchObject({ country: true, customer: false });
    expect(screen.getByRole('checkbox', { name: 'Amount' })).toBeDisabled();
  });
});
