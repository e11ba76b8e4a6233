import type { LoginChallenge, TotpEnrollment } from './types';

/**
 * The steps of signing in, as a pure state machine (the screens only render
 * a state and send events):
 *
 *   password ──totp──────────► totp ◄──► recovery ──► done
 *       │                        │
 *       └──totp_enroll──► enroll └──────────────────► done
 *                           └──► recovery-codes ─────► done
 *
 * An expired challenge, from any step, goes back to the password with a notice.
 */
export type SignInState =
  | { step: 'password'; notice: SignInNotice | null; email: string }
  | { step: 'totp'; challenge: string; email: string }
  | { step: 'recovery'; challenge: string; email: string }
  | { step: 'enroll'; enrollment: TotpEnrollment; email: string }
  | { step: 'recovery-codes'; codes: readonly string[] }
  | { step: 'done' };

export type SignInNotice = 'challenge-expired';

export type SignInEvent =
  | { type: 'password-accepted'; email: string; answer: LoginChallenge }
  | { type: 'use-recovery-code' }
  | { type: 'use-authenticator' }
  | { type: 'signed-in' }
  | { type: 'enrolled'; recoveryCodes: readonly string[] }
  | { type: 'codes-saved' }
  | { type: 'challenge-expired' }
  | { type: 'restart' };

export function initialSignInState(email = ''): SignInState {
  return { step: 'password', notice: null, email };
}

/** The enrolment step, as reached from an accepted invitation. */
export function enrollState(enrollment: TotpEnrollment, email: string): SignInState {
  return { step: 'enroll', enrollment, email };
}

function emailOf(state: SignInState): string {
  return 'email' in state ? state.email : '';
}

/** Events that do not apply to the current step leave it unchanged. */
export function signInReducer(state: SignInState, event: SignInEvent): SignInState {
  switch (event.type) {
    case 'password-accepted': {
      if (state.step !== 'password') return state;
      const { answer, email } = event;
      if (answer.next === 'totp') return { step: 'totp', challenge: answer.challenge, email };
      const { challenge, otpauth_uri, qr_svg, secret } = answer;
      return { step: 'enroll', enrollment: { challenge, otpauth_uri, qr_svg, secret }, email };
    }
    case 'use-recovery-code':
      return state.step === 'totp' ? { step: 'recovery', challenge: state.challenge, email: state.email } : state;
    case 'use-authenticator':
      return state.step === 'recovery' ? { step: 'totp', challenge: state.challenge, email: state.email } : state;
    case 'signed-in':
      return state.step === 'totp' || state.step === 'recovery' ? { step: 'done' } : state;
    case 'enrolled':
      return state.step === 'enroll' ? { step: 'recovery-codes', codes: event.recoveryCodes } : state;
    case 'codes-saved':
      return state.step === 'recovery-codes' ? { step: 'done' } : state;
    case 'challenge-expired':
      if (state.step === 'recovery-codes' || state.step === 'done') return state;
      return { step: 'password', notice: 'challenge-expired', email: emailOf(state) };
    case 'restart':
      if (state.step === 'recovery-codes' || state.step === 'done') return state;
      return initialSignInState(emailOf(state));
  }
}
