import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { api } from '@/lib/api';

/** POST /api/v1/auth/logout. */
export async function logout(): Promise<void> {
  await api.POST('/api/v1/auth/logout');
}

/**
 * Ends the session, forgets everything cached for this user and goes to the
 * sign-in page. The local part happens even if the server call fails (the
 * session may already be gone).
 */
export function useSignOut(): () => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(async () => {
    try {
      await logout();
    } catch {
      // Signed out locally either way.
    }
    // Leave the signed-in pages first: clearing under them would refetch /me.
    await navigate('/sign-in?reason=signed-out', { replace: true });
    queryClient.clear();
  }, [navigate, queryClient]);
}
