import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { noteApiRequest } from '@/lib/api';
import { makeMe } from '@/testing/fixtures';
import { jsonResponse, renderApp, renderWithProviders, stubApi } from '@/testing/render';
import { IdleWarning } from './idle-warning';

const start = Date.parse('2026-03-01T10:00:00Z');
const limits = { idle_timeout_seconds: 120, warn_before_seconds: 60, expires_at: '2026-03-01T22:00:00Z' };

/** Time passes a second at a time, each second its own turn (timers are set again after each render). */
function advance(ms: number) {
  for (let passed = 0; passed < ms; passed += 1000) {
    act(() => {
      vi.advanceTimersByTime(Math.min(1000, ms - passed));
    });
  }
}

describe('IdleWarning', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: start });
    noteApiRequest(start);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function renderWarning(onStay: () => Promise<unknown> = vi.fn(async () => undefined)) {
    const onEnded = vi.fn();
    const onSignOut = vi.fn();
    renderWithProviders(<IdleWarning limits={limits} onStaySignedIn={onStay} onSignOut={onSignOut} onEnded={onEnded} />);
    return { onEnded, onSignOut, onStay };
  }

  it('stays silent until warn_before_seconds before the end', () => {
    renderWarning();
    advance(59_000);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('warns a minute before the end and counts down each second', () => {
    renderWarning();
    advance(60_000);
    expect(screen.getByRole('dialog', { name: 'Are you still there?' })).toBeInTheDocument();
    expect(screen.getByTestId('idle-countdown')).toHaveTextContent('signed out in 60 s');
    advance(1_000);
    expect(screen.getByTestId('idle-countdown')).toHaveTextContent('signed out in 59 s');
    advance(10_000);
    expect(screen.getByTestId('idle-countdown')).toHaveTextContent('signed out in 49 s');
  });

  it('any API request moves the deadline and closes the warning', () => {
    const { onEnded } = renderWarning();
    advance(70_000);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    act(() => noteApiRequest(Date.now()));
    expect(screen.queryByRole('dialog')).toBeNull();
    advance(100_000);
    expect(onEnded).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('"Stay signed in" asks the server (which touches the session)', async () => {
    const onStay = vi.fn(async () => {
      noteApiRequest(Date.now());
    });
    renderWarning(onStay);
    advance(65_000);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Stay signed in' }));
    });
    expect(onStay).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('reports the end once when the countdown reaches zero', () => {
    const { onEnded } = renderWarning();
    advance(120_000);
    expect(onEnded).toHaveBeenCalledWith('idle');
    advance(60_000);
    expect(onEnded).toHaveBeenCalledTimes(1);
  });

  it('activity in another tab counts too (shared through localStorage)', () => {
    const { onEnded } = renderWarning();
    advance(70_000);
    act(() => {
      window.localStorage.setItem('kassa-last-api-request', String(Date.now()));
      window.dispatchEvent(new StorageEvent('storage', { key: 'kassa-last-api-request' }));
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    advance(60_000);
    expect(onEnded).not.toHaveBeenCalled();
  });

  it('before the absolute end, warns without offering to extend', () => {
    const onEnded = vi.fn();
    renderWithProviders(
      <IdleWarning
        limits={{ idle_timeout_seconds: 900, warn_before_seconds: 60, expires_at: new Date(start + 90_000).toISOString() }}
        onStaySignedIn={vi.fn()}
        onSignOut={vi.fn()}
        onEnded={onEnded}
      />,
    );
    advance(31_000);
    expect(screen.getByRole('dialog', { name: 'Your session is about to end' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Stay signed in' })).toBeNull();
    advance(60_000);
    expect(onEnded).toHaveBeenCalledWith('absolute');
  });
});

describe('the auth gate at the idle time-out', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('goes to /sign-in?reason=idle with the page to come back to', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    stubApi({
      'GET /api/v1/me': () => jsonResponse(makeMe({ session: { idle_timeout_seconds: 120, warn_before_seconds: 60 } })),
      'GET /api/v1/projects': () => jsonResponse({ data: [], has_more: false }),
    });
    const { router } = renderApp('/settings/profile');
    await screen.findByRole('heading', { level: 1, name: 'Profile & security' });
    for (let second = 0; second < 61; second += 1) {
      await act(async () => {
        vi.advanceTimersByTime(1000);
      });
    }
    expect(screen.getByRole('dialog', { name: 'Are you still there?' })).toBeInTheDocument();
    for (let second = 0; second < 60; second += 1) {
      await act(async () => {
        vi.advanceTimersByTime(1000);
      });
    }
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to your account' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('?reason=idle&next=%2Fsettings%2Fprofile');
  });
});
