import type { PlainMessageKey, Translate } from './i18n';

const builtinRoleLabels: Readonly<Record<string, PlainMessageKey>> = {
  owner: 'role.builtin.owner',
  administrator: 'role.builtin.administrator',
  finance: 'role.builtin.finance',
  operator: 'role.builtin.operator',
  fraud_analyst: 'role.builtin.fraudAnalyst',
  support: 'role.builtin.support',
  developer: 'role.builtin.developer',
  viewer: 'role.builtin.viewer',
};

/** Built-in roles have machine names (`fraud_analyst`): show them in words. Custom roles show as named. */
export function roleLabel(name: string, t: Translate): string {
  const key = builtinRoleLabels[name];
  return key === undefined ? name : t(key);
}
