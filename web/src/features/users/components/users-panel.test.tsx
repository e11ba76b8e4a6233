import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, makeProject, makeRole, makeUser } from '@/testing/fixtures';
import { jsonResponse, kassaProblem, renderSignedIn, stubApi } from '@/testing/render';

const maria = makeUser({
  id: 'usr_maria',
  email: 'maria@example.com',
  name: 'María García',
  grants: [{ role_id: 'rol_finance', role_name: 'finance', project_ids: ['prj_shop'] }],
  locked_until: '2999-01-01T00:00:00Z',
  version: 6,
});
const invited = makeUser({ id: 'usr_new', email: 'new@example.com', name: '', status: 'invited', totp_enrolled: false, grants: [] });

function server(extra: Parameters<typeof stubApi>[0] = {}) {
  return stubApi({
    'GET /api/v1/me': () => jsonResponse(makeMe()),
    'GET /api/v1/projects': () => jsonResponse({ data: [makeProject()], has_more: false }),
    'GET /api/v1/roles': () => jsonResponse({ data: [makeRole(), makeRole({ id: 'rol_owner', name: 'owner' })], has_more: false }),
    'GET /api/v1/users': () => jsonResponse({ data: [makeMe().user, maria, invited], has_more: false }),
    ...extra,
  });
}

describe('users', () => {
  it('lists users with roles per project, status, 2FA and the locked badge', async () => {
    server();
    await renderSignedIn('/settings/users');
    const table = await screen.findByTestId('users-table');
    const row = within(table).getByText('María García').closest('tr');
    if (row === null) throw new Error('no row');
    expect(row).toHaveTextContent('Finance · Web shop');
    expect(row).toHaveTextContent('Active');
    expect(row).toHaveTextContent('Locked');
    expect(row).toHaveTextContent('On');
    const invitedRow = within(table).getAllByText('new@example.com')[0]?.closest('tr');
    expect(invitedRow).toHaveTextContent('Invited');
    expect(invitedRow).toHaveTextContent('Not set up');
  });

  it('filters by status and search, in the URL', async () => {
    server();
    const { user, router } = await renderSignedIn('/settings/users');
    await screen.findByTestId('users-table');
    await user.click(screen.getByRole('radio', { name: 'Invited' }));
    expect(router.state.location.search).toBe('?status=invited');
    expect(within(screen.getByTestId('users-table')).getAllByRole('row')).toHaveLength(2);
    await user.type(screen.getByRole('textbox', { name: 'Search by name or e-mail' }), 'zzz');
    expect(screen.getByText('No users match')).toBeInTheDocument();
  });

  it('invites with a role for chosen projects and shows the link to pass on', async () => {
    const { requests } = server({
      'POST /api/v1/users/invitations': () =>
        jsonResponse(
          {
            user: makeUser({ id: 'usr_chloe', email: 'chloe@example.com', status: 'invited' }),
            invitation_url: 'http://kassa.test/invitations/tok_1',
            expires_at: '2026-03-08T10:00:00Z',
          },
          201,
        ),
    });
    const { user } = await renderSignedIn('/settings/users');
    await user.click(await screen.findByRole('button', { name: 'Invite user' }));
    const dialog = await screen.findByRole('dialog', { name: 'Invite a user' });
    await user.type(within(dialog).getByRole('textbox', { name: /E-mail address/ }), 'chloe@example.com');
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Chloé Martin');
    await user.click(within(dialog).getByLabelText('Role 1', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Finance' }));
    await user.click(within(dialog).getByRole('radio', { name: 'Only chosen projects' }));
    const send = within(dialog).getByRole('button', { name: 'Send invitation' });
    expect(send).toBeDisabled();
    await user.click(within(dialog).getByLabelText('Projects', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Web shop' }));
    await user.click(send);

    expect(await screen.findByTestId('invitation-url')).toHaveTextContent('http://kassa.test/invitations/tok_1');
    expect(requests.find((r) => r.path === '/api/v1/users/invitations')?.json).toEqual({
      email: 'chloe@example.com',
      name: 'Chloé Martin',
      grants: [{ role_id: 'rol_finance', project_ids: ['prj_shop'] }],
    });
  });

  it('replaces roles with If-Match on the user’s version', async () => {
    const { requests } = server({
      'PUT /api/v1/users/usr_maria/grants': (request) =>
        request.headers.get('X-Step-Up-Confirmation') === null
          ? kassaProblem(403, 'step-up-required', 'Confirm.', { action: { type: 'user.grants.replace', user_id: 'usr_maria' } })
          : jsonResponse({ ...maria, version: 7 }),
      'POST /api/v1/step-up': () => jsonResponse({ confirmation: 'conf_1', expires_at: '2026-03-01T10:05:00Z' }),
    });
    const { user } = await renderSignedIn('/settings/users');
    await user.click(await screen.findByRole('button', { name: 'Actions for María García' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Change roles' }));
    const dialog = await screen.findByRole('dialog', { name: 'Roles of María García' });
    await user.click(within(dialog).getByRole('radio', { name: 'All projects, including new ones' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save roles' }));

    const stepUp = await screen.findByRole('dialog', { name: 'Confirm with your authenticator' });
    expect(stepUp).toHaveTextContent('Change the roles of María García');
    await user.click(within(stepUp).getByRole('textbox', { name: 'Digit 1 of 6' }));
    await user.keyboard('123456');

    await screen.findByText('Roles saved.');
    const puts = requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.headers.get('If-Match'))).toEqual(['"6"', '"6"']);
    expect(puts[1]?.json).toEqual({ grants: [{ role_id: 'rol_finance', project_ids: null }] });
  });
});
