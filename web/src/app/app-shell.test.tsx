import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { allPermissionNames, makeMe } from '@/testing/fixtures';
import { jsonResponse, renderSignedIn, stubFetch } from '@/testing/render';
import { areas } from './areas';

const areaNames = [
  'Overview',
  'Payments',
  'Operations',
  'Payment links',
  'Payouts',
  'Balances',
  'Fraud',
  'Chargebacks',
  'Reports',
  'Projects',
  'FX rates',
  'Users',
  'Roles',
  'API keys',
  'Webhooks',
  'Audit log',
];

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      stubFetch({
        '/api/v1/me': () => jsonResponse(makeMe()),
        '/healthz': () => jsonResponse({ status: 'ok' }),
        '/api/v1/version': () => jsonResponse({ version: '0.1.0', database: 'sqlite' }),
      }),
    ),
  );
});

function mainNav() {
  return screen.getByRole('navigation', { name: 'Main' });
}

describe('navigation', () => {
  it('lists every area of the Dashboard', async () => {
    // FX rates shows with analytics.read, which the default owner fixture lacks.
    vi.stubGlobal(
      'fetch',
      vi.fn(stubFetch({ '/api/v1/me': () => jsonResponse(makeMe({ permissions: { company: [...allPermissionNames, 'analytics.read'], projects: {} } })) })),
    );
    await renderSignedIn('/no-such-page');
    const links = within(mainNav()).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(areaNames);
    expect(areas).toHaveLength(areaNames.length);
  });

  it('groups the settings areas under "Settings"', async () => {
    await renderSignedIn('/');
    const settings = within(mainNav()).getByRole('list', { name: 'Settings' });
    expect(within(settings).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Projects',
      'Users',
      'Roles',
      'API keys',
      'Webhooks',
      'Audit log',
    ]);
  });

  it('marks only the current area with aria-current="page"', async () => {
    await renderSignedIn('/payments');
    const current = within(mainNav())
      .getAllByRole('link')
      .filter((link) => link.getAttribute('aria-current') === 'page');
    expect(current.map((link) => link.textContent)).toEqual(['Payments']);
    expect(screen.getByRole('heading', { level: 1, name: 'Payments' })).toBeInTheDocument();
  });

  it('keeps the area active on its sub-pages, and Overview only on /', async () => {
    await renderSignedIn('/settings/audit');
    expect(within(mainNav()).getByRole('link', { name: 'Audit log' })).toHaveAttribute('aria-current', 'page');
    expect(within(mainNav()).getByRole('link', { name: 'Overview' })).not.toHaveAttribute('aria-current');
  });

  it('navigates on click and moves the active mark', async () => {
    const { user, router } = await renderSignedIn('/');
    await user.click(within(mainNav()).getByRole('link', { name: 'Chargebacks' }));
    expect(router.state.location.pathname).toBe('/chargebacks');
    expect(await screen.findByRole('heading', { level: 1, name: 'Chargebacks' })).toBeInTheDocument();
    expect(within(mainNav()).getByRole('link', { name: 'Chargebacks' })).toHaveAttribute('aria-current', 'page');
    expect(document.title).toBe('Chargebacks · Kassa');
  });

  it('keeps the selected project in every navbar link', async () => {
    await renderSignedIn('/payments?project=prj_shop');
    expect(within(mainNav()).getByRole('link', { name: 'Payouts' })).toHaveAttribute(
      'href',
      '/payouts?project=prj_shop',
    );
  });

  it('starts with a skip link to the main content', async () => {
    await renderSignedIn('/');
    const skip = screen.getByRole('link', { name: 'Skip to content' });
    expect(skip).toHaveAttribute('href', '#main-content');
    expect(document.getElementById('main-content')?.tagName).toBe('MAIN');
  });
});

describe('pages', () => {
  it('shows a designed empty state for areas not built yet', async () => {
    await renderSignedIn('/payouts');
    expect(screen.getByRole('heading', { level: 1, name: 'Payouts' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Send money out' })).toBeInTheDocument();
    expect(screen.getByText(/bulk from a CSV file/)).toBeInTheDocument();
  });

  it('shows the 404 page for unknown routes, inside the frame', async () => {
    await renderSignedIn('/no/such/page');
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByText(/There is no page at \/no\/such\/page/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to overview' })).toHaveAttribute('href', '/');
    expect(mainNav()).toBeInTheDocument();
  });

  it('shows the server version on the overview', async () => {
    await renderSignedIn('/');
    expect(await screen.findByText('0.1.0')).toBeInTheDocument();
    expect(screen.getByText('SQLite')).toBeInTheDocument();
    expect(screen.getByText('Operational')).toBeInTheDocument();
  });
});

describe('project switcher', () => {
  it('offers only "All projects" when the projects endpoint is missing', async () => {
    const { user } = await renderSignedIn('/');
    const switcher = screen.getByRole('combobox', { name: 'Project' });
    expect(switcher).toHaveValue('All projects');
    await waitFor(() => expect(vi.mocked(fetch)).toHaveBeenCalled());
    await user.click(switcher);
    const options = await screen.findAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(['All projects']);
  });

  it('lists the projects and keeps the choice in ?project=', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        stubFetch({
          '/api/v1/me': () => jsonResponse(makeMe()),
          '/api/v1/projects': () =>
            jsonResponse({
              data: [
                { id: 'prj_shop', name: 'Web shop', default_currency: 'EUR', status: 'active', version: 1, created_at: '2026-01-01T00:00:00Z' },
                { id: 'prj_app', name: 'Mobile app', default_currency: 'EUR', status: 'active', version: 1, created_at: '2026-01-01T00:00:00Z' },
              ],
              has_more: false,
            }),
        }),
      ),
    );
    const { user, router } = await renderSignedIn('/payments');
    const switcher = screen.getByRole('combobox', { name: 'Project' });
    await user.click(switcher);
    await user.click(await screen.findByRole('option', { name: 'Mobile app' }));
    expect(router.state.location.pathname).toBe('/payments');
    expect(router.state.location.search).toBe('?project=prj_app');
    expect(switcher).toHaveValue('Mobile app');

    await user.click(switcher);
    await user.click(await screen.findByRole('option', { name: 'All projects' }));
    expect(router.state.location.search).toBe('');
  });
});
