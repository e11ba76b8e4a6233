import { describe, expect, it } from 'vitest';
import { auditQueryOf } from './api/get-audit-events';
import { diffSnapshots, snapshotText } from './diff';
import { auditFiltersFromParams, emptyAuditFilters, paramsWithAuditFilters } from './types';

describe('diffSnapshots', () => {
  it('lists every field with what happened to it', () => {
    expect(
      diffSnapshots({ name: 'Old', status: 'active', gone: 1 }, { name: 'New', status: 'active', added: [1, 2] }),
    ).toEqual([
      { field: 'name', before: 'Old', after: 'New', kind: 'changed' },
      { field: 'status', before: 'active', after: 'active', kind: 'unchanged' },
      { field: 'gone', before: 1, after: undefined, kind: 'removed' },
      { field: 'added', before: undefined, after: [1, 2], kind: 'added' },
    ]);
  });

  it('handles creations and deletions', () => {
    expect(diffSnapshots(null, { a: 1 })).toEqual([{ field: 'a', before: undefined, after: 1, kind: 'added' }]);
    expect(diffSnapshots({ a: 1 }, null)).toEqual([{ field: 'a', before: 1, after: undefined, kind: 'removed' }]);
    expect(diffSnapshots(null, null)).toEqual([]);
  });

  it('compares nested values by content', () => {
    expect(diffSnapshots({ p: ['a', 'b'] }, { p: ['a', 'b'] })[0]?.kind).toBe('unchanged');
    expect(snapshotText({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(snapshotText(12)).toBe('12');
    expect(snapshotText('plain')).toBe('plain');
  });
});

describe('audit filters in the URL', () => {
  it('round-trips and keeps other parameters', () => {
    const filters = { ...emptyAuditFilters, action: 'user.invited', actorId: 'usr_1', from: '2026-03-01', to: '2026-03-31' };
    const params = paramsWithAuditFilters(new URLSearchParams('project=prj_a&target=old'), filters);
    expect(params.toString()).toBe('project=prj_a&action=user.invited&actor=usr_1&from=2026-03-01&to=2026-03-31');
    expect(auditFiltersFromParams(params)).toEqual(filters);
  });

  it('ignores dates that are not calendar dates', () => {
    expect(auditFiltersFromParams(new URLSearchParams('from=yesterday')).from).toBe('');
  });

  it('asks the API for business days in the company’s time zone, `to` exclusive', () => {
    expect(auditQueryOf({ ...emptyAuditFilters, from: '2026-03-01', to: '2026-03-31' }, 'Europe/Berlin')).toEqual({
      from: '2026-02-28T23:00:00.000Z',
      to: '2026-03-31T22:00:00.000Z',
    });
    expect(auditQueryOf({ ...emptyAuditFilters, targetType: 'user', targetId: 'usr_1' }, 'UTC')).toEqual({
      target_type: 'user',
      target_id: 'usr_1',
    });
  });
});
