import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders, stubFetch } from '@/testing/render';
import { SystemStatusCard } from './system-status-card';

describe('SystemStatusCard', () => {
  it('shows a loading state, then version and database', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        stubFetch({
          '/healthz': () => jsonResponse({ status: 'ok' }),
          '/api/v1/version': () => jsonResponse({ version: '1.2.3', database: 'postgresql' }),
        }),
      ),
    );
    renderWithProviders(<SystemStatusCard />);
    expect(screen.getByText('Checking the server…')).toBeInTheDocument();
    expect(await screen.findByText('1.2.3')).toBeInTheDocument();
    expect(screen.getByText('PostgreSQL')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'System' })).toBeInTheDocument();
  });

  it('shows the problem detail and retries', async () => {
    let healthy = false;
    vi.stubGlobal(
      'fetch',
      vi.fn(
        stubFetch({
          '/healthz': () =>
            healthy
              ? jsonResponse({ status: 'ok' })
              : problemResponse(503, {
                  type: 'https://kassa.dev/problems/unavailable',
                  title: 'Service Unavailable',
                  detail: 'The server is shutting down.',
                  request_id: 'req_42',
                }),
          '/api/v1/version': () => jsonResponse({ version: '0.1.0', database: 'sqlite' }),
        }),
      ),
    );
    const { user } = renderWithProviders(<SystemStatusCard />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The server did not answer');
    expect(alert).toHaveTextContent('The server is shutting down.');
    expect(alert).toHaveTextContent('req_42');

    healthy = true;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('0.1.0')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says when the server could not be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    renderWithProviders(<SystemStatusCard />);
    expect(await screen.findByRole('alert')).toHaveTextContent('The server could not be reached.');
  });
});
