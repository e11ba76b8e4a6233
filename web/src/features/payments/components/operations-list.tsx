import { Alert, Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowsExchange, IconFilterOff } from '@tabler/icons-react';
import { createColumnHelper, useTable, type ColumnVisibilityState } from '@tanstack/react-table';
import { useMemo } from 'react';
import { Link, useLocation, useNavigate, type To } from 'react-router';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { useProjectScope } from '@/hooks/use-project-scope';
import { formatAmount } from '@/lib/format';
import { useI18n, type Translate } from '@/lib/i18n';
import { useOperations } from '../api/get-operations';
import { backState } from '../back-state';
import { useListUrl } from '../hooks/use-list-url';
import { listDateTime, methodLabel, operationStatusLabel, operationTypeLabel } from '../labels';
import { amountCurrencyOf, operationsQueryOf } from '../list-query';
import { moneyErrorMessage } from '../money-messages';
import {
  activeFilterCount,
  emptyListFilters,
  operationStatuses,
  operationTypes,
  operationVocabulary,
  paymentMethods,
  type Operation,
  type ProjectOption,
} from '../types';
import { ColumnPicker } from './column-picker';
import { FilterBar, type FilterField } from './filter-bar';
import { listTableFeatures, ListTable, usePersistedColumns } from './list-table';
import classes from './list-table.module.css';
import { Pager } from './pager';
import { ListSkeleton } from './payments-list';
import { OperationStatusBadge } from './status-badge';

/** The filters GET /operations applies to operations. */
const filterFields: readonly FilterField[] = ['date', 'amount', 'type', 'status', 'method', 'currency', 'country', 'cardBrand', 'declineCode'];

const defaultColumns: ColumnVisibilityState = { reference: false, id: false };

const columnStorageKey = 'kassa.operations.columns';

const helper = createColumnHelper<typeof listTableFeatures, Operation>();

interface ColumnContext {
  t: Translate;
  formatLocale: string;
  timeZone: string;
  linkTo: (operation: Operation) => To;
  linkState: unknown;
}

function operationColumns({ t, formatLocale, timeZone, linkTo, linkState }: ColumnContext) {
  const dash = (
    <Text span size="sm" c="dimmed">
      —
    </Text>
  );
  return helper.columns([
    helper.display({
      id: 'amount',
      header: t('operations.column.amount'),
      enableHiding: false,
      meta: { label: t('operations.column.amount') },
      cell: ({ row }) => {
        const operation = row.original;
        const amount = formatAmount(operation.amount, operation.currency, formatLocale);
        return (
          <Group gap={6} wrap="nowrap">
            <Anchor
              component={Link}
              to={linkTo(operation)}
              state={linkState}
              className={`${classes.rowLink} kassa-numeric`}
              aria-label={t('operations.openPayment', { type: operationTypeLabel(operation.type, t), amount })}
            >
              {amount}
            </Anchor>
            <Text span size="xs" c="dimmed">
              {operation.currency}
            </Text>
          </Group>
        );
      },
    }),
    helper.display({
      id: 'type',
      header: t('operations.column.type'),
      meta: { label: t('operations.column.type') },
      cell: ({ row }) => (
        <Text span size="sm" fw={500}>
          {operationTypeLabel(row.original.type, t)}
        </Text>
      ),
    }),
    helper.display({
      id: 'status',
      header: t('operations.column.status'),
      meta: { label: t('operations.column.status') },
      cell: ({ row }) => <OperationStatusBadge status={row.original.status} />,
    }),
    helper.display({
      id: 'fee',
      header: t('operations.column.fee'),
      meta: { label: t('operations.column.fee'), align: 'end' },
      cell: ({ row }) =>
        row.original.fee === 0 ? (
          dash
        ) : (
          <Text span size="sm" className="kassa-numeric">
            {formatAmount(row.original.fee, row.original.currency, formatLocale)}
          </Text>
        ),
    }),
    helper.display({
      id: 'method',
      header: t('operations.column.method'),
      meta: { label: t('operations.column.method') },
      cell: ({ row }) => (
        <Text span size="sm">
          {methodLabel(row.original.method, t)}
        </Text>
      ),
    }),
    helper.display({
      id: 'decline',
      header: t('operations.column.decline'),
      meta: { label: t('operations.column.decline') },
      cell: ({ row }) =>
        row.original.decline_code === null ? (
          dash
        ) : (
          <Text span size="sm" className={`${classes.truncate} ${classes.decline}`} title={row.original.decline_message ?? undefined}>
            {row.original.decline_code}
            {row.original.decline_message !== null && ` · ${row.original.decline_message}`}
          </Text>
        ),
    }),
    helper.display({
      id: 'payment',
      header: t('operations.column.payment'),
      meta: { label: t('operations.column.payment') },
      cell: ({ row }) => <span className={classes.code}>{row.original.payment_id}</span>,
    }),
    helper.display({
      id: 'reference',
      header: t('operations.column.reference'),
      meta: { label: t('operations.column.reference') },
      cell: ({ row }) => (row.original.processor_reference === '' ? dash : <span className={classes.code}>{row.original.processor_reference}</span>),
    }),
    helper.display({
      id: 'created',
      header: t('operations.column.created'),
      meta: { label: t('operations.column.created') },
      cell: ({ row }) => (
        <Text span size="sm" c="dimmed" className="kassa-numeric">
          {listDateTime(row.original.created_at, formatLocale, timeZone)}
        </Text>
      ),
    }),
    helper.display({
      id: 'id',
      header: t('operations.column.id'),
      meta: { label: t('operations.column.id') },
      cell: ({ row }) => <span className={classes.code}>{row.original.id}</span>,
    }),
  ]);
}

