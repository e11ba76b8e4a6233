import { describe, expect, it } from 'vitest';
import { drillDownLink, hrefOf } from '@/features/analytics/drill-down';
import type { OverviewFilters } from '@/features/analytics/overview-url';
import { operationsQueryOf, paymentsQueryOf } from '@/features/payments/list-query';
import { listFiltersFromParams, operationVocabulary, paymentVocabulary } from '@/features/payments/types';

/**
 * The overview opens the payments and operations lists with their own URL
 * parameters: what it writes, the lists must read as the same filters (and
 * send to the API as the same range). The two features meet here, in app/.
 */
const filters: OverviewFilters = {
  from: '2026-03-01',
  to: '2026-03-31',
  projectId: 'prj_shop',
  methods: ['card'],
  countries: ['DE'],
  currencies: ['EUR'],
  granularity: null,
};
const timeZone = 'Europe/Berlin';
const context = { projectId: 'prj_shop', timeZone, fallbackCurrency: 'EUR' };

function paramsOf(target: Parameters<typeof drillDownLink>[1]): URLSearchParams {
  const to = drillDownLink(filters, target, timeZone);
  if (to === null) throw new Error('no link');
  return new URL(hrefOf(to), 'http://kassa.test').searchParams;
}

describe('overview → lists', () => {
  it('a day bar becomes the payments list’s day filter, the same [from, to) for the API', () => {
    const params = paramsOf({ kind: 'bucket', granularity: 'day', row: { day: '2026-03-29', start: '2026-03-29T00:00:00+01:00', end: '2026-03-30T00:00:00+02:00' } });
    const list = listFiltersFromParams(params, paymentVocabulary);
    expect(list).toMatchObject({
      from: '2026-03-29',
      to: '2026-03-29',
      methods: ['card'],
      countries: ['DE'],
      currencies: ['EUR'],
      statuses: ['success', 'partially_refunded', 'refunded', 'partially_charged_back', 'charged_back'],
    });
    expect(params.get('project')).toBe('prj_shop');
    const { query } = paymentsQueryOf(list, context);
    // A 23-hour day (the clocks go forward): the bucket's own instants.
    expect(query.from).toBe('2026-03-28T23:00:00.000Z');
    expect(query.to).toBe('2026-03-29T22:00:00.000Z');
  });

  it('an hour bar keeps its instants through the list to the API', () => {
    const params = paramsOf({ kind: 'bucket', granularity: 'hour', row: { hour: '2026-03-29T13:00:00+02:00', start: '2026-03-29T13:00:00+02:00', end: '2026-03-29T14:00:00+02:00' } });
    const list = listFiltersFromParams(params, paymentVocabulary);
    expect(list.from).toBe('2026-03-29T13:00:00+02:00');
    const { query } = paymentsQueryOf(list, context);
    expect(query.from).toBe('2026-03-29T11:00:00.000Z');
    expect(query.to).toBe('2026-03-29T12:00:00.000Z');
  });

  it('a card brand bar becomes the payments list’s card brand filter, sent to the API; "No card" as none', () => {
    const list = listFiltersFromParams(paramsOf({ kind: 'dimension', dimension: 'card_brand', value: 'visa' }), paymentVocabulary);
    expect(list).toMatchObject({ cardBrands: ['visa'], methods: ['card'], countries: ['DE'], currencies: ['EUR'] });
    expect(paymentsQueryOf(list, context).query).toMatchObject({ card_brand: ['visa'], country: ['DE'], method: ['card'], project_id: 'prj_shop' });
    const none = listFiltersFromParams(paramsOf({ kind: 'dimension', dimension: 'card_brand', value: null }), paymentVocabulary);
    expect(paymentsQueryOf(none, context).query.card_brand).toEqual(['none']);
  });

  it('a decline reason becomes the operations list’s status, type, country and decline code filters', () => {
    const list = listFiltersFromParams(paramsOf({ kind: 'declineCode', value: '05' }), operationVocabulary);
    expect(list).toMatchObject({ statuses: ['decline'], types: ['sale', 'auth'], methods: ['card'], currencies: ['EUR'], countries: ['DE'], declineCodes: ['05'] });
    const { query } = operationsQueryOf(list, context);
    expect(query).toMatchObject({ status: ['decline'], type: ['sale', 'auth'], country: ['DE'], decline_code: ['05'], project_id: 'prj_shop' });
    expect(query.from).toBe('2026-02-28T23:00:00.000Z');
    expect(query.to).toBe('2026-03-31T22:00:00.000Z');
    // "No code" and "View operations".
    expect(listFiltersFromParams(paramsOf({ kind: 'declineCode', value: null }), operationVocabulary).declineCodes).toEqual(['none']);
    expect(listFiltersFromParams(paramsOf({ kind: 'declines' }), operationVocabulary)).toMatchObject({ statuses: ['decline'], countries: ['DE'], declineCodes: [] });
  });
});
