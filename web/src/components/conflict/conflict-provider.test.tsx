import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, makeProject } from '@/testing/fixtures';
import { jsonResponse, kassaProblem, renderSignedIn, stubApi } from '@/testing/render';

const theirs = makeProject({ name: 'Their name', version: 9 });

function server() {
  let saved = makeProject({ version: 4 });
  return stubApi({
    'GET /api/v1/me': () => jsonResponse(makeMe()),
    'GET /api/v1/company': () => jsonResponse(makeMe().company),
    'GET /api/v1/projects': () => jsonResponse({ data: [saved], has_more: false }),
    'PATCH /api/v1/projects/prj_shop': async (request) => {
      if (request.headers.get('If-Match') !== '"9"') {
        saved = theirs;
        return kassaProblem(412, 'version-conflict', 'Someone else changed this.', { current: theirs });
      }
      saved = { ...theirs, name: 'My name', version: 10 };
      return jsonResponse(saved);
    },
  });
}

async function rename(user: Awaited<ReturnType<typeof renderSignedIn>>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Actions for Web shop' }));
  await user.click(await screen.findByRole('menuitem', { name: 'Rename' }));
  const dialog = await screen.findByRole('dialog', { name: 'Rename project' });
  const name = within(dialog).getByRole('textbox', { name: /Name/ });
  await user.clear(name);
  await user.type(name, 'My name');
  await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
}

describe('412 conflicts', () => {
  it('sends If-Match, shows both versions on a conflict, and overwrites on the current version', async () => {
    const { requests } = server();
    const { user } = await renderSignedIn('/settings/projects');
    await rename(user);

    const dialog = await screen.findByRole('dialog', { name: 'Someone else changed this' });
    const table = within(dialog).getByTestId('conflict-table');
    const row = within(table).getByRole('row', { name: /Name/ });
    expect(row).toHaveTextContent('My name');
    expect(row).toHaveTextContent('Their name');
    await user.click(within(dialog).getByRole('button', { name: 'Overwrite' }));

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Rename project' })).toBeNull());
    const patches = requests.filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => r.headers.get('If-Match'))).toEqual(['"4"', '"9"']);
    expect(patches.map((r) => r.json)).toEqual([{ name: 'My name' }, { name: 'My name' }]);
    expect(await within(screen.getByTestId('projects-table')).findByText('My name')).toBeInTheDocument();
  });

  it('on "Reload", keeps their version and sends nothing more', async () => {
    const { requests } = server();
    const { user } = await renderSignedIn('/settings/projects');
    await rename(user);
    const dialog = await screen.findByRole('dialog', { name: 'Someone else changed this' });
    await user.click(within(dialog).getByRole('button', { name: 'Reload' }));

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Rename project' })).toBeNull());
    expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    expect(await within(screen.getByTestId('projects-table')).findByText('Their name')).toBeInTheDocument();
  });

  it('on "Cancel", leaves the form open with the person’s change, and no error', async () => {
    server();
    const { user } = await renderSignedIn('/settings/projects');
    await rename(user);
    const dialog = await screen.findByRole('dialog', { name: 'Someone else changed this' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    const form = await screen.findByRole('dialog', { name: 'Rename project' });
    expect(within(form).getByRole('textbox', { name: /Name/ })).toHaveValue('My name');
    expect(within(form).queryByRole('alert')).toBeNull();
  });
});
