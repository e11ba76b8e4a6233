import type { components } from '@/lib/api';

export type AuditEvent = components['schemas']['AuditEvent'];

/** The audit log's filters, as they are kept in the URL. */
export interface AuditFilters {
  action: string;
  actorId: string;
  targetType: string;
  targetId: string;
  /** Calendar days (YYYY-MM-DD) in the company's time zone, inclusive. */
  from: string;
  to: string;
}

export const emptyAuditFilters: AuditFilters = { action: '', actorId: '', targetType: '', targetId: '', from: '', to: '' };

/** URL parameter of each filter. */
export const auditFilterParams: Readonly<Record<keyof AuditFilters, string>> = {
  action: 'action',
  actorId: 'actor',
  targetType: 'target_type',
  targetId: 'target',
  from: 'from',
  to: 'to',
};

export function auditFiltersFromParams(params: URLSearchParams): AuditFilters {
  const read = (key: keyof AuditFilters) => params.get(auditFilterParams[key])?.trim() ?? '';
  const date = (key: 'from' | 'to') => (/^\d{4}-\d{2}-\d{2}$/.test(read(key)) ? read(key) : '');
  return {
    action: read('action'),
    actorId: read('actorId'),
    targetType: read('targetType'),
    targetId: read('targetId'),
    from: date('from'),
    to: date('to'),
  };
}

/** The URL with these filters (other parameters, like ?project=, kept). */
export function paramsWithAuditFilters(current: URLSearchParams, filters: AuditFilters): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, param] of Object.entries(auditFilterParams) as [keyof AuditFilters, string][]) {
    const value = filters[key].trim();
    if (value === '') next.delete(param);
    else next.set(param, value);
  }
  return next;
}
