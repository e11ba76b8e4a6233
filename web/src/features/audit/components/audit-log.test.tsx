import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe } from '@/testing/fixtures';
import { jsonResponse, renderSignedIn, stubApi } from '@/testing/render';

function event(n: number, extra: Record<string, unknown> = {}) {
  return {
    id: `evt_${String(n).padStart(3, '0')}`,
    seq: n,
    occurred_at: `2026-03-01T10:${String(n % 60).padStart(2, '0')}:00Z`,
    actor: { type: 'user', id: 'usr_ada', label: 'ada@example.com' },
    action: 'role.updated',
    target: { type: 'role', id: 'rol_desk' },
    ip: '203.0.113.24',
    user_agent: 'Firefox',
    before: { name: 'Desk', permissions: ['payments.read'] },
    after: { name: 'Refund desk', permissions: ['payments.read'] },
    hash: `hash${n}`,
    prev_hash: `hash${n - 1}`,
    ...extra,
  };
}

function server() {
  return stubApi({
    'GET /api/v1/me': () => jsonResponse(makeMe()),
    'GET /api/v1/projects': () => jsonResponse({ data: [], has_more: false }),
    'GET /api/v1/audit-events': (request) => {
      const after = new URL(request.url).searchParams.get('starting_after');
      return after === null
        ? jsonResponse({ data: [event(3), event(2)], has_more: true })
        : jsonResponse({ data: [event(1, { action: 'user.invited', before: null, after: { email: 'x@example.com' } })], has_more: false });
    },
  });
}

describe('audit log', () => {
  it('sends the filters from the URL and pages on with the last id', async () => {
    const { requests, } = server();
    const { user } = await renderSignedIn('/settings/audit?action=role.updated&from=2026-03-01&to=2026-03-01');
    const table = await screen.findByTestId('audit-table');
    expect(within(table).getAllByText('role.updated')).toHaveLength(2);
    const first = requests.find((r) => r.path.startsWith('/api/v1/audit-events'));
    const query = new URL(`http://x${first?.path}`).searchParams;
    expect(query.get('action')).toBe('role.updated');
    // The company is in Europe/Berlin: 1 March there is 23:00 to 23:00 UTC.
    expect(query.get('from')).toBe('2026-02-28T23:00:00.000Z');
    expect(query.get('to')).toBe('2026-03-01T23:00:00.000Z');

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await within(table).findByText('user.invited')).toBeInTheDocument();
    expect(requests.filter((r) => r.path.startsWith('/api/v1/audit-events')).at(-1)?.path).toContain('starting_after=evt_002');
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('applies filters to the URL', async () => {
    server();
    const { user, router } = await renderSignedIn('/settings/audit');
    await screen.findByTestId('audit-table');
    await user.type(screen.getByRole('textbox', { name: 'Actor' }), 'usr_grace');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(router.state.location.search).toBe('?actor=usr_grace');
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(router.state.location.search).toBe('');
  });

  it('expands an event to show what changed', async () => {
    server();
    const { user } = await renderSignedIn('/settings/audit');
    const toggle = (await screen.findAllByRole('button', { name: /^Details of role\.updated/ }))[0];
    if (toggle === undefined) throw new Error('no toggle');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const details = screen.getByTestId('audit-details');
    const nameRow = within(details).getByRole('row', { name: /^name/ });
    expect(nameRow).toHaveTextContent('Desk');
    expect(nameRow).toHaveTextContent('Refund desk');
    expect(nameRow).toHaveTextContent('Changed');
    expect(within(details).getByRole('row', { name: /^permissions/ })).not.toHaveTextContent('Changed');
    expect(within(details).getByText('Firefox')).toBeInTheDocument();
  });
});
