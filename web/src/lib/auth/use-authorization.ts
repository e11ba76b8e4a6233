import { useCallback } from 'react';
import { useMe } from './get-me';
import { hasAnyPermission, hasCompanyPermission, hasPermission, hasPermissionOn, noPermissions, type PermissionName } from './permissions';

export interface Authorization {
  /** Holds the permission on the company or on any project. */
  can: (name: PermissionName) => boolean;
  /** Holds the permission on this project. */
  canOn: (name: PermissionName, projectId: string) => boolean;
  canAny: (names: readonly PermissionName[]) => boolean;
  /** Holds the permission company-wide (what permissions about the whole company need). */
  canCompany: (name: PermissionName) => boolean;
}

/** Permission checks for the signed-in user (none until /me has loaded). */
export function useAuthorization(): Authorization {
  const me = useMe();
  const permissions = me.data?.permissions ?? noPermissions;
  const can = useCallback((name: PermissionName) => hasPermission(permissions, name), [permissions]);
  const canOn = useCallback(
    (name: PermissionName, projectId: string) => hasPermissionOn(permissions, name, projectId),
    [permissions],
  );
  const canAny = useCallback((names: readonly PermissionName[]) => hasAnyPermission(permissions, names), [permissions]);
  const canCompany = useCallback((name: PermissionName) => hasCompanyPermission(permissions, name), [permissions]);
  return { can, canOn, canAny, canCompany };
}
