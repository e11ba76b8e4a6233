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
});
