import { api, dataOf } from '@/lib/api';
import type { Enrolled } from '../types';

/**
 * POST /api/v1/auth/totp/enroll: the first code from a new authenticator.
 * Ends every enrolment: at first sign-in, after an invitation, and when
 * replacing the authenticator.
 */
export async function enrollTotp(challenge: string, code: string): Promise<Enrolled> {
  return dataOf(await api.POST('/api/v1/auth/totp/enroll', { body: { challenge, code } }));
}
