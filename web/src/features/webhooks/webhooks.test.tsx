import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeDelivery, makeMe, makeProject, makeWebhookEndpoint } from '@/testing/fixtures';
import { jsonResponse, kassaProblem, noContent, renderSignedIn, stubApi, type RouteHandler } from '@/testing/render';

const endpoint = makeWebhookEndpoint();
const other = makeWebhookEndpoint({ id: 'we_2', project_id: 'prj_app', url: 'https://app.example/hooks', status: 'disabled', disabled_reason: 'the receiver answered 410 Gone', description: '' });

function server(routes: Record<string, RouteHandler> = {}, permissions = makeMe().permissions) {
  return stubApi({
    'GET /api/v1/me': () => jsonResponse(makeMe({ permissions })),
    'GET /api/v1/projects': () => jsonResponse({ data: [makeProject(), makeProject({ id: 'prj_app', name: 'Mobile app' })], has_more: false }),
    'GET /api/v1/webhook-endpoints': () => jsonResponse({ data: [endpoint, other], has_more: false }),
    'GET /api/v1/webhook-deliveries': () =>
      jsonResponse({
        data: [
          makeDelivery({ id: 'msg_2', status: 'dead', response_status: null, error: 'connection refused', attempts: 11, endpoint_id: 'we_2' }),
          makeDelivery({ id: 'msg_1', status: 'failed', response_status: 503, attempts: 2, next_attempt_at: '2026-03-01T10:05:00Z', response_body: 'maintenance' }),
        ],
        has_more: false,
      }),
    ...routes,
  });
}

