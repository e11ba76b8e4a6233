import { describe, expect, it } from 'vitest';
import { paymentsExportUrl } from './api/export-payments';
import { currentPaymentOf } from './api/refund-payment';
import { backOf, backState } from './back-state';
import { listDateTime } from './labels';
import { amountCurrencyOf, operationsQueryOf, paymentsQueryOf } from './list-query';
import {
  emptyListFilters,
  listFiltersFromParams,
  operationVocabulary,
  pageSizeFromParams,
  paramsWithListFilters,
  paymentVocabulary,
  type ListFilters,
} from './types';
import { ApiProblem } from '@/lib/api';
import { makePayment } from '@/testing/fixtures';

const everything: ListFilters = {
  statuses: ['success', 'partially_refunded'],
  types: [],
  methods: ['card', 'sepa'],
  currencies: ['EUR'],
  countries: ['DE', 'AT'],
  cardBrands: ['visa', 'none'],
  declineCodes: [],
  amountMin: '10.50',
  amountMax: '100',
  from: '2026-03-01',
  to: '2026-03-31',
  email: 'ada@example.com',
  last4: '4242',
  merchantReference: 'order-1001',
};

describe('payment filters in the URL', () => {
  it('round-trip, keeping the project and the page size, dropping the page position', () => {
    const params = paramsWithListFilters(new URLSearchParams('project=prj_a&limit=50&cursors=pay_x'), everything);
    expect(params.toString()).toBe(
      'project=prj_a&limit=50&status=success%2Cpartially_refunded&method=card%2Csepa&currency=EUR&country=DE%2CAT&card_brand=visa%2Cnone' +
        '&amount_min=10.50&amount_max=100&from=2026-03-01&to=2026-03-31&email=ada%40example.com&last4=4242&merchant_reference=order-1001',
    );
    expect(listFiltersFromParams(params, paymentVocabulary)).toEqual(everything);
    expect(pageSizeFromParams(params)).toBe(50);
  });

  it('clears parameters of filters that were cleared', () => {
    const params = paramsWithListFilters(new URLSearchParams('status=success&email=a%40b.c&project=prj_a'), emptyListFilters);
    expect(params.toString()).toBe('project=prj_a');
  });

  it('ignores what a hand-edited link gets wrong instead of sending it', () => {
    const filters = listFiltersFromParams(
      new URLSearchParams('status=success,bogus,success&method=cash&currency=eur,EURO&country=de&amount_min=1e3&from=yesterday&last4=42&type=refund'),
      paymentVocabulary,
    );
    expect(filters).toEqual({ ...emptyListFilters, statuses: ['success'], currencies: ['EUR'], countries: ['DE'] });
    expect(pageSizeFromParams(new URLSearchParams('limit=7'))).toBe(25);
  });

  it('reads operation statuses and types for the operations list', () => {
    const filters = listFiltersFromParams(new URLSearchParams('status=decline,success&type=refund,capture,nope'), operationVocabulary);
    expect(filters.statuses).toEqual(['decline', 'success']);
    expect(filters.types).toEqual(['refund', 'capture']);
  });

  it('reads card brands (lower case) on both lists, and decline codes on the operations list only', () => {
    const params = new URLSearchParams('card_brand=Visa,none,visa,<b>&decline_code=05,AM04,none,05,a%20b&country=de');
    expect(listFiltersFromParams(params, operationVocabulary)).toMatchObject({
      cardBrands: ['visa', 'none'],
      declineCodes: ['05', 'AM04', 'none'],
      countries: ['DE'],
    });
    // GET /payments answers 400 to a decline code: the payments list does not read one.
    expect(listFiltersFromParams(params, paymentVocabulary)).toMatchObject({ cardBrands: ['visa', 'none'], declineCodes: [] });
    const written = paramsWithListFilters(new URLSearchParams(), { ...emptyListFilters, statuses: ['decline'], cardBrands: ['mastercard'], declineCodes: ['05', '51'] });
    expect(written.toString()).toBe('status=decline&card_brand=mastercard&decline_code=05%2C51');
  });
});

