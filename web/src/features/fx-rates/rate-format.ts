/**
 * A rate (a decimal string, exact) in the person's locale without going
 * through a float: "1234.5" → "1,234.5" (en-US), "1.234,5" (de-DE).
 */
export function formatRate(rate: string, locale: string): string {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(rate);
  if (match === null) return rate;
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Number(match[1]));
  if (match[2] === undefined) return whole;
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
  return `${whole}${decimal}${match[2]}`;
}
