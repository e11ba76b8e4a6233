import { api } from '@/lib/api';

/** POST /api/v1/me/password. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await api.POST('/api/v1/me/password', { body: { current_password: currentPassword, new_password: newPassword } });
}
