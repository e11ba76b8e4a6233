import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe } from '@/testing/fixtures';
import { jsonResponse, kassaProblem, renderApp, renderSignedIn, stubApi } from '@/testing/render';
import { visibleAreas } from './areas';

function navLinks() {
  return within(screen.getByRole('navigation', { name: 'Main' }))
    .getAllByRole('link')
    .map((link) => link.textContent);
}

function signedInWith(permissions: { company: string[]; projects: Record<string, string[]> }) {
  return stubApi({
    'GET /api/v1/me': () => jsonResponse(makeMe({ permissions })),
    'GET /api/v1/projects': () => jsonResponse({ data: [], has_more: false }),
  });
}

describe('visibleAreas', () => {
  it.each([
    ['nothing', { company: [], projects: {} }, ['overview']],
    ['payments company-wide', { company: ['payments.read'], projects: {} }, ['overview', 'payments', 'operations']],
    ['payments on one project only', { company: [], projects: { prj_a: ['payments.read'] } }, ['overview', 'payments', 'operations']],
    ['users.read shows users and roles', { company: ['users.read'], projects: {} }, ['overview', 'users', 'roles']],
    ['settings.manage shows projects', { company: ['settings.manage'], projects: {} }, ['overview', 'projects']],
    ['api keys on a project', { company: [], projects: { prj_b: ['api_keys.read'] } }, ['overview', 'api-keys']],
    ['audit', { company: ['audit.read'], projects: {} }, ['overview', 'audit']],
    ['analytics.read shows FX rates', { company: ['analytics.read'], projects: {} }, ['overview', 'fx-rates']],
  ])('%s', (_name, permissions, expected) => {
    expect(visibleAreas(permissions).map((area) => area.id)).toEqual(expected);
  });
});

describe('navigation by permission', () => {
  it('shows a viewer only the areas they may open, and hides empty groups', async () => {
    signedInWith({ company: ['payments.read', 'reports.read'], projects: { prj_shop: ['balances.read'] } });
    await renderSignedIn('/');
    expect(navLinks()).toEqual(['Overview', 'Payments', 'Operations', 'Balances', 'Reports']);
    expect(within(screen.getByRole('navigation', { name: 'Main' })).queryByRole('list', { name: 'Settings' })).toBeNull();
  });

  it('shows everything to an owner', async () => {
    signedInWith(makeMe().permissions);
    await renderSignedIn('/');
    expect(navLinks()).toHaveLength(15);
  });

  it('says "no access" on a page reached by link without the permission, and loads nothing for it', async () => {
    const { requests } = signedInWith({ company: ['payments.read'], projects: {} });
    await renderSignedIn('/settings/audit');
    expect(screen.getByRole('heading', { level: 1, name: 'Audit log' })).toBeInTheDocument();
    expect(screen.getByText('You don’t have access to this page')).toBeInTheDocument();
    expect(requests.some((r) => r.path.startsWith('/api/v1/audit-events'))).toBe(false);
  });

  it('hides actions the user may not take', async () => {
    stubApi({
      'GET /api/v1/me': () => jsonResponse(makeMe({ permissions: { company: ['users.read'], projects: {} } })),
      'GET /api/v1/projects': () => jsonResponse({ data: [], has_more: false }),
      'GET /api/v1/roles': () => jsonResponse({ data: [], has_more: false }),
      'GET /api/v1/users': () => jsonResponse({ data: [makeMe().user], has_more: false }),
    });
    await renderSignedIn('/settings/users');
    expect(await screen.findByTestId('users-table')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Invite user' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Actions for/ })).toBeNull();
  });
});

describe('auth gate', () => {
  it('sends a visitor without a session to the sign-in page, remembering where they were going', async () => {
    stubApi({ 'GET /api/v1/me': () => kassaProblem(401, 'unauthenticated', 'Sign in to continue.') });
    const { router } = renderApp('/settings/users?status=active');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to your account' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('?next=%2Fsettings%2Fusers%3Fstatus%3Dactive');
  });

  it('explains an idle session that the server ended', async () => {
    stubApi({ 'GET /api/v1/me': () => kassaProblem(401, 'session-expired', 'idle') });
    const { router } = renderApp('/payments');
    expect(await screen.findByTestId('sign-in-notice')).toHaveTextContent('period of inactivity');
    expect(router.state.location.search).toBe('?reason=idle&next=%2Fpayments');
  });

  it('goes to the sign-in page when any later request finds the session gone', async () => {
    let alive = true;
    stubApi({
      'GET /api/v1/me': () => jsonResponse(makeMe()),
      'GET /api/v1/projects': () => jsonResponse({ data: [], has_more: false }),
      'GET /api/v1/roles': () => (alive ? jsonResponse({ data: [], has_more: false }) : kassaProblem(401, 'session-expired', 'absolute')),
      'GET /api/v1/permissions': () => jsonResponse({ data: [] }),
    });
    const { user, router } = await renderSignedIn('/');
    alive = false;
    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Roles' }));
    expect(await screen.findByTestId('sign-in-notice')).toHaveTextContent('maximum length');
    expect(router.state.location.search).toBe('?reason=absolute&next=%2Fsettings%2Froles');
  });

  it('shows the signed-in person and signs out from the user menu', async () => {
    const { requests } = stubApi({
      'GET /api/v1/me': () => jsonResponse(makeMe()),
      'GET /api/v1/projects': () => jsonResponse({ data: [], has_more: false }),
      'POST /api/v1/auth/logout': () => new Response(null, { status: 204 }),
    });
    const { user, router } = await renderSignedIn('/');
    await user.click(screen.getByRole('button', { name: 'Account menu for Ada Lovelace' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Sign out' }));
    expect(await screen.findByTestId('sign-in-notice')).toHaveTextContent('You have signed out.');
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(requests.some((r) => r.method === 'POST' && r.path === '/api/v1/auth/logout')).toBe(true);
  });
});
