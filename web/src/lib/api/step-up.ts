import { api, dataOf } from './client';
import { isApiProblem, problemSlugs } from './problem';
import type { components } from './schema';

/**
 * Step-up confirmation (PSD2 dynamic linking). A sensitive request sent
 * without a confirmation answers 403 `step-up-required` with the exact
 * `action`; the person confirms that action with a fresh TOTP code
 * (`POST /step-up`), and the request is sent again with the confirmation.
 */

export type StepUpAction = components['schemas']['StepUpAction'];

export const stepUpHeaderName = 'X-Step-Up-Confirmation';

/** A request may ask for confirmation again (the confirmation expired meanwhile): at most this often. */
export const stepUpRoundsMax = 2;

/** The person closed the dialog: the request was not sent again. Not an error to show. */
export class StepUpCancelled extends Error {
  override readonly name = 'StepUpCancelled';
  constructor() {
    super('The person did not confirm the action.');
  }
}

export function isStepUpCancelled(error: unknown): error is StepUpCancelled {
  return error instanceof StepUpCancelled;
}

function isAction(value: unknown): value is StepUpAction {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** The action to confirm, if the error is a step-up-required problem. */
export function stepUpActionOf(error: unknown): StepUpAction | undefined {
  if (!isApiProblem(error) || !error.is(problemSlugs.stepUpRequired)) return undefined;
  const action = error.extensions.action;
  return isAction(action) ? action : undefined;
}

/** Headers for a request: the confirmation when there is one. */
export function stepUpHeaders(confirmation: string | undefined): { [stepUpHeaderName]?: string } {
  return confirmation === undefined ? {} : { [stepUpHeaderName]: confirmation };
}

/**
 * Asks the person to confirm an action; resolves with the confirmation
 * token from `POST /step-up`, or null when they cancel.
 */
export type StepUpConfirmer = (action: StepUpAction) => Promise<string | null>;

/**
 * Sends a request; when the server wants a step-up, asks for it and sends the
 * request again with the confirmation. `send` gets the confirmation (none on
 * the first try) and must put it in the headers, e.g. with `stepUpHeaders`.
 */
export async function withStepUp<T>(
  send: (confirmation: string | undefined) => Promise<T>,
  confirm: StepUpConfirmer,
): Promise<T> {
  let confirmation: string | undefined;
  for (let round = 0; ; round += 1) {
    try {
      return await send(confirmation);
    } catch (error) {
      const action = stepUpActionOf(error);
      if (action === undefined || round >= stepUpRoundsMax) throw error;
      const confirmed = await confirm(action);
      if (confirmed === null) throw new StepUpCancelled();
      confirmation = confirmed;
    }
  }
}

/** POST /api/v1/step-up: the action exactly as the server described it, and a fresh code. */
export async function confirmStepUp(action: StepUpAction, code: string): Promise<string> {
  const body = dataOf(await api.POST('/api/v1/step-up', { body: { action, code } }));
  return body.confirmation;
}
