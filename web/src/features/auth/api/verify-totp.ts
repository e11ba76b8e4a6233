import { api, dataOf } from '@/lib/api';
import type { SignedIn } from '../types';

/** POST /api/v1/auth/totp: the second factor; sets the session cookies. */
export async function verifyTotp(challenge: string, code: string): Promise<SignedIn> {
  return dataOf(await api.POST('/api/v1/auth/totp', { body: { challenge, code } }));
}
