import { api, dataOf, type components } from '@/lib/api';

export type EnrollChallenge = components['schemas']['EnrollChallenge'];

/** POST /api/v1/invitations/{token}/accept: name and password; enrolment comes next. */
export async function acceptInvitation(token: string, name: string, password: string): Promise<EnrollChallenge> {
  return dataOf(
    await api.POST('/api/v1/invitations/{token}/accept', { params: { path: { token } }, body: { name, password } }),
  );
}
