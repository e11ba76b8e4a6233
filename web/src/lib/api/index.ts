export { activityStorageKey, lastApiRequestAtMs, noteApiRequest, resetApiActivity, subscribeApiActivity } from './activity';
export { api, createApiClient, dataOf, type ApiClient, type ApiPaths } from './client';
export { attemptKey, idempotencyHeaderName, newIdempotencyKey, withAttemptKeys } from './idempotency';
export { problemMessage } from './problem-message';
export {
  ApiProblem,
  clientProblemTypes,
  isApiProblem,
  problemSlugs,
  problemTypePrefix,
  type ProblemBody,
  type ProblemFieldError,
} from './problem';
export { isQuietError } from './quiet-errors';
export type { components, paths } from './schema';
export { sessionEndReason, subscribeSessionEnded, type SessionEndReason } from './session-events';
export {
  confirmStepUp,
  isStepUpCancelled,
  stepUpActionOf,
  stepUpHeaderName,
  stepUpHeaders,
  StepUpCancelled,
  withStepUp,
  type StepUpAction,
  type StepUpConfirmer,
} from './step-up';
export { StepUpContext, useStepUp, type RunWithStepUp } from './use-step-up';
export {
  ConflictContext,
  useVersionCheck,
  type ConflictField,
  type ConflictQuestion,
  type ConflictResolver,
  type VersionedChange,
} from './use-version-check';
export {
  ConflictUnresolved,
  ifMatch,
  isConflictUnresolved,
  versionConflictOf,
  withVersionCheck,
  type ConflictChoice,
  type Versioned,
} from './version-conflict';
