import { describe, expect, it } from 'vitest';
import { enrollState, initialSignInState, signInReducer, type SignInEvent, type SignInState } from './sign-in-machine';

const enrollment = { challenge: 'ch_enroll', otpauth_uri: 'otpauth://totp/Kassa:ada', qr_svg: '<svg/>', secret: 'JBSWY3DP' };
const password = initialSignInState('ada@example.com');
const totp: SignInState = { step: 'totp', challenge: 'ch_1', email: 'ada@example.com' };
const recovery: SignInState = { step: 'recovery', challenge: 'ch_1', email: 'ada@example.com' };
const enroll = enrollState(enrollment, 'ada@example.com');
const codes: SignInState = { step: 'recovery-codes', codes: ['a', 'b'] };
const done: SignInState = { step: 'done' };

/** From a state, an event leads to a state: the whole machine as data. */
const transitions: readonly [string, SignInState, SignInEvent, SignInState][] = [
  ['password → code', password, { type: 'password-accepted', email: 'ada@example.com', answer: { next: 'totp', challenge: 'ch_1' } }, totp],
  ['password → enrolment', password, { type: 'password-accepted', email: 'ada@example.com', answer: { next: 'totp_enroll', ...enrollment } }, enroll],
  ['code → recovery', totp, { type: 'use-recovery-code' }, recovery],
  ['recovery → code', recovery, { type: 'use-authenticator' }, totp],
  ['code → done', totp, { type: 'signed-in' }, done],
  ['recovery → done', recovery, { type: 'signed-in' }, done],
  ['enrolment → codes', enroll, { type: 'enrolled', recoveryCodes: ['a', 'b'] }, codes],
  ['codes → done', codes, { type: 'codes-saved' }, done],
  ['code expired → password', totp, { type: 'challenge-expired' }, { step: 'password', notice: 'challenge-expired', email: 'ada@example.com' }],
  ['recovery expired → password', recovery, { type: 'challenge-expired' }, { step: 'password', notice: 'challenge-expired', email: 'ada@example.com' }],
  ['enrolment expired → password', enroll, { type: 'challenge-expired' }, { step: 'password', notice: 'challenge-expired', email: 'ada@example.com' }],
  ['start over keeps the e-mail', totp, { type: 'restart' }, password],
  // Events that do not belong to a step change nothing.
  ['signed-in on the password step', password, { type: 'signed-in' }, password],
  ['enrolled on the code step', totp, { type: 'enrolled', recoveryCodes: [] }, totp],
  ['codes-saved before the codes', enroll, { type: 'codes-saved' }, enroll],
  ['a late password answer', totp, { type: 'password-accepted', email: 'x', answer: { next: 'totp', challenge: 'other' } }, totp],
  ['an expired challenge after enrolment', codes, { type: 'challenge-expired' }, codes],
  ['restart after signing in', done, { type: 'restart' }, done],
];

describe('signInReducer', () => {
  it.each(transitions)('%s', (_name, from, event, to) => {
    expect(signInReducer(from, event)).toEqual(to);
  });

  it('keeps only the enrolment fields of the login answer', () => {
    const next = signInReducer(password, {
      type: 'password-accepted',
      email: 'ada@example.com',
      answer: { next: 'totp_enroll', ...enrollment },
    });
    expect(next.step === 'enroll' && Object.keys(next.enrollment).sort()).toEqual(['challenge', 'otpauth_uri', 'qr_svg', 'secret']);
  });
});
