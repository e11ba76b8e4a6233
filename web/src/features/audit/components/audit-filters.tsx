import { Autocomplete, Button, Group, SimpleGrid, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconFilter, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '@/lib/i18n';
import { emptyAuditFilters, type AuditFilters } from '../types';

/** Suggestions only: any action the server records can be typed. */
const knownActions = [
  'auth.login_succeeded',
  'auth.password_failed',
  'auth.totp_failed',
  'auth.totp_replayed',
  'auth.recovery_failed',
  'auth.locked',
  'auth.login_refused_locked',
  'auth.login_refused_inactive',
  'auth.login_unknown_email',
  'auth.logout',
  'auth.totp_enrolled',
  'auth.step_up_confirmed',
  'user.created',
  'user.invited',
  'user.invitation_accepted',
  'user.updated',
  'user.grants_changed',
  'user.password_changed',
  'user.totp_reset_requested',
  'user.totp_reset',
  'role.created',
  'role.updated',
  'role.deleted',
  'company.created',
  'company.updated',
  'project.created',
  'project.updated',
  'api_key.created',
  'api_key.rolled',
  'api_key.revoked',
];

const knownTargetTypes = ['user', 'role', 'project', 'company', 'api_key', 'session'];

export interface AuditFiltersFormProps {
  value: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}

/** Action, actor, target and a date range; applied together, kept in the URL by the page. */
export function AuditFiltersForm({ value, onApply }: AuditFiltersFormProps) {
  const t = useT();
  const [draft, setDraft] = useState<AuditFilters>(value);
  const [lastValue, setLastValue] = useState(value);
  // The URL changed (back button, a link in a row): show what it says.
  if (lastValue !== value) {
    setLastValue(value);
    setDraft(value);
  }
  const set = (patch: Partial<AuditFilters>) => setDraft((current) => ({ ...current, ...patch }));
  const active = Object.values(value).some((field) => field !== '');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
      aria-label={t('audit.filters')}
    >
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm" verticalSpacing="sm">
        <Autocomplete
          label={t('audit.field.action')}
          placeholder="auth.login_succeeded"
          data={knownActions}
          value={draft.action}
          onChange={(action) => set({ action })}
          size="xs"
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label={t('audit.field.actor')}
          placeholder={t('audit.actorPlaceholder')}
          value={draft.actorId}
          onChange={(event) => set({ actorId: event.currentTarget.value })}
          size="xs"
        />
        <Autocomplete
          label={t('audit.field.targetType')}
          placeholder="user"
          data={knownTargetTypes}
          value={draft.targetType}
          onChange={(targetType) => set({ targetType })}
          size="xs"
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label={t('audit.field.targetId')}
          placeholder={t('audit.targetPlaceholder')}
          value={draft.targetId}
          onChange={(event) => set({ targetId: event.currentTarget.value })}
          size="xs"
        />
        <DatePickerInput
          type="range"
          label={t('audit.field.dates')}
          placeholder={t('audit.datesPlaceholder')}
          value={[draft.from || null, draft.to || null]}
          onChange={([from, to]) => set({ from: from ?? '', to: to ?? '' })}
          allowSingleDateInRange
          clearable
          size="xs"
          valueFormat="D MMM YYYY"
          popoverProps={{ withinPortal: true }}
          clearButtonProps={{ 'aria-label': t('audit.clearDates') }}
        />
      </SimpleGrid>
      <Group mt="sm" gap="xs">
        <Button type="submit" size="xs" leftSection={<IconFilter size={14} aria-hidden="true" />}>
          {t('audit.apply')}
        </Button>
        {active && (
          <Button
            variant="subtle"
            size="xs"
            color="gray"
            leftSection={<IconX size={14} aria-hidden="true" />}
            onClick={() => onApply(emptyAuditFilters)}
          >
            {t('audit.clear')}
          </Button>
        )}
      </Group>
    </form>
  );
}
