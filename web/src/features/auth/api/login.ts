import { api, dataOf } from '@/lib/api';
import type { LoginChallenge } from '../types';

/** POST /api/v1/auth/login: the first factor. */
export async function login(email: string, password: string): Promise<LoginChallenge> {
  return dataOf(await api.POST('/api/v1/auth/login', { body: { email, password } }));
}
