import type { CommonQuery } from '../list-query';

/**
 * GET /api/v1/payments/export as a URL, for a plain link: the browser
 * downloads the CSV itself, streaming it to disk however long it is, with the
 * session cookie of this origin. The filters are the list's.
 */
export function paymentsExportUrl(query: CommonQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    params.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  const search = params.toString();
  return search === '' ? '/api/v1/payments/export' : `/api/v1/payments/export?${search}`;
}
