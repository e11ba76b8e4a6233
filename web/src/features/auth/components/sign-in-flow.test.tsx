import { screen, waitFor } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeMe } from '@/testing/fixtures';
import { jsonResponse, kassaProblem, renderApp, stubApi } from '@/testing/render';

const invalid = 'The e-mail address, password or code is wrong, or the account is temporarily locked after too many attempts.';

async function typeCode(user: UserEvent, code: string) {
  await user.click(screen.getByRole('textbox', { name: 'Digit 1 of 6' }));
  await user.keyboard(code);
}

async function submitPassword(user: UserEvent, email = 'ada@example.com', password = 'correct horse 42') {
  await user.type(await screen.findByLabelText(/E-mail address/), email);
  await user.type(screen.getByLabelText(/^Password/), password);
  await user.click(screen.getByRole('button', { name: 'Continue' }));
}

/** A server where the password is right and the session starts after the second factor. */
function server(overrides: Parameters<typeof stubApi>[0] = {}) {
  let signedIn = false;
  const api = stubApi({
    'GET /api/v1/me': () =>
      signedIn ? jsonResponse(makeMe()) : kassaProblem(401, 'unauthenticated', 'Sign in to continue.'),
    'POST /api/v1/auth/login': () => jsonResponse({ next: 'totp', challenge: 'ch_1' }),
    'POST /api/v1/auth/totp': () => {
      signedIn = true;
      return jsonResponse({ user: makeMe().user });
    },
    'POST /api/v1/auth/recovery': () => {
      signedIn = true;
      return jsonResponse({ user: makeMe().user });
    },
    'POST /api/v1/auth/totp/enroll': () => {
      signedIn = true;
      return jsonResponse({ user: makeMe().user, recovery_codes: Array.from({ length: 10 }, (_, i) => `code-${i + 1}`) });
    },
    ...overrides,
  });
  return api;
}

