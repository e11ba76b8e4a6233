import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { createTranslator, defaultLocale, pickLocale } from './translate';
import type { Locale, Translate } from './types';

export interface I18nValue {
  /** The message catalogue in use. */
  locale: Locale;
  /** The BCP 47 tag used for numbers, amounts and dates (the user's own, e.g. 'de-CH'). */
  formatLocale: string;
  /** The company's business time zone (IANA), for every date shown. */
  timeZone: string;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [defaultLocale];
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}

export interface I18nProviderProps {
  children: ReactNode;
  /** Defaults to the best match for the browser's languages. */
  locale?: Locale;
  formatLocale?: string;
  /** Defaults to UTC until the company's time zone comes from the server. */
  timeZone?: string;
}

export function I18nProvider({ children, locale, formatLocale, timeZone = 'UTC' }: I18nProviderProps) {
  const value = useMemo<I18nValue>(() => {
    const languages = browserLanguages();
    const resolved = locale ?? pickLocale(languages);
    return {
      locale: resolved,
      formatLocale: formatLocale ?? languages[0] ?? resolved,
      timeZone,
      t: createTranslator(resolved),
    };
  }, [locale, formatLocale, timeZone]);

  useEffect(() => {
    // Screen readers pick their voice from <html lang>: it must match the text shown.
    document.documentElement.lang = value.locale;
  }, [value.locale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (value === null) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** The translate function alone: `const t = useT(); t('nav.group.settings')`. */
export function useT(): Translate {
  return useI18n().t;
}
