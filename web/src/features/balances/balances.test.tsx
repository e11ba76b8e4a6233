import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, makeProject } from '@/testing/fixtures';
import { jsonResponse, renderSignedIn, stubApi } from '@/testing/render';
import { groupBalances } from './types';

const balances = [
  { project_id: 'prj_shop', currency: 'EUR', account: 'available', amount: 86027 },
  { project_id: 'prj_shop', currency: 'EUR', account: 'fees', amount: 473 },
  { project_id: 'prj_shop', currency: 'EUR', account: 'refunds', amount: 1000 },
  { project_id: 'prj_shop', currency: 'EUR', account: 'processor_settlement', amount: -87500 },
  { project_id: 'prj_shop', currency: 'JPY', account: 'available', amount: 147875 },
  { project_id: 'prj_app', currency: 'KWD', account: 'available', amount: 1234 },
] as const;

describe('balances', () => {
  it('groups accounts by project and currency', () => {
    expect(groupBalances(balances)).toEqual([
      { projectId: 'prj_app', currencies: [{ currency: 'KWD', amounts: { available: 1234 } }] },
      {
        projectId: 'prj_shop',
        currencies: [
          { currency: 'EUR', amounts: { available: 86027, fees: 473, refunds: 1000, processor_settlement: -87500 } },
          { currency: 'JPY', amounts: { available: 147875 } },
        ],
      },
    ]);
  });

  it('shows each project’s accounts per currency, formatted', async () => {
    stubApi({
      'GET /api/v1/me': () => jsonResponse(makeMe()),
      'GET /api/v1/projects': () => jsonResponse({ data: [makeProject(), makeProject({ id: 'prj_app', name: 'Mobile app' })], has_more: false }),
      'GET /api/v1/balances': () => jsonResponse({ data: balances }),
    });
    await renderSignedIn('/balances');
    const shop = await screen.findByRole('region', { name: 'Web shop' });
    expect(within(shop).getByTestId('available-prj_shop-EUR')).toHaveTextContent('€860.27');
    const eur = within(shop).getByRole('rowheader', { name: 'EUR' }).closest('tr');
    expect(eur).toHaveTextContent('€4.73');
    expect(eur).toHaveTextContent('-€875.00');
    expect(within(shop).getByRole('rowheader', { name: 'JPY' }).closest('tr')).toHaveTextContent('¥147,875');
    expect(screen.getByRole('region', { name: 'Mobile app' })).toHaveTextContent('KWD 1.234');
  });

  it('shows the chosen project only, and an empty state when it has nothing', async () => {
    stubApi({
      'GET /api/v1/me': () => jsonResponse(makeMe()),
      'GET /api/v1/balances': () => jsonResponse({ data: balances }),
    });
    await renderSignedIn('/balances?project=prj_none');
    expect(await screen.findByText('No balances yet')).toBeInTheDocument();
    expect(screen.getByText('This project has no balances yet.')).toBeInTheDocument();
  });
});
