/** ISO 4217 codes the browser knows, for currency pickers. */
export function currencyCodes(): string[] {
  try {
    return Intl.supportedValuesOf('currency');
  } catch {
    return ['CHF', 'EUR', 'GBP', 'PLN', 'SEK', 'USD'];
  }
}

/** IANA time zones the browser knows, for time zone pickers. */
export function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC', 'Europe/Berlin', 'Europe/London'];
  }
}

/** "EUR — Euro", in the person's language. */
export function currencyLabel(code: string, locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'currency' }).of(code);
    return name === undefined || name === code ? code : `${code} — ${name}`;
  } catch {
    return code;
  }
}
