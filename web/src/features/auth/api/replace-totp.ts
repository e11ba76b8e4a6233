import { api, dataOf } from '@/lib/api';
import type { TotpEnrollment } from '../types';

/** POST /api/v1/me/totp/replace: a code from the current authenticator; answers the new secret. */
export async function replaceTotp(code: string): Promise<TotpEnrollment> {
  return dataOf(await api.POST('/api/v1/me/totp/replace', { body: { code } }));
}
