import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeDelivery, makeMe, makeOperation, makePayment, makeProject, makeWebhookEndpoint } from '@/testing/fixtures';
import { jsonResponse, kassaProblem, renderSignedIn, stubApi, type RouteHandler } from '@/testing/render';

const payment = makePayment();

function refunded(amount: number, previous = payment) {
  const refundedAmount = previous.refunded_amount + amount;
  return makePayment({
    ...previous,
    refunded_amount: refundedAmount,
    refundable_amount: previous.captured_amount - refundedAmount,
    status: refundedAmount === previous.captured_amount ? 'refunded' : 'partially_refunded',
    operations: [...previous.operations, makeOperation({ id: `op_refund${refundedAmount}`, type: 'refund', amount, fee: 0 })],
  });
}

function server(routes: Record<string, RouteHandler> = {}, permissions = makeMe().permissions) {
  return stubApi({
    'GET /api/v1/me': () => jsonResponse(makeMe({ permissions })),
    'GET /api/v1/projects': () => jsonResponse({ data: [makeProject()], has_more: false }),
    'GET /api/v1/payments/pay_1': () => jsonResponse(payment),
    'GET /api/v1/payments/pay_1/ledger-entries': () =>
      jsonResponse({
        data: [
          { transaction_id: '7', account: 'available', currency: 'EUR', amount: 12300, created_at: '2026-03-01T10:00:01Z' },
          { transaction_id: '7', account: 'fees', currency: 'EUR', amount: 200, created_at: '2026-03-01T10:00:01Z' },
          { transaction_id: '7', account: 'processor_settlement', currency: 'EUR', amount: -12500, created_at: '2026-03-01T10:00:01Z' },
        ],
      }),
    'GET /api/v1/webhook-endpoints': () => jsonResponse({ data: [makeWebhookEndpoint()], has_more: false }),
    'GET /api/v1/webhook-deliveries': () => jsonResponse({ data: [makeDelivery({ status: 'failed', response_status: 500, attempts: 2 })], has_more: false }),
    ...routes,
  });
}

function refundPosts(requests: { method: string; path: string; headers: Headers; json: unknown }[]) {
  return requests.filter((request) => request.method === 'POST' && request.path === '/api/v1/payments/pay_1/refunds');
}

async function openRefund(user: Awaited<ReturnType<typeof renderSignedIn>>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Refund' }));
  return screen.findByRole('dialog', { name: 'Refund payment' });
}

