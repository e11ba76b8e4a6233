import { en } from './messages/en';
import type { Catalogue, Locale, MessageKey, MessageParamValue, Translate } from './types';

export const catalogues: Readonly<Record<Locale, Catalogue>> = { en };

export const defaultLocale: Locale = 'en';

export function isLocale(value: string): value is Locale {
  return Object.hasOwn(catalogues, value);
}

/**
 * The catalogue locale for a list of preferred BCP 47 tags (`navigator.languages`):
 * the first whose language we ship, else English. 'de-AT' picks 'de'.
 */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const language = tag.toLowerCase().split('-')[0] ?? '';
    if (isLocale(language)) return language;
  }
  return defaultLocale;
}

const placeholderPattern = /\{(\w+)\}/g;

function interpolate(message: string, params: Readonly<Record<string, MessageParamValue>> | undefined): string {
  if (params === undefined) return message;
  return message.replace(placeholderPattern, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function createTranslator(locale: Locale): Translate {
  const catalogue = catalogues[locale];
  return ((key: MessageKey, params?: Readonly<Record<string, MessageParamValue>>) => {
    return interpolate(catalogue[key], params);
  }) as Translate;
}
