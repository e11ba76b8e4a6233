import { Center, Loader, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { IdleWarning } from '@/features/auth/components/idle-warning';
import { isApiProblem, sessionEndReason, subscribeSessionEnded, type SessionEndReason } from '@/lib/api';
import { signInPath, useMe, useSignOut } from '@/lib/auth';
import { I18nProvider, useT } from '@/lib/i18n';

function reasonParam(reason: SessionEndReason): string | undefined {
  return reason === 'unauthenticated' ? undefined : reason;
}

/**
 * The auth gate around every Dashboard route: nothing renders until GET /me
 * answers; without a session, the sign-in page (coming back here after).
 * Any request that finds the session gone leads there too, and the idle
 * warning runs while signed in.
 */
export function RequireSession() {
  const t = useT();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const here = `${location.pathname}${location.search}`;

  const endSession = useCallback(
    (reason: SessionEndReason) => {
      void Promise.resolve(navigate(signInPath(here, reasonParam(reason)), { replace: true })).then(() => queryClient.clear());
    },
    [here, navigate, queryClient],
  );

  useEffect(() => subscribeSessionEnded(endSession), [endSession]);

  if (me.isPending) {
    return (
      <Center mih="100dvh">
        <Loader size="md" aria-label={t('state.loading')} />
      </Center>
    );
  }
  if (me.isError) {
    if (isApiProblem(me.error) && me.error.status === 401) {
      return <Navigate to={signInPath(here, reasonParam(sessionEndReason(me.error)))} replace />;
    }
    return (
      <Center mih="100dvh" p="md" component="main">
        <Stack maw={480} w="100%">
          <ErrorState error={me.error} onRetry={() => void me.refetch()} retrying={me.isFetching} />
        </Stack>
      </Center>
    );
  }
  return (
    <I18nProvider timeZone={me.data.company.time_zone}>
      <Outlet />
      <IdleWarning
        limits={me.data.session}
        onStaySignedIn={() => me.refetch()}
        onSignOut={() => void signOut()}
        onEnded={endSession}
      />
    </I18nProvider>
  );
}
