import type { MessageKey, Translate } from './types';

/** Messages that come in plural forms: `<base>.one` and `<base>.other` (more categories per language later). */
export type PluralMessageBase = {
  [K in MessageKey]: K extends `${infer Base}.other` ? Base : never;
}[MessageKey];

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * The right plural form of a counted message, by CLDR plural rules:
 * `plural(t, 'en', 'roles.permissionCount', 1)` → "1 permission".
 * Every form takes `{count}`; categories the catalogue lacks fall back to `other`.
 */
export function plural(t: Translate, locale: string, base: PluralMessageBase, count: number): string {
  let rules = pluralRules.get(locale);
  if (rules === undefined) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  const category = rules.select(count);
  const key = (category === 'one' ? `${base}.one` : `${base}.other`) as MessageKey;
  // Every plural form has exactly the {count} placeholder.
  return (t as (key: MessageKey, params: { count: number }) => string)(key, { count });
}
