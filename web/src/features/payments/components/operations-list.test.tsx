import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, makeOperation } from '@/testing/fixtures';
import { jsonResponse, renderSignedIn, stubApi } from '@/testing/render';

describe('the operations list', () => {
  it('shows each operation with its type, status, fee and decline, filters by type, and opens the payment', async () => {
    const { requests } = stubApi({
      'GET /api/v1/me': () => jsonResponse(makeMe()),
      'GET /api/v1/operations': () =>
        jsonResponse({
          data: [
            makeOperation({ id: 'op_2', payment_id: 'pay_2', type: 'sale', status: 'decline', amount: 4999, fee: 0, decline_code: '05', decline_message: 'Do not honour' }),
            makeOperation({ id: 'op_1', payment_id: 'pay_1', type: 'refund', amount: 2500, fee: 0 }),
          ],
          has_more: false,
        }),
    });
    const { user, router } = await renderSignedIn('/operations');
    const table = await screen.findByTestId('operations-table');
    const [declined, refund] = within(table).getAllByRole('row').slice(1);
    expect(declined).toHaveTextContent('Sale');
    expect(declined).toHaveTextContent('Declined');
    expect(declined).toHaveTextContent('05 · Do not honour');
    expect(refund).toHaveTextContent('Refund');
    expect(refund).toHaveTextContent('€25.00');

    await user.click(within(screen.getByTestId('filter-type')).getByRole('button'));
    const editor = await screen.findByRole('dialog', { name: 'Type' });
    await user.click(within(editor).getByRole('checkbox', { name: 'Refund' }));
    await user.click(within(editor).getByRole('checkbox', { name: 'Chargeback' }));
    await user.click(within(editor).getByRole('button', { name: 'Apply' }));
    expect(router.state.location.search).toBe('?type=refund%2Cchargeback');
    await waitFor(() => expect(requests.at(-1)?.path).toBe('/api/v1/operations?type=refund,chargeback&limit=25'));

    await user.click(within(screen.getByTestId('operations-table')).getByRole('link', { name: 'Refund of €25.00: open its payment' }));
    expect(router.state.location.pathname).toBe('/payments/pay_1');
    // Back leads to the operations list as it was.
    expect(await screen.findByRole('link', { name: 'Back to Operations' })).toHaveAttribute('href', '/operations?type=refund%2Cchargeback');
  });

  it('takes country, card brand and decline code from the URL (a decline reason of the overview): sent, shown by name, each cleared', async () => {
    const { requests } = stubApi({
      'GET /api/v1/me': () => jsonResponse(makeMe()),
      'GET /api/v1/operations': () => jsonResponse({ data: [makeOperation({ status: 'decline', decline_code: '05', decline_message: 'Do not honour' })], has_more: false }),
    });
    const { user, router } = await renderSignedIn('/operations?status=decline&type=sale,auth&country=DE,FR&card_brand=visa&decline_code=05,none');
    await screen.findByTestId('operations-table');
    const sent = () => requests.filter((request) => request.path.startsWith('/api/v1/operations?')).map((request) => new URL(request.path, 'http://x').searchParams).at(-1);
    expect(sent()?.get('status')).toBe('decline');
    expect(sent()?.get('type')).toBe('sale,auth');
    expect(sent()?.get('country')).toBe('DE,FR');
    expect(sent()?.get('card_brand')).toBe('visa');
    expect(sent()?.get('decline_code')).toBe('05,none');

    expect(screen.getByTestId('filter-country')).toHaveTextContent('Germany, France');
    expect(screen.getByTestId('filter-cardBrand')).toHaveTextContent('Visa');
    expect(screen.getByTestId('filter-declineCode')).toHaveTextContent('05 · Do not honour, No code');

    await user.click(screen.getByRole('button', { name: 'Remove the Decline code filter' }));
    expect(router.state.location.search).toBe('?status=decline&type=sale%2Cauth&country=DE%2CFR&card_brand=visa');
    await waitFor(() => expect(sent()?.has('decline_code')).toBe(false));
    await user.click(screen.getByRole('button', { name: 'Remove the Country filter' }));
    await user.click(screen.getByRole('button', { name: 'Remove the Card brand filter' }));
    expect(router.state.location.search).toBe('?status=decline&type=sale%2Cauth');
    await waitFor(() => expect(sent()?.toString()).toBe('status=decline&type=sale%2Cauth&limit=25'));
  });

  it('picks decline codes in the decline code pill, keeping a code it has no name for', async () => {
    const { requests } = stubApi({
      'GET /api/v1/me': () => jsonResponse(makeMe()),
      'GET /api/v1/operations': () => jsonResponse({ data: [makeOperation()], has_more: false }),
    });
    const { user, router } = await renderSignedIn('/operations?decline_code=Z9');
    await screen.findByTestId('operations-table');
    expect(screen.getByTestId('filter-declineCode')).toHaveTextContent('Z9');
    await user.click(within(screen.getByTestId('filter-declineCode')).getByRole('button', { name: /^Decline code/ }));
    const editor = await screen.findByRole('dialog', { name: /^Decline code/ });
    expect(within(editor).getByRole('checkbox', { name: 'Z9' })).toBeChecked();
    await user.click(within(editor).getByRole('checkbox', { name: '51 · Insufficient funds' }));
    await user.click(within(editor).getByRole('button', { name: 'Apply' }));
    expect(router.state.location.search).toBe('?decline_code=51%2CZ9');
    await waitFor(() => expect(requests.at(-1)?.path).toBe('/api/v1/operations?decline_code=51,Z9&limit=25'));
  });
});
