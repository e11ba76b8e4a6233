import { instantsOfDays } from '@/lib/date-ranges';
import { currencyFractionDigits } from '@/lib/format';
import { decimalToMinorUnits } from '@/lib/money';
import type { paths } from '@/lib/api';
import type { ListFilters } from './types';

export type PaymentsQuery = NonNullable<paths['/api/v1/payments']['get']['parameters']['query']>;
export type OperationsQuery = NonNullable<paths['/api/v1/operations']['get']['parameters']['query']>;
/** The filters both lists share, as the API takes them. */
export type CommonQuery = Omit<PaymentsQuery, 'limit' | 'starting_after'>;

/**
 * The currency whose minor units an amount filter is in: the one currency
 * filtered on; with none, the fallback (the project's or company's
 * currency); with several, theirs if they all have as many decimals, else
 * none (an amount cannot mean the same in JPY and EUR).
 */
export function amountCurrencyOf(currencies: readonly string[], fallback: string): string | null {
  if (currencies.length === 0) return fallback;
  const [first, ...rest] = currencies;
  if (first === undefined) return fallback;
  const digits = currencyFractionDigits(first);
  return rest.every((currency) => currencyFractionDigits(currency) === digits) ? first : null;
}

export interface ListQueryContext {
  /** The project chosen in the header; null for all. */
  projectId: string | null;
  /** The company's business time zone: days begin at its midnight. */
  timeZone: string;
  /** The currency of an amount filter when no currency is filtered on. */
  fallbackCurrency: string;
}

export interface ListQueryResult<Q> {
  query: Q;
  /** Amount bounds that could not be sent (too many decimals for the currency, or no single currency). */
  invalidAmounts: ('amountMin' | 'amountMax')[];
}

/** The API query for the filters the payments and operations lists share. */
export function commonQueryOf(filters: ListFilters, context: ListQueryContext): ListQueryResult<CommonQuery> {
  const query: CommonQuery = {};
  const invalidAmounts: ('amountMin' | 'amountMax')[] = [];
  if (context.projectId !== null) query.project_id = context.projectId;
  if (filters.methods.length > 0) query.method = filters.methods as CommonQuery['method'];
  if (filters.currencies.length > 0) query.currency = filters.currencies;
  if (filters.countries.length > 0) query.country = filters.countries;
  if (filters.cardBrands.length > 0) query.card_brand = filters.cardBrands;
  const amountCurrency = amountCurrencyOf(filters.currencies, context.fallbackCurrency);
  for (const [key, param] of [
    ['amountMin', 'amount_min'],
    ['amountMax', 'amount_max'],
  ] as const) {
    if (filters[key] === '') continue;
    const parsed = amountCurrency === null ? null : decimalToMinorUnits(filters[key], currencyFractionDigits(amountCurrency));
    if (parsed?.ok) query[param] = parsed.minor;
    else invalidAmounts.push(key);
  }
  const { from, to } = instantsOfDays(filters.from, filters.to, context.timeZone);
  if (from !== undefined) query.from = from;
  if (to !== undefined) query.to = to;
  return { query, invalidAmounts };
}

/** GET /payments's query: the shared filters plus status, e-mail, last four and reference. */
export function paymentsQueryOf(filters: ListFilters, context: ListQueryContext): ListQueryResult<CommonQuery> {
  const { query, invalidAmounts } = commonQueryOf(filters, context);
  if (filters.statuses.length > 0) query.status = filters.statuses as CommonQuery['status'];
  if (filters.email !== '') query.email = filters.email;
  if (filters.last4 !== '') query.last4 = filters.last4;
  if (filters.merchantReference !== '') query.merchant_reference = filters.merchantReference;
  return { query, invalidAmounts };
}

type OperationsCommonQuery = Omit<OperationsQuery, 'limit' | 'starting_after'>;

/**
 * GET /operations's query: the shared filters (country and card brand are
 * the operation's payment's) plus operation status, type and decline code.
 */
export function operationsQueryOf(filters: ListFilters, context: ListQueryContext): ListQueryResult<OperationsCommonQuery> {
  const { query: common, invalidAmounts } = commonQueryOf(filters, context);
  const { status: _paymentStatus, email: _email, last4: _last4, merchant_reference: _reference, ...shared } = common;
  const query: OperationsCommonQuery = { ...shared };
  if (filters.statuses.length > 0) query.status = filters.statuses as OperationsCommonQuery['status'];
  if (filters.types.length > 0) query.type = filters.types as OperationsCommonQuery['type'];
  if (filters.declineCodes.length > 0) query.decline_code = filters.declineCodes;
  return { query, invalidAmounts };
}
