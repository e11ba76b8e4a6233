import {
  IconAlertTriangle,
  IconArrowsExchange,
  IconBuildingStore,
  IconChartBar,
  IconCreditCard,
  IconExchange,
  IconFileAnalytics,
  IconHistory,
  IconKey,
  IconLink,
  IconSend,
  IconShieldCheck,
  IconShieldLock,
  IconUsers,
  IconWallet,
  IconWebhook,
  type Icon,
} from '@tabler/icons-react';
import { hasAnyPermission, type PermissionName, type Permissions } from '@/lib/auth';
import type { PlainMessageKey } from '@/lib/i18n';

/**
 * Every area of the Dashboard: the navbar and the router are both built from
 * this list, so a new area appears in both or in neither.
 */
export interface Area {
  id: string;
  path: string;
  icon: Icon;
  group: AreaGroup;
  titleKey: PlainMessageKey;
  emptyTitleKey: PlainMessageKey;
  emptyDescriptionKey: PlainMessageKey;
  /**
   * The area shows to people holding any of these permissions (company-wide
   * or on any project); empty: to everyone signed in.
   */
  requires: readonly PermissionName[];
}

export type AreaGroup = 'main' | 'operate' | 'risk' | 'settings';

export const areaGroups: readonly { id: AreaGroup; labelKey: PlainMessageKey | null }[] = [
  { id: 'main', labelKey: null },
  { id: 'operate', labelKey: 'nav.group.operate' },
  { id: 'risk', labelKey: 'nav.group.risk' },
  { id: 'settings', labelKey: 'nav.group.settings' },
];

/** The middle part of an area's message keys: `area.<base>.title`. */
type AreaKeyBase =
  | 'overview'
  | 'payments'
  | 'operations'
  | 'links'
  | 'payouts'
  | 'balances'
  | 'fraud'
  | 'chargebacks'
  | 'reports'
  | 'projects'
  | 'fxRates'
  | 'users'
  | 'roles'
  | 'apiKeys'
  | 'webhooks'
  | 'audit';

function area(
  id: string,
  path: string,
  icon: Icon,
  group: AreaGroup,
  keyBase: AreaKeyBase,
  requires: readonly PermissionName[],
): Area {
  // Checked by the compiler: each of these must be a key of the catalogue.
  const titleKey: PlainMessageKey = `area.${keyBase}.title`;
  const emptyTitleKey: PlainMessageKey = `area.${keyBase}.emptyTitle`;
  const emptyDescriptionKey: PlainMessageKey = `area.${keyBase}.emptyDescription`;
  return { id, path, icon, group, titleKey, emptyTitleKey, emptyDescriptionKey, requires };
}

export const areas: readonly Area[] = [
  area('overview', '/', IconChartBar, 'main', 'overview', []),
  area('payments', '/payments', IconCreditCard, 'operate', 'payments', ['payments.read']),
  area('operations', '/operations', IconArrowsExchange, 'operate', 'operations', ['payments.read']),
  area('links', '/links', IconLink, 'operate', 'links', ['links.read']),
  area('payouts', '/payouts', IconSend, 'operate', 'payouts', ['payouts.read']),
  area('balances', '/balances', IconWallet, 'operate', 'balances', ['balances.read']),
  area('fraud', '/fraud', IconShieldCheck, 'risk', 'fraud', ['fraud.read']),
  area('chargebacks', '/chargebacks', IconAlertTriangle, 'risk', 'chargebacks', ['chargebacks.read']),
  area('reports', '/reports', IconFileAnalytics, 'risk', 'reports', ['reports.read']),
  area('projects', '/settings/projects', IconBuildingStore, 'settings', 'projects', ['projects.manage', 'settings.manage']),
  area('fx-rates', '/settings/fx-rates', IconExchange, 'settings', 'fxRates', ['analytics.read']),
  area('users', '/settings/users', IconUsers, 'settings', 'users', ['users.read']),
  area('roles', '/settings/roles', IconShieldLock, 'settings', 'roles', ['roles.manage', 'users.read']),
  area('api-keys', '/settings/api-keys', IconKey, 'settings', 'apiKeys', ['api_keys.read']),
  area('webhooks', '/settings/webhooks', IconWebhook, 'settings', 'webhooks', ['webhooks.read']),
  area('audit', '/settings/audit', IconHistory, 'settings', 'audit', ['audit.read']),
];

/** The areas a user with these permissions sees, in navbar order. */
export function visibleAreas(permissions: Permissions): Area[] {
  return areas.filter((candidate) => hasAnyPermission(permissions, candidate.requires));
}

export function areaById(id: string): Area {
  const found = areas.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`unknown area: ${id}`);
  return found;
}
