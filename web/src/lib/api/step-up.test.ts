import { describe, expect, it, vi } from 'vitest';
import { ApiProblem } from './problem';
import { stepUpActionOf, stepUpHeaders, StepUpCancelled, withStepUp } from './step-up';

const action = { type: 'refund', amount: 1234, currency: 'EUR', payee: 'Ada Lovelace' };

function stepUpRequired(actionBody: unknown = action) {
  return new ApiProblem(
    { type: 'https://kassa.dev/problems/step-up-required', title: 'Step-up required', status: 403 },
    { extensions: { action: actionBody } },
  );
}

describe('withStepUp', () => {
  it('sends once, without a confirmation, when none is needed', async () => {
    const send = vi.fn(async (confirmation: string | undefined) => ({ confirmation }));
    const confirm = vi.fn();
    await expect(withStepUp(send, confirm)).resolves.toEqual({ confirmation: undefined });
    expect(send).toHaveBeenCalledTimes(1);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('asks for the exact action, then sends again with the confirmation', async () => {
    const send = vi
      .fn<(confirmation: string | undefined) => Promise<string>>()
      .mockRejectedValueOnce(stepUpRequired())
      .mockResolvedValueOnce('refunded');
    const confirm = vi.fn(async () => 'conf_1');
    await expect(withStepUp(send, confirm)).resolves.toBe('refunded');
    expect(confirm).toHaveBeenCalledWith(action);
    expect(send.mock.calls).toEqual([[undefined], ['conf_1']]);
  });

  it('rejects with StepUpCancelled, without sending again, when the person cancels', async () => {
    const send = vi.fn(async () => {
      throw stepUpRequired();
    });
    await expect(withStepUp(send, async () => null)).rejects.toBeInstanceOf(StepUpCancelled);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('asks again if the confirmation expired in between, but not forever', async () => {
    const send = vi.fn(async () => {
      throw stepUpRequired();
    });
    let count = 0;
    const confirm = vi.fn(async () => `conf_${++count}`);
    await expect(withStepUp(send, confirm)).rejects.toMatchObject({ status: 403 });
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('passes other failures through untouched', async () => {
    const failure = new ApiProblem({ type: 'https://kassa.dev/problems/forbidden', title: 'Forbidden', status: 403 });
    const confirm = vi.fn();
    await expect(withStepUp(async () => Promise.reject(failure), confirm)).rejects.toBe(failure);
    expect(confirm).not.toHaveBeenCalled();
  });
});

describe('stepUpActionOf', () => {
  it('reads the action of a step-up-required problem only', () => {
    expect(stepUpActionOf(stepUpRequired())).toEqual(action);
    expect(stepUpActionOf(stepUpRequired('not an object'))).toBeUndefined();
    expect(stepUpActionOf(new Error('x'))).toBeUndefined();
  });
});

describe('stepUpHeaders', () => {
  it('adds X-Step-Up-Confirmation only with a confirmation', () => {
    expect(stepUpHeaders(undefined)).toEqual({});
    expect(stepUpHeaders('conf_1')).toEqual({ 'X-Step-Up-Confirmation': 'conf_1' });
  });
});
