import type { components } from '@/lib/api';
import { isInstant, isoDatePattern } from '@/lib/date-ranges';
import { cursorsParam } from '@/lib/keyset-paging';

export type Payment = components['schemas']['Payment'];
export type Operation = components['schemas']['Operation'];
export type PaymentStatus = components['schemas']['PaymentStatus'];
export type OperationStatus = components['schemas']['OperationStatus'];
export type OperationType = components['schemas']['OperationType'];
export type PaymentMethod = components['schemas']['PaymentMethod'];
export type LedgerEntry = components['schemas']['LedgerEntry'];
export type LedgerAccount = components['schemas']['LedgerAccount'];

export interface ProjectOption {
  id: string;
  name: string;
  default_currency: string;
}

export const paymentStatuses: readonly PaymentStatus[] = [
  'success',
  'awaiting_capture',
  'processing',
  'partially_refunded',
  'refunded',
  'partially_charged_back',
  'charged_back',
  'declined',
  'cancelled',
];

export const operationStatuses: readonly OperationStatus[] = ['success', 'processing', 'decline', 'error'];

export const operationTypes: readonly OperationType[] = ['sale', 'auth', 'capture', 'cancel', 'refund', 'chargeback', 'reversal'];

export const paymentMethods: readonly PaymentMethod[] = ['card', 'apple_pay', 'google_pay', 'sepa'];

/**
 * The filters of the payments and operations lists, as kept in the URL.
 * Amounts are decimals in major units as the person typed them ("12.50");
 * they become minor units only with a currency (see amountQueryOf).
 */
export interface ListFilters {
  /** Payment statuses on the payments list, operation statuses on the operations list. */
  statuses: string[];
  /** Operation types (operations list only). */
  types: string[];
  methods: string[];
  currencies: string[];
  countries: string[];
  /** Card brands (`visa`, …); `none`: payments without a card (SEPA). */
  cardBrands: string[];
  /** Decline codes (`05`, …); `none`: operations without one (operations list only). */
  declineCodes: string[];
  amountMin: string;
  amountMax: string;
  /**
   * Calendar days (YYYY-MM-DD) in the company's time zone, both inclusive;
   * or instants with a zone (a chart's hour opens the list so), `to` exclusive.
   */
  from: string;
  to: string;
  email: string;
  last4: string;
  merchantReference: string;
}

export const emptyListFilters: ListFilters = {
  statuses: [],
  types: [],
  methods: [],
  currencies: [],
  countries: [],
  cardBrands: [],
  declineCodes: [],
  amountMin: '',
  amountMax: '',
  from: '',
  to: '',
  email: '',
  last4: '',
  merchantReference: '',
};

/** URL parameter of each filter: the API's names, so a URL reads like the request behind it. */
export const listFilterParams: Readonly<Record<keyof ListFilters, string>> = {
  statuses: 'status',
  types: 'type',
  methods: 'method',
  currencies: 'currency',
  countries: 'country',
  cardBrands: 'card_brand',
  declineCodes: 'decline_code',
  amountMin: 'amount_min',
  amountMax: 'amount_max',
  from: 'from',
  to: 'to',
  email: 'email',
  last4: 'last4',
  merchantReference: 'merchant_reference',
};

/** The URL parameter of the page size. */
export const limitParam = 'limit';
export const pageSizes = [25, 50, 100] as const;
export const defaultPageSize = 25;

type ListKey = Exclude<keyof ListFilters, 'amountMin' | 'amountMax' | 'from' | 'to' | 'email' | 'last4' | 'merchantReference'>;

/** What each list accepts; values outside these are dropped when read from the URL. */
export interface ListVocabulary {
  statuses: readonly string[];
  types: readonly string[];
  /** Whether the list filters by decline code (GET /payments answers 400 to one). */
  declineCodes: boolean;
}

export const paymentVocabulary: ListVocabulary = { statuses: paymentStatuses, types: [], declineCodes: false };
export const operationVocabulary: ListVocabulary = { statuses: operationStatuses, types: operationTypes, declineCodes: true };

/** The value of the card brand and decline code filters for "without one" (the API's word). */
export const noneValue = 'none';

const listValueChecks: Readonly<Record<ListKey, (value: string, vocabulary: ListVocabulary) => boolean>> = {
  statuses: (value, vocabulary) => vocabulary.statuses.includes(value),
  types: (value, vocabulary) => vocabulary.types.includes(value),
  methods: (value) => (paymentMethods as readonly string[]).includes(value),
  currencies: (value) => /^[A-Z]{3}$/.test(value),
  countries: (value) => /^[A-Z]{2}$/.test(value),
  // Scheme codes as the API writes them ("visa", "mastercard"), or "none".
  cardBrands: (value) => /^[a-z0-9_-]{1,32}$/.test(value),
  // ISO 8583 response codes ("05"), SEPA reason codes ("AM04"), or "none".
  declineCodes: (value, vocabulary) => vocabulary.declineCodes && /^[A-Za-z0-9_-]{1,16}$/.test(value),
};

const plainDecimalPattern = /^\d+(\.\d+)?$/;

/**
 * The filters in a URL. What does not make sense is left out rather than
 * sent to the server (a hand-edited or outdated link still opens).
 */
export function listFiltersFromParams(params: URLSearchParams, vocabulary: ListVocabulary): ListFilters {
  const text = (key: keyof ListFilters) => params.get(listFilterParams[key])?.trim() ?? '';
  const list = (key: ListKey) => {
    const values = text(key)
      .split(',')
      .map((value) => value.trim())
      .map((value) => (key === 'currencies' || key === 'countries' ? value.toUpperCase() : key === 'cardBrands' ? value.toLowerCase() : value))
      .filter((value) => value !== '' && listValueChecks[key](value, vocabulary));
    return [...new Set(values)];
  };
  const matching = (key: keyof ListFilters, pattern: RegExp) => (pattern.test(text(key)) ? text(key) : '');
  const dayOrInstant = (key: 'from' | 'to') => (isoDatePattern.test(text(key)) || isInstant(text(key)) ? text(key) : '');
  return {
    statuses: list('statuses'),
    types: list('types'),
    methods: list('methods'),
    currencies: list('currencies'),
    countries: list('countries'),
    cardBrands: list('cardBrands'),
    declineCodes: list('declineCodes'),
    amountMin: matching('amountMin', plainDecimalPattern),
    amountMax: matching('amountMax', plainDecimalPattern),
    from: dayOrInstant('from'),
    to: dayOrInstant('to'),
    email: text('email'),
    last4: matching('last4', /^\d{4}$/),
    merchantReference: text('merchantReference'),
  };
}

/**
 * The URL with these filters. Other parameters (`project`, `limit`) stay;
 * the page position (`cursors`) goes, since it belonged to the old filters.
 */
export function paramsWithListFilters(current: URLSearchParams, filters: ListFilters): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, param] of Object.entries(listFilterParams) as [keyof ListFilters, string][]) {
    const value = filters[key];
    const textValue = Array.isArray(value) ? value.join(',') : value.trim();
    if (textValue === '') next.delete(param);
    else next.set(param, textValue);
  }
  next.delete(cursorsParam);
  return next;
}

/** How many filters are set (for "Clear filters"). */
export function activeFilterCount(filters: ListFilters): number {
  return Object.values(filters).filter((value) => (Array.isArray(value) ? value.length > 0 : value !== '')).length;
}

/** The page size in the URL, if it is one the list offers. */
export function pageSizeFromParams(params: URLSearchParams): number {
  const value = Number(params.get(limitParam));
  return (pageSizes as readonly number[]).includes(value) ? value : defaultPageSize;
}
