import { Badge, Checkbox, Group, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconMinus } from '@tabler/icons-react';
import type { components } from '@/lib/api';
import { useT, type PlainMessageKey } from '@/lib/i18n';
import classes from './permission-checklist.module.css';

export type Permission = components['schemas']['Permission'];

type AreaId = 'payments' | 'links' | 'payouts' | 'risk' | 'reporting' | 'developers' | 'team' | 'other';

/** Permissions are named `<prefix>.<verb>`; each prefix belongs to one area of the Dashboard. */
const areaOfPrefix: Readonly<Record<string, AreaId>> = {
  payments: 'payments',
  refunds: 'payments',
  links: 'links',
  payouts: 'payouts',
  balances: 'payouts',
  fraud: 'risk',
  chargebacks: 'risk',
  reports: 'reporting',
  analytics: 'reporting',
  fx_rates: 'reporting',
  webhooks: 'developers',
  callbacks: 'developers',
  api_keys: 'developers',
  logs: 'developers',
  users: 'team',
  roles: 'team',
  projects: 'team',
  settings: 'team',
  audit: 'team',
};

const areaOrder: readonly AreaId[] = ['payments', 'links', 'payouts', 'risk', 'reporting', 'developers', 'team', 'other'];

const areaLabels: Readonly<Record<AreaId, PlainMessageKey>> = {
  payments: 'permissions.area.payments',
  links: 'permissions.area.links',
  payouts: 'permissions.area.payouts',
  risk: 'permissions.area.risk',
  reporting: 'permissions.area.reporting',
  developers: 'permissions.area.developers',
  team: 'permissions.area.team',
  other: 'permissions.area.other',
};

export interface PermissionArea {
  id: AreaId;
  permissions: readonly Permission[];
}

/** The catalogue grouped by area, in a fixed order; the catalogue's order within each. */
export function groupPermissions(catalogue: readonly Permission[]): PermissionArea[] {
  const byArea = new Map<AreaId, Permission[]>();
  for (const permission of catalogue) {
    const prefix = permission.name.split('.')[0] ?? '';
    const area = areaOfPrefix[prefix] ?? 'other';
    byArea.set(area, [...(byArea.get(area) ?? []), permission]);
  }
  return areaOrder.filter((id) => byArea.has(id)).map((id) => ({ id, permissions: byArea.get(id) ?? [] }));
}

export interface PermissionChecklistProps {
  catalogue: readonly Permission[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  disabled?: boolean;
}

/** Checkboxes for every permission, grouped by area, each with its description; "all" per area. */
export function PermissionChecklist({ catalogue, value, onChange, disabled = false }: PermissionChecklistProps) {
  const t = useT();
  const selected = new Set(value);
  const set = (names: readonly string[], on: boolean) => {
    const next = new Set(selected);
    for (const name of names) {
      if (on) next.add(name);
      else next.delete(name);
    }
    // Keep the catalogue's order, so the request is stable.
    onChange(catalogue.map((permission) => permission.name).filter((name) => next.has(name)));
  };
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
      {groupPermissions(catalogue).map((area) => {
        const names = area.permissions.map((permission) => permission.name);
        const count = names.filter((name) => selected.has(name)).length;
        const label = t(areaLabels[area.id]);
        return (
          <fieldset key={area.id} className={classes.area} disabled={disabled}>
            <legend className={classes.legend}>
              <Checkbox
                label={label}
                checked={count === names.length}
                indeterminate={count > 0 && count < names.length}
                onChange={(event) => set(names, event.currentTarget.checked)}
                aria-label={t('permissions.selectArea', { area: label })}
                classNames={{ label: classes.areaLabel }}
              />
            </legend>
            <Stack gap={10} mt={4}>
              {area.permissions.map((permission) => (
                <Checkbox
                  key={permission.name}
                  value={permission.name}
                  checked={selected.has(permission.name)}
                  onChange={(event) => set([permission.name], event.currentTarget.checked)}
                  label={
                    <Group gap={6} wrap="nowrap" component="span">
                      <Text component="span" ff="monospace" fz="sm">
                        {permission.name}
                      </Text>
                      {permission.scope === 'company' && (
                        <Badge size="xs" color="gray" variant="light" component="span">
                          {t('permissions.companyScope')}
                        </Badge>
                      )}
                    </Group>
                  }
                  description={permission.description}
                />
              ))}
            </Stack>
          </fieldset>
        );
      })}
    </SimpleGrid>
  );
}

/** A read-only view of which permissions a role holds, grouped like the checklist. */
export function PermissionSummary({ catalogue, granted }: { catalogue: readonly Permission[]; granted: readonly string[] }) {
  const t = useT();
  const held = new Set(granted);
  return (
    <Stack gap="md">
      {groupPermissions(catalogue).map((area) => (
        <section key={area.id} aria-label={t(areaLabels[area.id])}>
          <Text fw={600} fz="sm" mb={6}>
            {t(areaLabels[area.id])}
          </Text>
          <Stack gap={6}>
            {area.permissions.map((permission) => {
              const has = held.has(permission.name);
              return (
                <Group key={permission.name} gap="sm" wrap="nowrap" align="flex-start" data-granted={has}>
                  <ThemeIcon
                    size={20}
                    radius="xl"
                    variant="light"
                    color={has ? 'teal' : 'gray'}
                    aria-label={has ? t('permissions.granted') : t('permissions.notGranted')}
                    role="img"
                  >
                    {has ? <IconCheck size={13} aria-hidden="true" /> : <IconMinus size={13} aria-hidden="true" />}
                  </ThemeIcon>
                  <div>
                    <Text ff="monospace" fz="sm" c={has ? undefined : 'dimmed'}>
                      {permission.name}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {permission.description}
                    </Text>
                  </div>
                </Group>
              );
            })}
          </Stack>
        </section>
      ))}
    </Stack>
  );
}
