import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, renderApp, stubApi } from '@/testing/render';

function ruleStates() {
  return Object.fromEntries(
    [...screen.getByTestId('password-rules').querySelectorAll('[data-rule]')].map((item) => [
      item.getAttribute('data-rule'),
      item.getAttribute('data-state'),
    ]),
  );
}

describe('password rule hints on the invitation page', () => {
  it('tick off as the person types, and the button waits for them', async () => {
    stubApi({
      'GET /api/v1/invitations/tok_1': () =>
        jsonResponse({ email: 'chloe@example.com', company_name: 'Acme GmbH', expires_at: '2026-03-08T10:00:00Z' }),
    });
    const { user } = renderApp('/invitations/tok_1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Join Acme GmbH on Kassa' })).toBeInTheDocument();
    await user.type(screen.getByLabelText(/Your name/), 'Chloé Martin');
    const password = screen.getByLabelText(/^Password/);
    const submit = screen.getByRole('button', { name: 'Accept and continue' });
    // The rules are part of the field's description.
    const describedBy = (password.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    expect(describedBy.some((id) => document.getElementById(id)?.contains(screen.getByTestId('password-rules')))).toBe(true);

    expect(ruleStates()).toEqual({ length: 'unmet', letter: 'unmet', digit: 'unmet', common: 'server' });
    fireEvent.change(password, { target: { value: 'horse' } });
    expect(ruleStates()).toMatchObject({ length: 'unmet', letter: 'met', digit: 'unmet' });
    expect(submit).toBeDisabled();
    fireEvent.change(password, { target: { value: 'correct horse 42' } });
    expect(ruleStates()).toEqual({ length: 'met', letter: 'met', digit: 'met', common: 'server' });
    expect(submit).toBeEnabled();
    expect(screen.getAllByText('(met)')).toHaveLength(3);
  });

  it('shows the server’s rule violation at the password field', async () => {
    stubApi({
      'GET /api/v1/invitations/tok_1': () =>
        jsonResponse({ email: 'chloe@example.com', company_name: 'Acme GmbH', expires_at: '2026-03-08T10:00:00Z' }),
      'POST /api/v1/invitations/tok_1/accept': () =>
        new Response(
          JSON.stringify({
            type: 'https://kassa.dev/problems/validation',
            title: 'Invalid',
            status: 400,
            detail: 'Check the highlighted fields.',
            errors: [{ field: '/password', message: 'This password is too common.' }],
          }),
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
    });
    const { user } = renderApp('/invitations/tok_1');
    await user.type(await screen.findByLabelText(/Your name/), 'Chloé');
    fireEvent.change(screen.getByLabelText(/^Password/), { target: { value: 'password1234' } });
    await user.click(screen.getByRole('button', { name: 'Accept and continue' }));
    expect(await screen.findByText('This password is too common.')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Password/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('says plainly when the invitation is no longer valid', async () => {
    stubApi({});
    renderApp('/invitations/used');
    expect(await screen.findByRole('heading', { level: 1, name: 'This invitation link is no longer valid' })).toBeInTheDocument();
  });
});