describe('the API query of the filters', () => {
  const context = { projectId: 'prj_a', timeZone: 'Europe/Berlin', fallbackCurrency: 'EUR' };

  it('converts major units to minor units of the currency, exactly, and days to a half-open interval', () => {
    expect(paymentsQueryOf(everything, context)).toEqual({
      query: {
        project_id: 'prj_a',
        method: ['card', 'sepa'],
        currency: ['EUR'],
        amount_min: 1050,
        amount_max: 10000,
        from: '2026-02-28T23:00:00.000Z',
        to: '2026-03-31T22:00:00.000Z',
        status: ['success', 'partially_refunded'],
        country: ['DE', 'AT'],
        card_brand: ['visa', 'none'],
        email: 'ada@example.com',
        last4: '4242',
        merchant_reference: 'order-1001',
      },
      invalidAmounts: [],
    });
  });

  it.each([
    [['JPY'], '1500', 1500],
    [['KWD'], '1.5', 1500],
    [[], '1.5', 150],
    [['EUR', 'USD'], '2', 200],
  ])('amounts in %j: %s → %i', (currencies, amountMin, minor) => {
    const { query } = paymentsQueryOf({ ...emptyListFilters, currencies, amountMin }, context);
    expect(query.amount_min).toBe(minor);
  });

  it('does not send an amount it cannot convert, and says so', () => {
    expect(paymentsQueryOf({ ...emptyListFilters, currencies: ['JPY'], amountMin: '10.5' }, context)).toEqual({
      query: { project_id: 'prj_a', currency: ['JPY'] },
      invalidAmounts: ['amountMin'],
    });
    expect(paymentsQueryOf({ ...emptyListFilters, currencies: ['EUR', 'JPY'], amountMax: '10' }, context).invalidAmounts).toEqual(['amountMax']);
    expect(amountCurrencyOf(['EUR', 'JPY'], 'EUR')).toBeNull();
    expect(amountCurrencyOf([], 'CHF')).toBe('CHF');
  });

  it('sends the operations list only the filters GET /operations applies', () => {
    const { query } = operationsQueryOf({ ...everything, statuses: ['decline'], types: ['refund'], declineCodes: ['05', 'none'] }, { ...context, projectId: null });
    expect(query).toEqual({
      method: ['card', 'sepa'],
      currency: ['EUR'],
      country: ['DE', 'AT'],
      card_brand: ['visa', 'none'],
      decline_code: ['05', 'none'],
      amount_min: 1050,
      amount_max: 10000,
      from: '2026-02-28T23:00:00.000Z',
      to: '2026-03-31T22:00:00.000Z',
      status: ['decline'],
      type: ['refund'],
    });
  });

  it('never sends the payments list a decline code (GET /payments answers 400 to one)', () => {
    expect(paymentsQueryOf({ ...emptyListFilters, declineCodes: ['05'] }, context).query).toEqual({ project_id: 'prj_a' });
  });

  it('exports with the same filters, lists comma-separated', () => {
    const { query } = paymentsQueryOf({ ...emptyListFilters, statuses: ['success', 'refunded'], amountMin: '5', cardBrands: ['visa', 'none'] }, context);
    expect(paymentsExportUrl(query)).toBe('/api/v1/payments/export?project_id=prj_a&card_brand=visa%2Cnone&amount_min=500&status=success%2Crefunded');
    expect(paymentsExportUrl({})).toBe('/api/v1/payments/export');
  });
});

describe('the way back from a payment', () => {
  it('returns to the list it came from, and only to a path of this site', () => {
    expect(backOf(backState('/payments', '?status=success'))).toEqual({ pathname: '/payments', search: '?status=success' });
    expect(backOf({ back: { pathname: '//evil.example' } })).toBeUndefined();
    expect(backOf(null)).toBeUndefined();
  });
});

describe('a stale refund', () => {
  it('carries the payment as it is now', () => {
    const current = makePayment({ refunded_amount: 500, refundable_amount: 12000 });
    const problem = new ApiProblem(
      { type: 'https://kassa.dev/problems/stale-refunded-amount', title: 'Precondition Failed', status: 412 },
      { extensions: { current } },
    );
    expect(currentPaymentOf(problem)).toEqual(current);
    expect(currentPaymentOf(new ApiProblem({ type: 'x', title: 'x', status: 422 }))).toBeUndefined();
  });
});

describe('times in the lists', () => {
  it('leave out the year for this year’s items, in the business time zone', () => {
    const now = new Date('2026-12-31T23:30:00Z');
    expect(listDateTime('2026-03-01T10:00:00Z', 'en-GB', 'UTC', now)).toBe('1 Mar, 10:00');
    expect(listDateTime('2025-03-01T10:00:00Z', 'en-GB', 'UTC', now)).toBe('1 Mar 2025, 10:00');
    // Already 2027 in Berlin: a payment of 2026 shows its year.
    expect(listDateTime('2026-03-01T10:00:00Z', 'en-GB', 'Europe/Berlin', now)).toBe('1 Mar 2026, 11:00');
  });
});
