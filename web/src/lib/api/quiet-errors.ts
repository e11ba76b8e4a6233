import { isStepUpCancelled } from './step-up';
import { isConflictUnresolved } from './version-conflict';

/** The person chose not to go on (closed a step-up or conflict dialog): say nothing. */
export function isQuietError(error: unknown): boolean {
  return isStepUpCancelled(error) || isConflictUnresolved(error);
}
