import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { InvitationAccept } from '@/features/auth/components/invitation-accept';
import { SignInFlow } from '@/features/auth/components/sign-in-flow';
import { safeNextPath } from '@/lib/auth';
import { useT, type Translate } from '@/lib/i18n';

function noticeFor(reason: string | null, t: Translate): string | null {
  switch (reason) {
    case 'idle':
      return t('signIn.notice.idle');
    case 'absolute':
      return t('signIn.notice.absolute');
    case 'signed-out':
      return t('signIn.notice.signedOut');
    default:
      return null;
  }
}

/** Signed in: forget what the cache held (another user's data) and go on. */
function useAfterSignIn(path: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(() => {
    queryClient.clear();
    void navigate(path, { replace: true });
  }, [navigate, path, queryClient]);
}

/** `/sign-in?next=&reason=` */
export function SignInRoute() {
  const t = useT();
  const [params] = useSearchParams();
  const onDone = useAfterSignIn(safeNextPath(params.get('next')));
  return <SignInFlow notice={noticeFor(params.get('reason'), t)} onDone={onDone} />;
}

/** `/invitations/:token` */
export function InvitationRoute() {
  const { token = '' } = useParams();
  const onDone = useAfterSignIn('/');
  return <InvitationAccept token={token} onDone={onDone} />;
}