export interface OperationsListProps {
  projects: readonly ProjectOption[];
  companyCurrency: string;
}

/** Every operation, newest first, filtered and paged like the payments; a row opens its payment. */
export function OperationsList({ projects, companyCurrency }: OperationsListProps) {
  const { t, formatLocale, timeZone } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const { projectId, withProject } = useProjectScope();
  const { filters, pageSize, cursors, startingAfter, page, setFilters, nextPage, previousPage, setPageSize } = useListUrl(operationVocabulary);
  const fallbackCurrency = projects.find((project) => project.id === projectId)?.default_currency ?? companyCurrency;
  const { query, invalidAmounts } = operationsQueryOf(filters, { projectId, timeZone, fallbackCurrency });
  const operations = useOperations({ ...query, limit: pageSize, starting_after: startingAfter });
  const amountCurrency = amountCurrencyOf(filters.currencies, fallbackCurrency);

  const [columnVisibility, setColumnVisibility] = usePersistedColumns(columnStorageKey, defaultColumns);
  // The payment's "back" link returns to this list as it is now (filters, page).
  const linkState = useMemo(() => backState(location.pathname, location.search), [location.pathname, location.search]);
  const columns = useMemo(
    () =>
      operationColumns({ t, formatLocale, timeZone, linkTo: (operation) => withProject(`/payments/${operation.payment_id}`), linkState }),
    [t, formatLocale, timeZone, withProject, linkState],
  );
  const rows = operations.data?.data ?? noOperations;
  const table = useTable({
    features: listTableFeatures,
    columns,
    data: rows,
    getRowId: (operation) => operation.id,
    state: { columnVisibility },
    onColumnVisibilityChange: setColumnVisibility,
  });
  const lastId = rows[rows.length - 1]?.id;
  const open = (operation: Operation) => void navigate(withProject(`/payments/${operation.payment_id}`), { state: linkState });
  const filtered = activeFilterCount(filters) > 0;

  return (
    <Stack gap="md">
      <FilterBar
        fields={filterFields}
        filters={filters}
        onChange={setFilters}
        statusOptions={operationStatuses.map((status) => ({ value: status, label: operationStatusLabel(status, t) }))}
        typeOptions={operationTypes.map((type) => ({ value: type, label: operationTypeLabel(type, t) }))}
        methodOptions={paymentMethods.map((method) => ({ value: method, label: methodLabel(method, t) }))}
        amountCurrency={amountCurrency}
        trailing={<ColumnPicker table={table} />}
      />
      {invalidAmounts.length > 0 && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden="true" />}>
          {t('filters.amount.notApplied', {
            reason: amountCurrency === null ? t('filters.amount.mixedCurrencies') : moneyErrorMessage('tooManyDecimals', amountCurrency, t),
          })}
        </Alert>
      )}
      <Card padding={0}>
        {operations.isPending && <ListSkeleton />}
        {operations.isError && (
          <Stack p="md">
            <ErrorState error={operations.error} onRetry={() => void operations.refetch()} retrying={operations.isFetching} />
          </Stack>
        )}
        {operations.isSuccess && rows.length === 0 && (
          <EmptyState
            icon={IconArrowsExchange}
            title={filtered || cursors.length > 0 ? t('operations.noMatch') : t('operations.none')}
            description={filtered || cursors.length > 0 ? t('operations.noMatchDescription') : t('operations.noneDescription')}
            actions={
              filtered ? (
                <Button variant="default" size="xs" leftSection={<IconFilterOff size={14} aria-hidden="true" />} onClick={() => setFilters(emptyListFilters)}>
                  {t('filters.clearAll')}
                </Button>
              ) : undefined
            }
          />
        )}
        {rows.length > 0 && <ListTable table={table} onOpen={open} testId="operations-table" stale={operations.isPlaceholderData} />}
        {(rows.length > 0 || cursors.length > 0) && (
          <Pager
            page={page}
            hasPrevious={cursors.length > 0}
            hasNext={operations.data?.has_more === true && lastId !== undefined && !operations.isPlaceholderData}
            onPrevious={previousPage}
            onNext={() => lastId !== undefined && nextPage(lastId)}
            pageSize={pageSize}
            onPageSizeChange={setPageSize}
            busy={operations.isFetching && !operations.isPending}
          />
        )}
      </Card>
    </Stack>
  );
}

const noOperations: Operation[] = [];
