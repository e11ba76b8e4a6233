import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, makeProject, permissionCatalogue } from '@/testing/fixtures';
import { jsonResponse, kassaProblem, renderSignedIn, stubApi } from '@/testing/render';

const action = {
  type: 'api_key.create',
  project_id: 'prj_shop',
  name: 'Shop backend',
  permissions: 'payments.read',
};

const createdKey = {
  id: 'key_1',
  project_id: 'prj_shop',
  name: 'Shop backend',
  secret_prefix: 'sk_live_ab12',
  permissions: ['payments.read'],
  status: 'active',
  created_at: '2026-03-01T10:00:00Z',
  last_used_at: null,
  revoked_at: null,
  version: 1,
};

function server(stepUp: () => Response = () => jsonResponse({ confirmation: 'conf_42', expires_at: '2026-03-01T10:05:00Z' })) {
  return stubApi({
    'GET /api/v1/me': () => jsonResponse(makeMe()),
    'GET /api/v1/projects': () => jsonResponse({ data: [makeProject()], has_more: false }),
    'GET /api/v1/permissions': () => jsonResponse({ data: permissionCatalogue }),
    'GET /api/v1/api-keys': () => jsonResponse({ data: [], has_more: false }),
    'POST /api/v1/step-up': stepUp,
    'POST /api/v1/api-keys': (request) =>
      request.headers.get('X-Step-Up-Confirmation') === 'conf_42'
        ? jsonResponse({ api_key: createdKey, secret: 'sk_live_ab12_the_whole_secret' }, 201)
        : kassaProblem(403, 'step-up-required', 'Confirm this action.', { action }),
  });
}

async function createKey(user: Awaited<ReturnType<typeof renderSignedIn>>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Create API key' }));
  const dialog = await screen.findByRole('dialog', { name: 'Create an API key' });
  await user.type(within(dialog).getByRole('textbox', { name: /Name/ }), 'Shop backend');
  await user.click(within(dialog).getByRole('checkbox', { name: /payments\.read/ }));
  await user.click(within(dialog).getByRole('button', { name: 'Create key' }));
}

async function typeCode(user: Awaited<ReturnType<typeof renderSignedIn>>['user'], code: string) {
  await user.click(screen.getByRole('textbox', { name: 'Digit 1 of 6' }));
  await user.keyboard(code);
}

describe('step-up confirmation', () => {
  it('states the action, confirms it with a fresh code and sends the request again with the confirmation', async () => {
    const { requests } = server();
    const { user } = await renderSignedIn('/settings/api-keys');
    await createKey(user);

    const dialog = await screen.findByRole('dialog', { name: 'Confirm with your authenticator' });
    expect(within(dialog).getByTestId('step-up-action')).toHaveTextContent('Create the API key “Shop backend” for Web shop');
    expect(within(dialog).getByText('payments.read')).toBeInTheDocument();
    await typeCode(user, '492039');

    expect(await screen.findByRole('dialog', { name: 'Your new API key' })).toBeInTheDocument();
    expect(screen.getByTestId('api-key-secret')).toHaveTextContent('sk_live_ab12_the_whole_secret');

    const stepUp = requests.find((r) => r.path === '/api/v1/step-up');
    expect(stepUp?.json).toEqual({ action, code: '492039' });
    const creates = requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/api-keys');
    expect(creates).toHaveLength(2);
    expect(creates[0]?.headers.get('X-Step-Up-Confirmation')).toBeNull();
    expect(creates[1]?.headers.get('X-Step-Up-Confirmation')).toBe('conf_42');
    expect(creates[1]?.json).toEqual(creates[0]?.json);
  });

  it('keeps the dialog open after a wrong code, with the server’s words', async () => {
    server(() => kassaProblem(401, 'invalid-credentials', 'The code is wrong or was already used.'));
    const { user } = await renderSignedIn('/settings/api-keys');
    await createKey(user);
    await screen.findByRole('dialog', { name: 'Confirm with your authenticator' });
    await typeCode(user, '000000');
    const dialog = screen.getByRole('dialog', { name: 'Confirm with your authenticator' });
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The code is wrong or was already used.');
    // A wrong step-up code is not a lost session.
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });

  it('sends nothing again and shows no error when the person cancels', async () => {
    const { requests } = server();
    const { user } = await renderSignedIn('/settings/api-keys');
    await createKey(user);
    const stepUp = await screen.findByRole('dialog', { name: 'Confirm with your authenticator' });
    await user.click(within(stepUp).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Confirm with your authenticator' })).toBeNull());
    const createDialog = screen.getByRole('dialog', { name: 'Create an API key' });
    expect(within(createDialog).queryByRole('alert')).toBeNull();
    expect(requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/api-keys')).toHaveLength(1);
    expect(requests.some((r) => r.path === '/api/v1/step-up')).toBe(false);
  });
});
