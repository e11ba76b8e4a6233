import { api, dataOf } from '@/lib/api';
import type { SignedIn } from '../types';

/** POST /api/v1/auth/recovery: a recovery code instead of the authenticator. */
export async function signInWithRecoveryCode(challenge: string, recoveryCode: string): Promise<SignedIn> {
  return dataOf(await api.POST('/api/v1/auth/recovery', { body: { challenge, recovery_code: recoveryCode } }));
}
