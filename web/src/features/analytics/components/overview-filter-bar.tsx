import { Button, Checkbox, Group, Stack, TagsInput } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { FilterPill } from '@/components/filter-pill';
import { countryName } from '@/lib/display-names';
import { useI18n, type Translate } from '@/lib/i18n';
import { currencyCodes } from '@/lib/intl-options';
import { methodName } from '../labels';
import { activeFilterCount, type OverviewFilters } from '../overview-url';
import { paymentMethods } from '../types';
import classes from './overview.module.css';

/** "Card, Apple Pay", or "Card +2" past two values. */
function listText(values: readonly string[], labelOf: (value: string) => string, t: Translate): string {
  if (values.length === 0) return '';
  const labels = values.map(labelOf);
  if (labels.length <= 2) return labels.join(', ');
  return t('filters.more', { first: labels[0] ?? '', count: labels.length - 1 });
}

export interface OverviewFilterBarProps {
  filters: OverviewFilters;
  onChange: (filters: OverviewFilters) => void;
  /** At the end of the bar ("Compared with …"). */
  trailing?: ReactNode;
}

/** The overview's filters as pills, like the payments list's: method, country, currency. */
export function OverviewFilterBar({ filters, onChange, trailing }: OverviewFilterBarProps) {
  const { t, formatLocale } = useI18n();
  const set = (patch: Partial<OverviewFilters>) => onChange({ ...filters, ...patch });
  return (
    <div className={classes.toolbar}>
      <div className={classes.filterBar} role="group" aria-label={t('analytics.filters.label')}>
        <FilterPill
          label={t('filters.method')}
          valueText={listText(filters.methods, (method) => methodName(method, t), t)}
          onClear={() => set({ methods: [] })}
          testId="overview-filter-method"
        >
          {(close) => (
            <MethodEditor
              value={filters.methods}
              onApply={(methods) => {
                set({ methods });
                close();
              }}
            />
          )}
        </FilterPill>
        <FilterPill
          label={t('filters.country')}
          valueText={listText(filters.countries, (code) => countryName(code, formatLocale), t)}
          onClear={() => set({ countries: [] })}
          testId="overview-filter-country"
        >
          {(close) => (
            <CodesEditor
              kind="country"
              value={filters.countries}
              onApply={(countries) => {
                set({ countries });
                close();
              }}
            />
          )}
        </FilterPill>
        <FilterPill
          label={t('filters.currency')}
          valueText={listText(filters.currencies, (code) => code, t)}
          onClear={() => set({ currencies: [] })}
          testId="overview-filter-currency"
        >
          {(close) => (
            <CodesEditor
              kind="currency"
              value={filters.currencies}
              onApply={(currencies) => {
                set({ currencies });
                close();
              }}
            />
          )}
        </FilterPill>
        {activeFilterCount(filters) > 0 && (
          <Button
            variant="subtle"
            color="gray"
            size="compact-xs"
            leftSection={<IconX size={12} aria-hidden="true" />}
            onClick={() => set({ methods: [], countries: [], currencies: [] })}
          >
            {t('filters.clearAll')}
          </Button>
        )}
      </div>
      {trailing}
    </div>
  );
}

function EditorForm({ onSubmit, children, applyDisabled = false }: { onSubmit: () => void; children: ReactNode; applyDisabled?: boolean }) {
  const { t } = useI18n();
  return (
    <form
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        if (!applyDisabled) onSubmit();
      }}
      noValidate
    >
      <Stack gap="sm">
        {children}
        <Group justify="flex-end">
          <Button type="submit" size="xs" disabled={applyDisabled}>
            {t('filters.apply')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function MethodEditor({ value, onApply }: { value: readonly string[]; onApply: (methods: string[]) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<string[]>([...value]);
  return (
    <EditorForm onSubmit={() => onApply(paymentMethods.filter((method) => draft.includes(method)))}>
      <Checkbox.Group label={t('filters.method')} value={draft} onChange={setDraft}>
        <Stack gap={8} mt={6}>
          {paymentMethods.map((method, index) => (
            <Checkbox key={method} value={method} label={methodName(method, t)} size="xs" data-autofocus={index === 0 || undefined} />
          ))}
        </Stack>
      </Checkbox.Group>
    </EditorForm>
  );
}

function CodesEditor({ kind, value, onApply }: { kind: 'country' | 'currency'; value: readonly string[]; onApply: (codes: string[]) => void }) {
  const { t } = useI18n();
  const known = useMemo(() => (kind === 'currency' ? new Set(currencyCodes()) : new Set<string>()), [kind]);
  const [draft, setDraft] = useState<string[]>([...value]);
  const pattern = kind === 'currency' ? /^[A-Z]{3}$/ : /^[A-Z]{2}$/;
  const invalid = draft.find((code) => !pattern.test(code) || (known.size > 0 && !known.has(code)));
  const error =
    invalid === undefined ? undefined : kind === 'currency' ? t('filters.currency.invalid', { code: invalid }) : t('filters.country.invalid', { code: invalid });
  return (
    <EditorForm onSubmit={() => onApply(draft)} applyDisabled={invalid !== undefined}>
      <TagsInput
        label={kind === 'currency' ? t('filters.currency') : t('filters.country')}
        description={kind === 'currency' ? t('filters.currency.hint') : t('filters.country.hint')}
        placeholder={kind === 'currency' ? t('filters.currency.placeholder') : t('filters.country.placeholder')}
        value={draft}
        onChange={(codes) => setDraft([...new Set(codes.map((code) => code.trim().toUpperCase()))])}
        error={error}
        size="xs"
        w={300}
        data-autofocus
      />
    </EditorForm>
  );
}
