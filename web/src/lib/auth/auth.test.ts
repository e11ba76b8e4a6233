import { describe, expect, it } from 'vitest';
import { hasAnyPermission, hasPermission, hasPermissionOn } from './permissions';
import { safeNextPath, signInPath } from './safe-next';

describe('permissions', () => {
  const permissions = { company: ['users.read'], projects: { prj_a: ['payments.read'], prj_b: [] } };
  it('counts company-wide grants everywhere', () => {
    expect(hasPermission(permissions, 'users.read')).toBe(true);
    expect(hasPermissionOn(permissions, 'users.read', 'prj_b')).toBe(true);
  });
  it('counts a project grant for "anywhere" and for that project only', () => {
    expect(hasPermission(permissions, 'payments.read')).toBe(true);
    expect(hasPermissionOn(permissions, 'payments.read', 'prj_a')).toBe(true);
    expect(hasPermissionOn(permissions, 'payments.read', 'prj_b')).toBe(false);
    expect(hasPermissionOn(permissions, 'payments.read', 'prj_unknown')).toBe(false);
  });
  it('any of a list; an empty list needs nothing', () => {
    expect(hasAnyPermission(permissions, ['audit.read', 'payments.read'])).toBe(true);
    expect(hasAnyPermission(permissions, ['audit.read'])).toBe(false);
    expect(hasAnyPermission(permissions, [])).toBe(true);
  });
});

describe('safeNextPath', () => {
  it.each([
    [null, '/'],
    ['/settings/users?status=active', '/settings/users?status=active'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/sign-in?next=/x', '/'],
    ['/invitations/abc', '/'],
  ])('%s → %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});

describe('signInPath', () => {
  it('keeps the way back and the reason', () => {
    expect(signInPath('/payments?project=prj_a', 'idle')).toBe('/sign-in?reason=idle&next=%2Fpayments%3Fproject%3Dprj_a');
    expect(signInPath('/')).toBe('/sign-in');
  });
});
