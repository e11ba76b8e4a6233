import type { Me } from './get-me';

export type Permissions = Me['permissions'];

/** Permission names from the catalogue (GET /permissions); the server is the authority. */
export type PermissionName =
  | 'payments.read'
  | 'payments.write'
  | 'refunds.create'
  | 'refunds.unlimited'
  | 'links.read'
  | 'links.manage'
  | 'payouts.read'
  | 'payouts.create'
  | 'balances.read'
  | 'reports.read'
  | 'reports.manage'
  | 'fraud.read'
  | 'fraud.manage'
  | 'fraud.review'
  | 'chargebacks.read'
  | 'chargebacks.manage'
  | 'analytics.read'
  | 'fx_rates.manage'
  | 'webhooks.read'
  | 'webhooks.manage'
  | 'callbacks.resend'
  | 'api_keys.read'
  | 'api_keys.manage'
  | 'logs.read'
  | 'users.read'
  | 'users.manage'
  | 'roles.manage'
  | 'projects.manage'
  | 'settings.manage'
  | 'audit.read';

/**
 * Whether the user holds a permission anywhere: company-wide, or on at least
 * one project. This decides whether a navigation item or a page shows; what
 * each project allows is decided per project (`hasPermissionOn`) and, in the
 * end, by the server.
 */
export function hasPermission(permissions: Permissions, name: PermissionName): boolean {
  if (permissions.company.includes(name)) return true;
  return Object.values(permissions.projects).some((names) => names.includes(name));
}

/**
 * Whether the user holds a permission company-wide. Permissions about the
 * company as a whole (`fx_rates.manage`, say) count only when held so.
 */
export function hasCompanyPermission(permissions: Permissions, name: PermissionName): boolean {
  return permissions.company.includes(name);
}

/** Whether the user holds a permission on one project (company-wide grants count). */
export function hasPermissionOn(permissions: Permissions, name: PermissionName, projectId: string): boolean {
  return permissions.company.includes(name) || (permissions.projects[projectId]?.includes(name) ?? false);
}

/** At least one of the names (an empty list: always). */
export function hasAnyPermission(permissions: Permissions, names: readonly PermissionName[]): boolean {
  return names.length === 0 || names.some((name) => hasPermission(permissions, name));
}

export const noPermissions: Permissions = { company: [], projects: {} };