describe('webhook settings', () => {
  it('lists endpoints of the chosen project and the delivery log with status, response, attempts and next attempt', async () => {
    server();
    const { user } = await renderSignedIn('/settings/webhooks');
    const endpoints = await screen.findByTestId('webhook-endpoints-table');
    expect(within(endpoints).getAllByRole('row')).toHaveLength(3);
    expect(endpoints).toHaveTextContent('Order service');
    expect(endpoints).toHaveTextContent('Disabled');
    const log = await screen.findByTestId('deliveries-table');
    const retrying = within(log).getByText('Retrying').closest('tr');
    expect(retrying).toHaveTextContent('503');
    expect(retrying).toHaveTextContent('https://shop.example/kassa/hooks');
    expect(retrying).toHaveTextContent('Mar 1, 2026, 11:05:00 AM');
    const dead = within(log).getByText('Failed').closest('tr');
    expect(dead).toHaveTextContent('connection refused');
    expect(dead).toHaveTextContent('11');
    await user.click(within(log).getByRole('button', { name: 'Details of the delivery msg_1' }));
    expect(await within(log).findByText('maintenance')).toBeInTheDocument();
  });

  it('shows only the chosen project’s endpoints', async () => {
    server();
    await renderSignedIn('/settings/webhooks?project=prj_app');
    const endpoints = await screen.findByTestId('webhook-endpoints-table');
    expect(within(endpoints).getAllByRole('row')).toHaveLength(2);
    expect(endpoints).toHaveTextContent('https://app.example/hooks');
  });

  it('adds an endpoint: the server’s URL check shows on the field, then the secret is shown once', async () => {
    let calls = 0;
    const { requests } = server({
      'POST /api/v1/webhook-endpoints': () => {
        calls += 1;
        if (calls === 1) {
          return kassaProblem(400, 'invalid-webhook-url', 'the host resolves to a private, loopback or link-local address', {
            errors: [{ field: '/url', message: 'the host resolves to a private, loopback or link-local address' }],
          });
        }
        return jsonResponse({ ...makeWebhookEndpoint({ id: 'we_3', url: 'https://orders.example/hooks' }), secret: 'whsec_abc123' }, 201);
      },
    });
    const { user } = await renderSignedIn('/settings/webhooks?project=prj_shop');
    await user.click(await screen.findByRole('button', { name: 'Add endpoint' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a webhook endpoint' });
    const url = within(dialog).getByRole('textbox', { name: /^URL/ });
    await user.clear(url);
    await user.type(url, 'http://10.0.0.5/hooks');
    await user.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));
    expect(await within(dialog).findByText('the host resolves to a private, loopback or link-local address')).toBeInTheDocument();
    expect(url).toHaveAttribute('aria-invalid', 'true');

    await user.clear(url);
    await user.type(url, 'https://orders.example/hooks');
    await user.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));
    const secret = await screen.findByRole('dialog', { name: 'Your endpoint’s signing secret' });
    expect(within(secret).getByTestId('webhook-secret')).toHaveTextContent('whsec_abc123');
    expect(within(secret).getByRole('button', { name: 'Done' })).toBeDisabled();
    await user.click(within(secret).getByRole('checkbox', { name: 'I have stored the secret safely' }));
    await user.click(within(secret).getByRole('button', { name: 'Done' }));
    expect(requests.filter((request) => request.method === 'POST').map((request) => request.json)).toEqual([
      { project_id: 'prj_shop', url: 'http://10.0.0.5/hooks' },
      { project_id: 'prj_shop', url: 'https://orders.example/hooks' },
    ]);
  });

  it('disables with If-Match, rotates the secret and deletes after confirming', async () => {
    const { requests } = server({
      'PATCH /api/v1/webhook-endpoints/we_1': () => jsonResponse({ ...endpoint, status: 'disabled', version: 3 }),
      'POST /api/v1/webhook-endpoints/we_1/rotate-secret': () => jsonResponse({ ...endpoint, version: 3, secret: 'whsec_new' }),
      'DELETE /api/v1/webhook-endpoints/we_1': () => noContent(),
    });
    const { user } = await renderSignedIn('/settings/webhooks');
    const actions = () => screen.findByRole('button', { name: 'Actions for https://shop.example/kassa/hooks' });

    await user.click(await actions());
    await user.click(await screen.findByRole('menuitem', { name: 'Disable' }));
    await user.click(within(await screen.findByRole('dialog', { name: /^Disable/ })).getByRole('button', { name: 'Disable' }));
    await waitFor(() => expect(requests.some((request) => request.method === 'PATCH')).toBe(true));
    const patch = requests.find((request) => request.method === 'PATCH');
    expect(patch?.json).toEqual({ status: 'disabled' });
    expect(patch?.headers.get('If-Match')).toBe('"2"');

    await user.click(await actions());
    await user.click(await screen.findByRole('menuitem', { name: 'Rotate secret' }));
    await user.click(within(await screen.findByRole('dialog', { name: /^Rotate the secret/ })).getByRole('button', { name: 'Rotate secret' }));
    const secret = await screen.findByRole('dialog', { name: 'The new signing secret' });
    expect(secret).toHaveTextContent('24 hours');
    expect(within(secret).getByTestId('webhook-secret')).toHaveTextContent('whsec_new');
    await user.click(within(secret).getByRole('checkbox', { name: 'I have stored the secret safely' }));
    await user.click(within(secret).getByRole('button', { name: 'Done' }));

    await user.click(await actions());
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    await user.click(within(await screen.findByRole('dialog', { name: /^Delete/ })).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(requests.some((request) => request.method === 'DELETE' && request.path === '/api/v1/webhook-endpoints/we_1')).toBe(true));
  });

  it('resends a delivery as a new one', async () => {
    const { requests } = server({
      'POST /api/v1/webhook-deliveries/msg_1/resend': () => jsonResponse(makeDelivery({ id: 'msg_3', status: 'pending' }), 201),
    });
    const { user } = await renderSignedIn('/settings/webhooks');
    await screen.findByTestId('deliveries-table');
    await user.click(screen.getByRole('button', { name: 'Resend the delivery msg_1' }));
    expect(await screen.findByText('Sent again as a new delivery.')).toBeInTheDocument();
    expect(requests.find((request) => request.path === '/api/v1/webhook-deliveries/msg_1/resend')?.headers.get('Idempotency-Key')).toMatch(/^web-/);
  });

  it('hides changes and resends from someone who may only read', async () => {
    server({}, { company: ['webhooks.read'], projects: {} });
    await renderSignedIn('/settings/webhooks');
    await screen.findByTestId('webhook-endpoints-table');
    await screen.findByTestId('deliveries-table');
    expect(screen.queryByRole('button', { name: 'Add endpoint' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Actions for/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Resend/ })).toBeNull();
  });
});
