export { getMe, meQueryKey, meQueryOptions, useMe, type Company, type Me, type User } from './get-me';
export {
  hasAnyPermission,
  hasCompanyPermission,
  hasPermission,
  hasPermissionOn,
  noPermissions,
  type PermissionName,
  type Permissions,
} from './permissions';
export { safeNextPath, signInPath } from './safe-next';
export { logout, useSignOut } from './sign-out';
export { useAuthorization, type Authorization } from './use-authorization';
