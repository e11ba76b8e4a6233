/**
 * The password rules the server enforces (docs/openapi.yaml,
 * AcceptInvitationRequest): 12 to 128 characters, a letter and a digit,
 * not a common password, not one of the user's last 4. The first three are
 * checked here as the person types; the others only the server can check.
 */
export const passwordLengthMin = 12;
export const passwordLengthMax = 128;

export type PasswordRuleId = 'length' | 'letter' | 'digit' | 'common' | 'reused';

export interface PasswordRuleState {
  id: PasswordRuleId;
  /** `met`/`unmet` are checked here; `server` rules are checked on submit. */
  state: 'met' | 'unmet' | 'server';
}

/** Characters as a person counts them (code points), not UTF-16 units. */
export function passwordLength(password: string): number {
  return [...password].length;
}

export function checkPasswordRules(password: string, options: { checksReuse?: boolean } = {}): PasswordRuleState[] {
  const length = passwordLength(password);
  const rules: PasswordRuleState[] = [
    { id: 'length', state: length >= passwordLengthMin && length <= passwordLengthMax ? 'met' : 'unmet' },
    { id: 'letter', state: /\p{L}/u.test(password) ? 'met' : 'unmet' },
    { id: 'digit', state: /\p{Nd}/u.test(password) ? 'met' : 'unmet' },
    { id: 'common', state: 'server' },
  ];
  if (options.checksReuse === true) rules.push({ id: 'reused', state: 'server' });
  return rules;
}

/** True when every rule that can be checked here is met. */
export function passwordLooksValid(password: string): boolean {
  return checkPasswordRules(password).every((rule) => rule.state !== 'unmet');
}
