import type { en } from './messages/en';

/** English is the source catalogue: its keys are the only valid keys. */
export type MessageKey = keyof typeof en;

/** A translation supplies every key; missing keys are a type error. */
export type Catalogue = { readonly [K in MessageKey]: string };

/** Catalogues the app ships. Add 'de' | 'fr' | 'es' | 'ru' with their files. */
export type Locale = 'en';

/** The `{name}` placeholders of one English message, as a union of names. */
type PlaceholderNames<Message extends string> = Message extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholderNames<Rest>
  : never;

/** Keys whose message has no placeholders: safe to keep in data and pass to `t` alone. */
export type PlainMessageKey = {
  [K in MessageKey]: [PlaceholderNames<(typeof en)[K]>] extends [never] ? K : never;
}[MessageKey];

export type MessageParamValue = string | number;

/** `t('a.key')` takes no params; `t('b.key', { name })` requires exactly its placeholders. */
export type MessageParams<K extends MessageKey> = [PlaceholderNames<(typeof en)[K]>] extends [never]
  ? []
  : [params: { readonly [P in PlaceholderNames<(typeof en)[K]>]: MessageParamValue }];

export type Translate = <K extends MessageKey>(key: K, ...params: MessageParams<K>) => string;
