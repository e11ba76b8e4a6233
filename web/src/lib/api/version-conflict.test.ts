import { describe, expect, it, vi } from 'vitest';
import { ApiProblem } from './problem';
import { ConflictUnresolved, ifMatch, versionConflictOf, withVersionCheck } from './version-conflict';

const current = { id: 'prj_shop', name: 'Their name', version: 8 };

function stale(body: unknown = current) {
  return new ApiProblem(
    { type: 'https://kassa.dev/problems/version-conflict', title: 'Precondition Failed', status: 412 },
    { extensions: { current: body } },
  );
}

describe('ifMatch', () => {
  it('quotes the version as an entity tag', () => {
    expect(ifMatch(7)).toBe('"7"');
  });
});

describe('withVersionCheck', () => {
  it('sends the change based on the version it was made on', async () => {
    const send = vi.fn(async (version: number) => ({ version: version + 1 }));
    await expect(withVersionCheck(7, send, vi.fn())).resolves.toEqual({ version: 8 });
    expect(send).toHaveBeenCalledWith(7);
  });

  it('on "overwrite", sends the same change again on the current version', async () => {
    const send = vi.fn<(version: number) => Promise<string>>().mockRejectedValueOnce(stale()).mockResolvedValueOnce('saved');
    const resolve = vi.fn(async () => 'overwrite' as const);
    await expect(withVersionCheck(7, send, resolve)).resolves.toBe('saved');
    expect(resolve).toHaveBeenCalledWith(current);
    expect(send.mock.calls).toEqual([[7], [8]]);
  });

  it.each(['reload', 'cancel'] as const)('on "%s", sends nothing more and says so', async (choice) => {
    const send = vi.fn(async () => {
      throw stale();
    });
    const failure = withVersionCheck(7, send, async () => choice);
    await expect(failure).rejects.toBeInstanceOf(ConflictUnresolved);
    await expect(failure).rejects.toMatchObject({ choice, current });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('gives up after a bounded number of overwrites that keep conflicting', async () => {
    const send = vi.fn(async () => {
      throw stale();
    });
    await expect(withVersionCheck(7, send, async () => 'overwrite')).rejects.toMatchObject({ status: 412 });
    expect(send).toHaveBeenCalledTimes(4);
  });

  it('does not treat a 412 without `current` as a conflict it can resolve', async () => {
    const failure = stale('nope');
    const resolve = vi.fn();
    await expect(withVersionCheck(7, async () => Promise.reject(failure), resolve)).rejects.toBe(failure);
    expect(resolve).not.toHaveBeenCalled();
    expect(versionConflictOf(failure)).toBeUndefined();
  });
});
