import { isApiProblem } from '@/lib/api';
import type { Translate } from '@/lib/i18n';

/** A heading for a failed change: a 403 says plainly that the person may not change rates. */
export function changeProblemTitle(error: unknown, t: Translate): string | undefined {
  return isApiProblem(error) && error.status === 403 ? t('fxRates.forbidden') : undefined;
}
