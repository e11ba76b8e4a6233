import { createContext, useCallback, useContext } from 'react';
import { withStepUp, type StepUpConfirmer } from './step-up';

/**
 * How the app asks a person to confirm a step-up: components/step-up-provider
 * shows a dialog. Without a provider every step-up is cancelled.
 */
export const StepUpContext = createContext<StepUpConfirmer | null>(null);

const cancelAll: StepUpConfirmer = async () => null;

export type RunWithStepUp = <T>(send: (confirmation: string | undefined) => Promise<T>) => Promise<T>;

/**
 * For any mutation that may need a step-up:
 * ```ts
 * const withStepUp = useStepUp();
 * mutationFn: (body) => withStepUp((confirmation) =>
 *   api.POST('/api/v1/api-keys', { body, headers: stepUpHeaders(confirmation) }))
 * ```
 * Rejects with StepUpCancelled if the person closes the dialog.
 */
export function useStepUp(): RunWithStepUp {
  const confirm = useContext(StepUpContext) ?? cancelAll;
  return useCallback(<T,>(send: (confirmation: string | undefined) => Promise<T>) => withStepUp(send, confirm), [confirm]);
}
