export { I18nProvider, useI18n, useT, type I18nValue } from './i18n-provider';
export { plural, type PluralMessageBase } from './plural';
export { catalogues, createTranslator, defaultLocale, pickLocale } from './translate';
export type { Catalogue, Locale, MessageKey, MessageParams, PlainMessageKey, Translate } from './types';
