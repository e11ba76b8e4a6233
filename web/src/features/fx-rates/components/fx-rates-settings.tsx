import { Alert, Button, Card, Group, MultiSelect, Skeleton, Stack, Table, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconExchange, IconFileImport, IconFilterOff, IconInfoCircle, IconPencil, IconPlus } from '@tabler/icons-react';
import { createColumnHelper, metaHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { addDays, datePresets, type DatePresetId } from '@/lib/date-ranges';
import { formatCount } from '@/lib/format';
import { plural, useI18n, type PlainMessageKey, type Translate } from '@/lib/i18n';
import { useFxRates } from '../api/get-fx-rates';
import { formatRate } from '../rate-format';
import { fxFiltersFromParams, fxListLimit, fxQueryOf, paramsWithFxFilters, todayUtc, type FxRate, type FxRateFilters } from '../types';
import classes from './fx-rates.module.css';
import { ImportDialog } from './import-dialog';
import { dayLabel, RateDialog, type RateDialogMode } from './rate-dialog';

interface FxColumnMeta {
  align?: 'end';
}

const fxTableFeatures = tableFeatures({ columnMeta: metaHelper<FxColumnMeta>() });
const helper = createColumnHelper<typeof fxTableFeatures, FxRate>();

const presetIds: readonly DatePresetId[] = ['last7', 'last30', 'last90', 'thisYear', 'last12Months'];

const presetLabels: Readonly<Record<DatePresetId, PlainMessageKey>> = {
  today: 'filters.date.preset.today',
  last7: 'filters.date.preset.last7',
  last30: 'filters.date.preset.last30',
  last90: 'filters.date.preset.last90',
  last12Months: 'filters.date.preset.last12Months',
  thisMonth: 'filters.date.preset.thisMonth',
  lastMonth: 'filters.date.preset.lastMonth',
  thisYear: 'filters.date.preset.thisYear',
};

function currencyName(code: string, locale: string): string | undefined {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'currency' }).of(code);
    return name === code ? undefined : name;
  } catch {
    return undefined;
  }
}

interface ColumnContext {
  t: Translate;
  formatLocale: string;
  reportingCurrency: string;
  onEdit: ((rate: FxRate) => void) | null;
  /** The most decimals of any rate shown: shorter ones are padded (invisibly) so the points line up. */
  decimals: number;
}

function decimalsOf(rate: string): number {
  const point = rate.indexOf('.');
  return point < 0 ? 0 : rate.length - point - 1;
}

function fxColumns({ t, formatLocale, reportingCurrency, onEdit, decimals }: ColumnContext) {
  const columns = [
    helper.display({
      id: 'day',
      header: t('fxRates.column.day'),
      cell: ({ row }) => (
        <Text span size="sm" className="kassa-numeric">
          {dayLabel(row.original.day, formatLocale)}
        </Text>
      ),
    }),
    helper.display({
      id: 'currency',
      header: t('fxRates.column.currency'),
      cell: ({ row }) => (
        <Group gap={8} wrap="nowrap">
          <Text span size="sm" fw={600}>
            {row.original.currency}
          </Text>
          <Text span size="xs" c="dimmed">
            {currencyName(row.original.currency, formatLocale)}
          </Text>
        </Group>
      ),
    }),
    helper.display({
      id: 'rate',
      header: () => (
        <span>
          {t('fxRates.column.rate')}{' '}
          <Text span size="xs" c="dimmed" fw={400}>
            ({t('fxRates.column.rateIn', { reporting: reportingCurrency })})
          </Text>
        </span>
      ),
      meta: { align: 'end' },
      cell: ({ row }) => (
        <span className={`${classes.rate} kassa-numeric`} title={t('fxRates.rateInverse', { currency: row.original.currency, rate: row.original.rate, reporting: row.original.reporting_currency })}>
          {formatRate(row.original.rate, formatLocale)}
          <RatePadding missing={decimals - decimalsOf(row.original.rate)} hasPoint={decimalsOf(row.original.rate) > 0} />
        </span>
      ),
    }),
  ];
  if (onEdit === null) return columns;
  return [
    ...columns,
    helper.display({
      id: 'actions',
      header: () => <VisuallyHidden>{t('table.actions')}</VisuallyHidden>,
      meta: { align: 'end' },
      cell: ({ row }) => (
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPencil size={14} aria-hidden="true" />}
          onClick={() => onEdit(row.original)}
          aria-label={t('fxRates.editLabel', { currency: row.original.currency, day: dayLabel(row.original.day, formatLocale) })}
        >
          {t('fxRates.edit')}
        </Button>
      ),
    }),
  ];
}