describe('a payment', () => {
  it('shows its amount, status, timeline, card, customer, ledger entries and webhook deliveries', async () => {
    server();
    await renderSignedIn('/payments/pay_1');
    expect(await screen.findByRole('heading', { level: 1, name: '€125.00 EUR' })).toBeInTheDocument();
    expect(document.title).toBe('Payment €125.00 · Kassa');
    expect(screen.getByTestId('payment-status')).toHaveTextContent('Succeeded');
    expect(screen.getByTestId('refundable-amount')).toHaveTextContent('€125.00 refundable');
    expect(screen.getByTestId('payment-timeline')).toHaveTextContent('Sale of €125.00');
    expect(screen.getByTestId('payment-timeline')).toHaveTextContent('Fee €2.00');
    const method = screen.getByRole('region', { name: 'Payment method' });
    expect(method).toHaveTextContent('Visa •••• 4242');
    expect(method).toHaveTextContent('12/2030');
    expect(method).toHaveTextContent('United States (US)');
    expect(screen.getByRole('region', { name: 'Customer' })).toHaveTextContent('Germany (DE)');
    expect(screen.getByRole('region', { name: 'Metadata' })).toHaveTextContent('c-77');
    expect(screen.getByTestId('risk-card')).toHaveTextContent('Risk: —');
    expect(screen.getByTestId('risk-card')).toHaveTextContent('Fraud scoring arrives with the fraud module.');
    const ledger = await screen.findByTestId('ledger-entries');
    expect(ledger).toHaveTextContent('Processor settlement');
    expect(ledger).toHaveTextContent('-€125.00');
    const deliveries = await screen.findByTestId('deliveries-table');
    expect(deliveries).toHaveTextContent('https://shop.example/kassa/hooks');
    expect(deliveries).toHaveTextContent('Retrying');
    expect(deliveries).toHaveTextContent('500');
  });

  it('refunds part of it, sending what the person saw as already refunded', async () => {
    const { requests } = server({ 'POST /api/v1/payments/pay_1/refunds': () => jsonResponse(refunded(2500), 201) });
    const { user } = await renderSignedIn('/payments/pay_1');
    const dialog = await openRefund(user);
    expect(dialog).toHaveTextContent('€125.00 of €125.00 can still be refunded.');
    await user.click(within(dialog).getByRole('radio', { name: 'Partial refund' }));
    const amount = within(dialog).getByRole('textbox', { name: /Amount to refund/ });
    await user.type(amount, '200');
    expect(within(dialog).getByText('At most €125.00 can be refunded.')).toBeInTheDocument();
    await user.clear(amount);
    await user.type(amount, '25.005');
    expect(within(dialog).getByText('EUR amounts have at most 2 decimal places.')).toBeInTheDocument();
    await user.clear(amount);
    await user.type(amount, '25');
    await user.click(within(dialog).getByRole('button', { name: 'Refund €25.00' }));

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Refund payment' })).toBeNull());
    const [post] = refundPosts(requests);
    expect(post?.json).toEqual({ amount: 2500, expected_refunded: 0 });
    expect(post?.headers.get('Idempotency-Key')).toMatch(/^web-.+\.2500\.0\.0$/);
    expect(screen.getByTestId('payment-status')).toHaveTextContent('Partially refunded');
    expect(screen.getByTestId('refundable-amount')).toHaveTextContent('€100.00 refundable');
    expect(screen.getByTestId('payment-timeline')).toHaveTextContent('Refund of €25.00');
  });

  it('refunds all that is left', async () => {
    const { requests } = server({ 'POST /api/v1/payments/pay_1/refunds': () => jsonResponse(refunded(12500), 201) });
    const { user } = await renderSignedIn('/payments/pay_1');
    const dialog = await openRefund(user);
    await user.click(within(dialog).getByRole('button', { name: 'Refund €125.00' }));
    await waitFor(() => expect(screen.getByTestId('payment-status')).toHaveTextContent('Refunded'));
    expect(refundPosts(requests)[0]?.json).toEqual({ amount: 12500, expected_refunded: 0 });
    expect(screen.getByRole('button', { name: 'Refund' })).toBeDisabled();
  });

  it('when someone else refunded meanwhile (412), shows the current numbers and refunds on them', async () => {
    const theirs = refunded(5000);
    let calls = 0;
    const { requests } = server({
      'POST /api/v1/payments/pay_1/refunds': () => {
        calls += 1;
        return calls === 1
          ? kassaProblem(412, 'stale-refunded-amount', 'the refunded amount changed since you looked; no money moved', { current: theirs })
          : jsonResponse(refunded(7500, theirs), 201);
      },
    });
    const { user } = await renderSignedIn('/payments/pay_1');
    const dialog = await openRefund(user);
    await user.click(within(dialog).getByRole('button', { name: 'Refund €125.00' }));

    const stale = await within(dialog).findByTestId('refund-stale');
    expect(stale).toHaveTextContent('Someone else refunded this payment meanwhile');
    expect(stale).toHaveTextContent('No money moved. The payment now has €50.00 refunded and €75.00 left to refund.');
    expect(within(dialog).getByTestId('refund-summary')).toHaveTextContent('€75.00 of €125.00 can still be refunded.');
    // The page behind shows the payment as it is now, too.
    expect(screen.getByTestId('refundable-amount')).toHaveTextContent('€75.00 refundable');

    await user.click(within(dialog).getByRole('button', { name: 'Refund €75.00' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Refund payment' })).toBeNull());
    const posts = refundPosts(requests);
    expect(posts.map((post) => post.json)).toEqual([
      { amount: 12500, expected_refunded: 0 },
      { amount: 7500, expected_refunded: 5000 },
    ]);
    expect(posts[0]?.headers.get('Idempotency-Key')).not.toBe(posts[1]?.headers.get('Idempotency-Key'));
    expect(screen.getByTestId('payment-status')).toHaveTextContent('Refunded');
  });

  it('says in words why a refund was refused (422)', async () => {
    server({
      'POST /api/v1/payments/pay_1/refunds': () =>
        kassaProblem(422, 'refund-exceeds-captured', 'the refund is larger than what is left to refund (captured minus refunded minus charged back)'),
    });
    const { user } = await renderSignedIn('/payments/pay_1');
    const dialog = await openRefund(user);
    await user.click(within(dialog).getByRole('button', { name: 'Refund €125.00' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('That is more than is left to refund.');
  });

  it('confirms a large refund with a fresh code (step-up), each attempt with its own idempotency key', async () => {
    const big = makePayment({ amount: 90000, captured_amount: 90000, authorized_amount: 90000, refundable_amount: 90000 });
    const { requests } = server({
      'GET /api/v1/payments/pay_1': () => jsonResponse(big),
      'POST /api/v1/payments/pay_1/refunds': (request) =>
        request.headers.get('X-Step-Up-Confirmation') === null
          ? kassaProblem(403, 'step-up-required', 'Confirm the refund.', {
              action: { type: 'refund', payment_id: 'pay_1', amount: 60000, currency: 'EUR', payee: 'ada@example.com' },
            })
          : jsonResponse(refunded(60000, big), 201),
      'POST /api/v1/step-up': () => jsonResponse({ confirmation: 'conf_1', expires_at: '2026-03-01T10:05:00Z' }),
    });
    const { user } = await renderSignedIn('/payments/pay_1');
    const dialog = await openRefund(user);
    await user.click(within(dialog).getByRole('radio', { name: 'Partial refund' }));
    await user.type(within(dialog).getByRole('textbox', { name: /Amount to refund/ }), '600');
    expect(dialog).toHaveTextContent('Refunds above €500.00 are confirmed with a code from your authenticator.');
    await user.click(within(dialog).getByRole('button', { name: 'Refund €600.00' }));

    const stepUp = await screen.findByRole('dialog', { name: 'Confirm with your authenticator' });
    expect(stepUp).toHaveTextContent('Refund €600.00 to ada@example.com');
    await user.click(within(stepUp).getByRole('textbox', { name: 'Digit 1 of 6' }));
    await user.keyboard('123456');

    await waitFor(() => expect(screen.getByTestId('payment-status')).toHaveTextContent('Partially refunded'));
    const posts = refundPosts(requests);
    expect(posts).toHaveLength(2);
    expect(posts[1]?.headers.get('X-Step-Up-Confirmation')).toBe('conf_1');
    const keys = posts.map((post) => post.headers.get('Idempotency-Key'));
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('captures or cancels an authorisation', async () => {
    const authorised = makePayment({
      status: 'awaiting_capture',
      capture: false,
      captured_amount: 0,
      refundable_amount: 0,
      operations: [makeOperation({ type: 'auth', fee: 0 })],
    });
    const { requests } = server({
      'GET /api/v1/payments/pay_1': () => jsonResponse(authorised),
      'POST /api/v1/payments/pay_1/capture': () =>
        jsonResponse({ ...authorised, status: 'success', captured_amount: 10000, refundable_amount: 10000, operations: [...authorised.operations, makeOperation({ id: 'op_cap', type: 'capture', amount: 10000 })] }),
    });
    const { user } = await renderSignedIn('/payments/pay_1');
    expect(await screen.findByRole('button', { name: 'Cancel payment' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Capture' }));
    const dialog = await screen.findByRole('dialog', { name: 'Capture payment' });
    const amount = within(dialog).getByRole('textbox', { name: 'Amount to capture' });
    expect(amount).toHaveValue('125.00');
    await user.clear(amount);
    await user.type(amount, '100');
    await user.click(within(dialog).getByRole('button', { name: 'Capture €100.00' }));
    await waitFor(() => expect(screen.getByTestId('payment-status')).toHaveTextContent('Succeeded'));
    const post = requests.find((request) => request.path === '/api/v1/payments/pay_1/capture');
    expect(post?.json).toEqual({ amount: 10000 });
    expect(post?.headers.get('Idempotency-Key')).toMatch(/^web-/);
    expect(screen.queryByRole('button', { name: 'Capture' })).toBeNull();
  });

  it('hides what the person may not do: refunds, captures, ledger entries, resends', async () => {
    const authorised = makePayment({ status: 'awaiting_capture', capture: false, captured_amount: 0, refundable_amount: 0 });
    const { requests } = server(
      { 'GET /api/v1/payments/pay_1': () => jsonResponse(authorised) },
      { company: [], projects: { prj_shop: ['payments.read'] } },
    );
    await renderSignedIn('/payments/pay_1');
    expect(await screen.findByTestId('payment-status')).toHaveTextContent('Uncaptured');
    expect(screen.queryByRole('button', { name: 'Capture' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel payment' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Refund' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Ledger entries' })).toBeNull();
    await screen.findByTestId('deliveries-table');
    expect(screen.queryByRole('button', { name: /Resend/ })).toBeNull();
    expect(requests.some((request) => request.path.includes('ledger-entries'))).toBe(false);
    expect(requests.some((request) => request.path.startsWith('/api/v1/webhook-endpoints'))).toBe(false);
  });

  it('says when there is no such payment', async () => {
    server({ 'GET /api/v1/payments/pay_1': () => kassaProblem(404, 'not-found', 'no such payment') });
    await renderSignedIn('/payments/pay_1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Payment not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to Payments' })).toHaveAttribute('href', '/payments');
  });
});