describe('sign-in flow', () => {
  it('signs in with password and code, then goes to the page asked for', async () => {
    const { requests } = server();
    const { user, router } = renderApp('/sign-in?next=%2Fsettings%2Fprofile');
    await submitPassword(user);

    expect(await screen.findByRole('heading', { level: 1, name: 'Two-step verification' })).toBeInTheDocument();
    expect(screen.getByText(/for ada@example\.com/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Digit 1 of 6' })).toHaveFocus());
    await typeCode(user, '492039');

    expect(await screen.findByRole('heading', { level: 1, name: 'Profile & security' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/settings/profile');
    expect(requests.find((r) => r.path === '/api/v1/auth/login')?.json).toEqual({ email: 'ada@example.com', password: 'correct horse 42' });
    expect(requests.find((r) => r.path === '/api/v1/auth/totp')?.json).toEqual({ challenge: 'ch_1', code: '492039' });
  });

  it('shows the server’s words for a wrong password and stays on the form', async () => {
    server({ 'POST /api/v1/auth/login': () => kassaProblem(401, 'invalid-credentials', invalid) });
    const { user } = renderApp('/sign-in');
    await submitPassword(user);
    expect(await screen.findByRole('alert')).toHaveTextContent(invalid);
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in to your account' })).toBeInTheDocument();
    expect(screen.getByLabelText(/^Password/)).toHaveValue('');
  });

  it('says when to try again after too many attempts', async () => {
    server({
      'POST /api/v1/auth/login': () =>
        kassaProblem(429, 'rate-limited', 'Too many sign-in attempts.', {}, { 'Retry-After': '30' }),
    });
    const { user } = renderApp('/sign-in');
    await submitPassword(user);
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many sign-in attempts. Try again in 30 s.');
  });

  it('keeps the person on the code step after a wrong code, with the cells cleared', async () => {
    server({ 'POST /api/v1/auth/totp': () => kassaProblem(401, 'invalid-credentials', invalid) });
    const { user } = renderApp('/sign-in');
    await submitPassword(user);
    await screen.findByRole('heading', { level: 1, name: 'Two-step verification' });
    await typeCode(user, '111111');
    expect(await screen.findByRole('alert')).toHaveTextContent(invalid);
    expect(screen.getByRole('heading', { level: 1, name: 'Two-step verification' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Digit 1 of 6' })).toHaveValue('');
    expect(screen.getByRole('textbox', { name: 'Digit 1 of 6' })).toHaveAttribute('aria-invalid', 'true');
  });

  it('goes back to the password when the challenge expired, keeping the e-mail address', async () => {
    server({
      'POST /api/v1/auth/totp': () => kassaProblem(401, 'challenge-expired', 'The sign-in took too long.'),
    });
    const { user } = renderApp('/sign-in');
    await submitPassword(user);
    await screen.findByRole('heading', { level: 1, name: 'Two-step verification' });
    await typeCode(user, '123456');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to your account' })).toBeInTheDocument();
    expect(screen.getByText(/That took too long/)).toBeInTheDocument();
    expect(screen.getByLabelText(/E-mail address/)).toHaveValue('ada@example.com');
  });

  it('signs in with a recovery code instead', async () => {
    const { requests } = server();
    const { user, router } = renderApp('/sign-in');
    await submitPassword(user);
    await user.click(await screen.findByRole('button', { name: 'Use a recovery code instead' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Use a recovery code' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Recovery code'), ' 9f2k-77ab ');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('navigation', { name: 'Main' });
    expect(router.state.location.pathname).toBe('/');
    expect(requests.find((r) => r.path === '/api/v1/auth/recovery')?.json).toEqual({ challenge: 'ch_1', recovery_code: '9f2k-77ab' });
  });

  it('enrols a first authenticator: QR as an image, the key to type, then ten recovery codes', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="1" height="1"/></svg>';
    const { requests } = server({
      'POST /api/v1/auth/login': () =>
        jsonResponse({ next: 'totp_enroll', challenge: 'ch_enroll', otpauth_uri: 'otpauth://totp/Kassa:ada', qr_svg: svg, secret: 'JBSWY3DPEHPK3PXP' }),
    });
    const { user, router } = renderApp('/sign-in');
    await submitPassword(user);

    expect(await screen.findByRole('heading', { level: 1, name: 'Set up two-step verification' })).toBeInTheDocument();
    const qr = screen.getByRole('img', { name: /QR code/ });
    expect(qr.tagName).toBe('IMG');
    const source = qr.getAttribute('src') ?? '';
    expect(source.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(atob(source.slice('data:image/svg+xml;base64,'.length))).toBe(svg);
    // The SVG never becomes markup in the page.
    expect(document.querySelector('script')).toBeNull();
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP')).toBeInTheDocument();

    await typeCode(user, '654321');
    expect(await screen.findByRole('heading', { level: 1, name: 'Save your recovery codes' })).toBeInTheDocument();
    expect(requests.find((r) => r.path === '/api/v1/auth/totp/enroll')?.json).toEqual({ challenge: 'ch_enroll', code: '654321' });
    expect(screen.getAllByRole('listitem')).toHaveLength(10);

    const next = screen.getByRole('button', { name: 'Continue to Kassa' });
    expect(next).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'I have saved these recovery codes' }));
    await user.click(next);
    await screen.findByRole('navigation', { name: 'Main' });
    expect(router.state.location.pathname).toBe('/');
  });

  it.each([
    ['idle', 'You were signed out after a period of inactivity'],
    ['absolute', 'Your session reached its maximum length'],
    ['signed-out', 'You have signed out.'],
  ])('explains ?reason=%s', async (reason, text) => {
    server();
    renderApp(`/sign-in?reason=${reason}`);
    expect(await screen.findByTestId('sign-in-notice')).toHaveTextContent(text);
  });

  it('never goes to another site after signing in', async () => {
    server();
    const { user, router } = renderApp('/sign-in?next=%2F%2Fevil.example%2Fx');
    await submitPassword(user);
    await screen.findByRole('heading', { level: 1, name: 'Two-step verification' });
    await typeCode(user, '123456');
    await screen.findByRole('navigation', { name: 'Main' });
    expect(router.state.location.pathname).toBe('/');
  });
});
