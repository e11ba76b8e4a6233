/** Names of things the API sends as codes: card schemes, countries, decline codes. */
import type { PlainMessageKey, Translate } from '@/lib/i18n';

const brandNames: Readonly<Record<string, string>> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
  maestro: 'Maestro',
};

/** The card schemes with a name of their own (the API's codes), for pickers. */
export const knownCardBrands: readonly string[] = Object.keys(brandNames);

/** Card scheme names are proper names: not translated. */
export function cardBrandName(brand: string): string {
  return brandNames[brand.toLowerCase()] ?? (brand === '' ? '' : brand.charAt(0).toUpperCase() + brand.slice(1));
}

/** A country's name in the person's language: ("DE", "en") → "Germany". */
export function countryName(code: string, locale: string): string {
  if (code === '') return '';
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Decline codes with a known meaning (ISO 8583 response codes, SEPA reason
 * codes), in the order pickers list them. (A list, not an object: "14" and
 * the like would be sorted ahead of "05" as object keys.)
 */
const declineReasons: readonly (readonly [string, PlainMessageKey])[] = [
  ['05', 'decline.05'],
  ['14', 'decline.14'],
  ['41', 'decline.41'],
  ['43', 'decline.43'],
  ['51', 'decline.51'],
  ['54', 'decline.54'],
  ['57', 'decline.57'],
  ['61', 'decline.61'],
  ['65', 'decline.65'],
  ['82', 'decline.82'],
  ['91', 'decline.91'],
  ['96', 'decline.96'],
  ['AM04', 'decline.AM04'],
  ['AC04', 'decline.AC04'],
  ['MD06', 'decline.MD06'],
];
const declineReasonKeys: ReadonlyMap<string, PlainMessageKey> = new Map(declineReasons);

/** The decline codes with a known meaning, for pickers. */
export const knownDeclineCodes: readonly string[] = declineReasons.map(([code]) => code);

/** "05 · Do not honour"; an unknown code alone; no code: "No code". */
export function declineReasonLabel(code: string | null, t: Translate): string {
  if (code === null || code === '') return t('decline.none');
  const key = declineReasonKeys.get(code);
  return key === undefined ? code : `${code} · ${t(key)}`;
}
