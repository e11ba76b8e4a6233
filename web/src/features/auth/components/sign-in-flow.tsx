import { useEffect, useReducer } from 'react';
import { useT } from '@/lib/i18n';
import { initialSignInState, signInReducer, type SignInState } from '../sign-in-machine';
import { AuthLayout } from './auth-layout';
import { CodeStep } from './code-step';
import { EnrollStep } from './enroll-step';
import { PasswordStep } from './password-step';
import { RecoveryCodesStep } from './recovery-codes-step';
import { RecoveryStep } from './recovery-step';

export interface SignInFlowProps {
  /** Where to start: the password, or enrolment after an invitation. */
  initial?: SignInState;
  /** Shown above the password form: why the person has to sign in. */
  notice?: string | null;
  /** Signed in (the session cookies are set). */
  onDone: () => void;
}

/** Every step of signing in, from the password to the recovery codes, in one card. */
export function SignInFlow({ initial, notice = null, onDone }: SignInFlowProps) {
  const t = useT();
  const [state, dispatch] = useReducer(signInReducer, initial ?? initialSignInState());

  useEffect(() => {
    if (state.step === 'done') onDone();
  }, [state.step, onDone]);

  switch (state.step) {
    case 'password':
      return (
        <AuthLayout documentTitle={t('signIn.documentTitle')}>
          <PasswordStep
            initialEmail={state.email}
            notice={state.notice === 'challenge-expired' ? t('signIn.notice.challengeExpired') : notice}
            onAccepted={(email, answer) => dispatch({ type: 'password-accepted', email, answer })}
          />
        </AuthLayout>
      );
    case 'totp':
      return (
        <AuthLayout documentTitle={t('signIn.code.documentTitle')}>
          <CodeStep
            challenge={state.challenge}
            email={state.email}
            onSignedIn={() => dispatch({ type: 'signed-in' })}
            onUseRecoveryCode={() => dispatch({ type: 'use-recovery-code' })}
            onChallengeExpired={() => dispatch({ type: 'challenge-expired' })}
            onRestart={() => dispatch({ type: 'restart' })}
          />
        </AuthLayout>
      );
    case 'recovery':
      return (
        <AuthLayout documentTitle={t('signIn.recovery.documentTitle')}>
          <RecoveryStep
            challenge={state.challenge}
            onSignedIn={() => dispatch({ type: 'signed-in' })}
            onUseAuthenticator={() => dispatch({ type: 'use-authenticator' })}
            onChallengeExpired={() => dispatch({ type: 'challenge-expired' })}
          />
        </AuthLayout>
      );
    case 'enroll':
      return (
        <AuthLayout documentTitle={t('enroll.documentTitle')} wide>
          <EnrollStep
            enrollment={state.enrollment}
            onEnrolled={(answer) => dispatch({ type: 'enrolled', recoveryCodes: answer.recovery_codes })}
            onChallengeExpired={() => dispatch({ type: 'challenge-expired' })}
          />
        </AuthLayout>
      );
    case 'recovery-codes':
      return (
        <AuthLayout documentTitle={t('recoveryCodes.documentTitle')} wide>
          <RecoveryCodesStep codes={state.codes} onContinue={() => dispatch({ type: 'codes-saved' })} />
        </AuthLayout>
      );
    case 'done':
      return null;
  }
}
