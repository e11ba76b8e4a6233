import type { Translate } from '../i18n';
import { ApiProblem, clientProblemTypes } from './problem';

/** A sentence for a person, from any error a query or mutation can reject with. */
export function problemMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiProblem)) return t('error.unknown');
  switch (error.type) {
    case clientProblemTypes.network:
      return t('error.network');
    case clientProblemTypes.unexpectedResponse:
      return t('error.unexpectedResponse', { status: error.status });
    case clientProblemTypes.httpStatus:
      return t('error.httpStatus', { status: error.status });
    default: {
      const message = error.detail ?? (error.title || t('error.httpStatus', { status: error.status }));
      if (error.status === 429 && error.retryAfterSeconds !== undefined) {
        return `${message} ${t('error.retryAfter', { seconds: error.retryAfterSeconds })}`;
      }
      return message;
    }
  }
}
