import { describe, expect, it } from 'vitest';
import { checkPasswordRules, passwordLength, passwordLooksValid } from './password-rules';

const stateOf = (password: string) =>
  Object.fromEntries(checkPasswordRules(password).map((rule) => [rule.id, rule.state]));

describe('password rules', () => {
  it.each([
    ['', { length: 'unmet', letter: 'unmet', digit: 'unmet' }],
    ['abc', { length: 'unmet', letter: 'met', digit: 'unmet' }],
    ['123456789012', { length: 'met', letter: 'unmet', digit: 'met' }],
    ['abcdefghijkl', { length: 'met', letter: 'met', digit: 'unmet' }],
    ['abcdefghijk1', { length: 'met', letter: 'met', digit: 'met' }],
    ['ääääääääääää1', { length: 'met', letter: 'met', digit: 'met' }],
    ['a1'.repeat(64), { length: 'met', letter: 'met', digit: 'met' }],
    [`${'a1'.repeat(64)}x`, { length: 'unmet', letter: 'met', digit: 'met' }],
  ])('%j', (password, expected) => {
    expect(stateOf(password)).toMatchObject({ ...expected, common: 'server' });
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passwordLength('🔑🔑🔑')).toBe(3);
    expect(stateOf('🔑'.repeat(11) + 'a')).toMatchObject({ length: 'met' });
  });

  it('lists the reuse rule only when changing a password', () => {
    expect(checkPasswordRules('x').map((rule) => rule.id)).not.toContain('reused');
    expect(checkPasswordRules('x', { checksReuse: true }).map((rule) => rule.id)).toContain('reused');
  });

  it('looks valid only when every local rule is met', () => {
    expect(passwordLooksValid('correct horse 42')).toBe(true);
    expect(passwordLooksValid('correct horse')).toBe(false);
    expect(passwordLooksValid('short 1')).toBe(false);
  });
});