/** Invisible zeros (and point) after a rate with fewer decimals than the longest: tabular digits then align on the point. */
function RatePadding({ missing, hasPoint }: { missing: number; hasPoint: boolean }) {
  if (missing <= 0) return null;
  return (
    <span aria-hidden="true" className={classes.padding}>
      {hasPoint ? '' : '.'}
      {'0'.repeat(missing)}
    </span>
  );
}

export interface FxRatesSettingsProps {
  /** The company's reporting currency: every rate is in units of it. */
  reportingCurrency: string;
  /** May set and import rates (`fx_rates.manage`, company-wide). */
  canManage: boolean;
}

type Dialog = { kind: 'rate'; mode: RateDialogMode } | { kind: 'import' };

/**
 * The FX rates into the reporting currency: the currency itself and how
 * figures use the rates, then the rates by day, filtered by currency and
 * range (kept in the URL), with edit, add and CSV import for those allowed.
 */
export function FxRatesSettings({ reportingCurrency, canManage }: FxRatesSettingsProps) {
  const { t, formatLocale } = useI18n();
  const [params, setParams] = useSearchParams();
  const today = todayUtc();
  const filters = fxFiltersFromParams(params, today);
  const query = fxQueryOf(filters);
  const rates = useFxRates(query);
  // The currencies present in the range, whatever is chosen (the same request when nothing is).
  const present = useFxRates(fxQueryOf({ ...filters, currencies: [] }));
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const apply = (next: FxRateFilters) => setParams((current) => paramsWithFxFilters(current, next), { replace: true });

  // The chosen codes as text: `filters` is read from the URL afresh on every render.
  const chosen = filters.currencies.join(',');
  const currencyOptions = useMemo(() => {
    const codes = new Set([...(present.data?.data ?? []).map((rate) => rate.currency), ...chosen.split(',').filter(Boolean)]);
    return [...codes].sort().map((code) => ({ value: code, label: code }));
  }, [present.data, chosen]);

  const rows = rates.data?.data ?? noRates;
  const decimals = useMemo(() => rows.reduce((most, rate) => Math.max(most, decimalsOf(rate.rate)), 0), [rows]);
  const columns = useMemo(
    () =>
      fxColumns({
        t,
        formatLocale,
        reportingCurrency,
        decimals,
        onEdit: canManage ? (rate) => setDialog({ kind: 'rate', mode: { kind: 'edit', rate } }) : null,
      }),
    [t, formatLocale, reportingCurrency, canManage, decimals],
  );
  const table = useTable({
    features: fxTableFeatures,
    columns,
    data: rows,
    getRowId: (rate) => `${rate.day}:${rate.currency}`,
  });
  const filtered = filters.currencies.length > 0;
  const shownReporting = rates.data?.reporting_currency ?? reportingCurrency;

  return (
    <Stack gap="md">
      <Card>
        <div className={classes.reporting}>
          <ThemeIcon size={44} radius="md" variant="light" aria-hidden="true">
            <IconExchange size={24} stroke={1.6} />
          </ThemeIcon>
          <Stack gap={2} miw={0}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t('fxRates.reportingCurrency')}
            </Text>
            <Group gap="xs" align="baseline" wrap="wrap">
              <Text component="span" className={classes.reportingCode} data-testid="fx-reporting-currency">
                {shownReporting}
              </Text>
              <Text span size="sm" c="dimmed">
                {currencyName(shownReporting, formatLocale)}
              </Text>
            </Group>
            <Text size="sm">{t('fxRates.conversionRule', { currency: shownReporting })}</Text>
          </Stack>
        </div>
      </Card>

      <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
        <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('fxRates.filters')}>
          <MultiSelect
            label={t('fxRates.filter.currency')}
            placeholder={filters.currencies.length === 0 ? t('fxRates.filter.currencyPlaceholder') : undefined}
            data={currencyOptions}
            value={filters.currencies}
            onChange={(currencies) => apply({ ...filters, currencies })}
            searchable
            clearable
            size="xs"
            w={360}
            comboboxProps={{ withinPortal: true }}
            data-testid="fx-currency-filter"
          />
          <DatePickerInput
            type="range"
            label={t('fxRates.filter.days')}
            value={[filters.from, filters.to]}
            onChange={([from, to]) => {
              if (from !== null && to !== null) apply({ ...filters, from, to });
            }}
            presets={datePresets(today, presetIds).map((preset) => ({ value: [preset.from, preset.to] as [string, string], label: t(presetLabels[preset.id]) }))}
            allowSingleDateInRange
            size="xs"
            valueFormat="D MMM YYYY"
            maxDate={addDays(today, 366)}
            popoverProps={{ withinPortal: true }}
            data-testid="fx-days-filter"
          />
          {rates.isSuccess && (
            <Text size="xs" c="dimmed" pb={6} aria-live="polite">
              {plural(t, formatLocale, 'fxRates.count', rows.length)}
            </Text>
          )}
        </Group>
        {canManage ? (
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              leftSection={<IconFileImport size={14} aria-hidden="true" />}
              onClick={() => setDialog({ kind: 'import' })}
            >
              {t('fxRates.import')}
            </Button>
            <Button
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden="true" />}
              onClick={() => setDialog({ kind: 'rate', mode: { kind: 'add', currency: filters.currencies[0] ?? null } })}
            >
              {t('fxRates.add')}
            </Button>
          </Group>
        ) : (
          <Text size="xs" c="dimmed" maw={420} data-testid="fx-read-only">
            {t('fxRates.readOnly')}
          </Text>
        )}
      </Group>

      {rows.length >= fxListLimit && (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} aria-hidden="true" />}>
          {t('fxRates.truncated', { count: formatCount(fxListLimit, formatLocale) })}
        </Alert>
      )}

      <Card padding={0}>
        {rates.isPending && (
          <Stack p="md" gap="sm" aria-busy="true" aria-label={t('state.loading')}>
            <Skeleton h={28} />
            <Skeleton h={28} />
            <Skeleton h={28} />
          </Stack>
        )}
        {rates.isError && (
          <Stack p="md">
            <ErrorState error={rates.error} onRetry={() => void rates.refetch()} retrying={rates.isFetching} />
          </Stack>
        )}
        {rates.isSuccess && rows.length === 0 && (
          <EmptyState
            icon={IconExchange}
            title={filtered ? t('fxRates.noMatch') : t('fxRates.none')}
            description={filtered ? t('fxRates.noMatchDescription') : t('fxRates.noneDescription')}
            actions={
              filtered ? (
                <Button variant="default" size="xs" leftSection={<IconFilterOff size={14} aria-hidden="true" />} onClick={() => apply({ ...filters, currencies: [] })}>
                  {t('fxRates.filter.clear')}
                </Button>
              ) : undefined
            }
          />
        )}
        {rows.length > 0 && (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing={8} horizontalSpacing="md" highlightOnHover data-testid="fx-rates-table" className={classes.table} data-stale={rates.isPlaceholderData || undefined}>
              <Table.Thead>
                {table.getHeaderGroups().map((group) => (
                  <Table.Tr key={group.id}>
                    {group.headers.map((header) => (
                      <Table.Th key={header.id} scope="col" ta={header.column.columnDef.meta?.align === 'end' ? 'right' : undefined}>
                        {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Thead>
              <Table.Tbody>
                {table.getRowModel().rows.map((row) => (
                  <Table.Tr key={row.id} data-day={row.original.day} data-currency={row.original.currency}>
                    {row.getAllCells().map((cell) => (
                      <Table.Td key={cell.id} ta={cell.column.columnDef.meta?.align === 'end' ? 'right' : undefined}>
                        <table.FlexRender cell={cell} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>

      {dialog?.kind === 'rate' && <RateDialog mode={dialog.mode} reportingCurrency={shownReporting} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'import' && <ImportDialog onClose={() => setDialog(null)} />}
    </Stack>
  );
}

const noRates: FxRate[] = [];
