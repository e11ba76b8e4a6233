import {
  IconAlertTriangle,
  IconArrowsExchange,
  IconBuildingStore,
  IconChartBar,
  IconCreditCard,
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
  | 'users'
  | 'roles'
  | 'apiKeys'
  | 'webhooks'
  | 'audit';

function area(id: string, path: string, icon: Icon, group: AreaGroup, keyBase: AreaKeyBase): Area {
  // Checked by the compiler: each of these must be a key of the catalogue.
  const titleKey: PlainMessageKey = `area.${keyBase}.title`;
  const emptyTitleKey: PlainMessageKey = `area.${keyBase}.emptyTitle`;
  const emptyDescriptionKey: PlainMessageKey = `area.${keyBase}.emptyDescription`;
  return { id, path, icon, group, titleKey, emptyTitleKey, emptyDescriptionKey };
}

export const areas: readonly Area[] = [
  area('overview', '/', IconChartBar, 'main', 'overview'),
  area('payments', '/payments', IconCreditCard, 'operate', 'payments'),
  area('operations', '/operations', IconArrowsExchange, 'operate', 'operations'),
  area('links', '/links', IconLink, 'operate', 'links'),
  area('payouts', '/payouts', IconSend, 'operate', 'payouts'),
  area('balances', '/balances', IconWallet, 'operate', 'balances'),
  area('fraud', '/fraud', IconShieldCheck, 'risk', 'fraud'),
  area('chargebacks', '/chargebacks', IconAlertTriangle, 'risk', 'chargebacks'),
  area('reports', '/reports', IconFileAnalytics, 'risk', 'reports'),
  area('projects', '/settings/projects', IconBuildingStore, 'settings', 'projects'),
  area('users', '/settings/users', IconUsers, 'settings', 'users'),
  area('roles', '/settings/roles', IconShieldLock, 'settings', 'roles'),
  area('api-keys', '/settings/api-keys', IconKey, 'settings', 'apiKeys'),
  area('webhooks', '/settings/webhooks', IconWebhook, 'settings', 'webhooks'),
  area('audit', '/settings/audit', IconHistory, 'settings', 'audit'),
];

export function areaById(id: string): Area {
  const found = areas.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`unknown area: ${id}`);
  return found;
}
