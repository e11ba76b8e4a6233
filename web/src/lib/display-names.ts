/** Names of things the API sends as codes: card schemes, countries. */

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
