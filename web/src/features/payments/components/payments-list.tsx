import { Alert, Anchor, Button, Card, Group, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCreditCard, IconDownload, IconFilterOff } from '@tabler/icons-react';
import { createColumnHelper, useTable, type ColumnVisibilityState } from '@tanstack/react-table';
import { useMemo } from 'react';
import { Link, useLocation, useNavigate, type To } from 'react-router';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { useProjectScope } from '@/hooks/use-project-scope';
import { formatAmount } from '@/lib/format';
import { useI18n, type Translate } from '@/lib/i18n';
import { paymentsExportUrl } from '../api/export-payments';
import { usePayments } from '../api/get-payments';
import { countryName, listDateTime, methodLabel, paymentMethodText, paymentStatusLabel } from '../labels';
import { amountCurrencyOf, paymentsQueryOf } from '../list-query';
import { moneyErrorMessage } from '../money-messages';
import { backState } from '../back-state';
import { useListUrl } from '../hooks/use-list-url';
import {
  activeFilterCount,
  emptyListFilters,
  paymentMethods,
  paymentStatuses,
  paymentVocabulary,
  type Payment,
  type ProjectOption,
} from '../types';
import { ColumnPicker } from './column-picker';
import { FilterBar, type FilterField } from './filter-bar';
import { listTableFeatures, ListTable, usePersistedColumns } from './list-table';
import classes from './list-table.module.css';
import { Pager } from './pager';
import { PaymentStatusBadge } from './status-badge';

const filterFields: readonly FilterField[] = ['date', 'amount', 'status', 'method', 'currency', 'country', 'cardBrand', 'email', 'last4', 'reference'];

/** Shown until the person chooses otherwise (kept in this browser). */
const defaultColumns: ColumnVisibilityState = { description: false, country: false, refunded: false, id: false };

const columnStorageKey = 'kassa.payments.columns';

const helper = createColumnHelper<typeof listTableFeatures, Payment>();

interface ColumnContext {
  t: Translate;
  formatLocale: string;
  timeZone: string;
  projectName: (id: string) => string;
  linkTo: (payment: Payment) => To;
  linkState: unknown;
}

function paymentColumns({ t, formatLocale, timeZone, projectName, linkTo, linkState }: ColumnContext) {
  const dash = (
    <Text span size="sm" c="dimmed">
      —
    </Text>
  );
  return helper.columns([
    helper.display({
      id: 'amount',
      header: t('payments.column.amount'),
      enableHiding: false,
      meta: { label: t('payments.column.amount') },
      cell: ({ row }) => {
        const payment = row.original;
        const amount = formatAmount(payment.amount, payment.currency, formatLocale);
        return (
          <Group gap={6} wrap="nowrap">
            <Anchor
              component={Link}
              to={linkTo(payment)}
              state={linkState}
              className={`${classes.rowLink} kassa-numeric`}
              aria-label={t('payments.openPayment', { amount, reference: payment.merchant_reference })}
            >
              {amount}
            </Anchor>
            <Text span size="xs" c="dimmed">
              {payment.currency}
            </Text>
          </Group>
        );
      },
    }),
    helper.display({
      id: 'status',
      header: t('payments.column.status'),
      meta: { label: t('payments.column.status') },
      cell: ({ row }) => <PaymentStatusBadge status={row.original.status} />,
    }),
    helper.display({
      id: 'method',
      header: t('payments.column.method'),
      meta: { label: t('payments.column.method') },
      cell: ({ row }) => (
        <Text span size="sm" className="kassa-numeric">
          {paymentMethodText(row.original, t)}
        </Text>
      ),
    }),
    helper.display({
      id: 'description',
      header: t('payments.column.description'),
      meta: { label: t('payments.column.description') },
      cell: ({ row }) =>
        row.original.description === '' ? (
          dash
        ) : (
          <Text span size="sm" className={classes.truncate} title={row.original.description}>
            {row.original.description}
          </Text>
        ),
    }),
    helper.display({
      id: 'customer',
      header: t('payments.column.customer'),
      meta: { label: t('payments.column.customer') },
      cell: ({ row }) =>
        row.original.customer.email === '' ? (
          dash
        ) : (
          <Text span size="sm" className={classes.truncate}>
            {row.original.customer.email}
          </Text>
        ),
    }),
    helper.display({
      id: 'reference',
      header: t('payments.column.reference'),
      meta: { label: t('payments.column.reference') },
      cell: ({ row }) => (
        <Text span size="sm" c="dimmed" className={classes.truncate}>
          {row.original.merchant_reference}
        </Text>
      ),
    }),
    helper.display({
      id: 'project',
      header: t('payments.column.project'),
      meta: { label: t('payments.column.project') },
      cell: ({ row }) => (
        <Text span size="sm">
          {projectName(row.original.project_id)}
        </Text>
      ),
    }),
    helper.display({
      id: 'country',
      header: t('payments.column.country'),
      meta: { label: t('payments.column.country') },
      cell: ({ row }) =>
        row.original.customer.country === '' ? (
          dash
        ) : (
          <Text span size="sm">
            {countryName(row.original.customer.country, formatLocale)}
          </Text>
        ),
    }),
    helper.display({
      id: 'refunded',
      header: t('payments.column.refunded'),
      meta: { label: t('payments.column.refunded'), align: 'end' },
      cell: ({ row }) =>
        row.original.refunded_amount === 0 ? (
          dash
        ) : (
          <Text span size="sm" className="kassa-numeric">
            {formatAmount(row.original.refunded_amount, row.original.currency, formatLocale)}
          </Text>
        ),
    }),
    helper.display({
      id: 'created',
      header: t('payments.column.created'),
      meta: { label: t('payments.column.created') },
      cell: ({ row }) => (
        <Text span size="sm" c="dimmed" className="kassa-numeric">
          {listDateTime(row.original.created_at, formatLocale, timeZone)}
        </Text>
      ),
    }),
    helper.display({
      id: 'id',
      header: t('payments.column.id'),
      meta: { label: t('payments.column.id') },
      cell: ({ row }) => <span className={classes.code}>{row.original.id}</span>,
    }),
  ]);
}

export interface PaymentsListProps {
  projects: readonly ProjectOption[];
  /** The company's reporting currency: an amount filter's currency when nothing else says. */
  companyCurrency: string;
}

/**
 * All payments, newest first: filters, columns, page position and page size
 * all live in the URL; a row opens the payment; "Export CSV" downloads what
 * the filters match.
 */
export function PaymentsList({ projects, companyCurrency }: PaymentsListProps) {
  const { t, formatLocale, timeZone } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const { projectId, withProject } = useProjectScope();
  const { filters, pageSize, cursors, startingAfter, page, setFilters, nextPage, previousPage, setPageSize } = useListUrl(paymentVocabulary);
  const fallbackCurrency = projects.find((project) => project.id === projectId)?.default_currency ?? companyCurrency;
  const { query, invalidAmounts } = paymentsQueryOf(filters, { projectId, timeZone, fallbackCurrency });
  const payments = usePayments({ ...query, limit: pageSize, starting_after: startingAfter });
  const amountCurrency = amountCurrencyOf(filters.currencies, fallbackCurrency);

  const [columnVisibility, setColumnVisibility] = usePersistedColumns(columnStorageKey, defaultColumns);
  // The payment's "back" link returns to this list as it is now (filters, page).
  const linkState = useMemo(() => backState(location.pathname, location.search), [location.pathname, location.search]);
  const columns = useMemo(() => {
    const projectName = (id: string) => projects.find((project) => project.id === id)?.name ?? id;
    const linkTo = (payment: Payment) => withProject(`/payments/${payment.id}`);
    return paymentColumns({ t, formatLocale, timeZone, projectName, linkTo, linkState });
  }, [t, formatLocale, timeZone, projects, withProject, linkState]);
  const rows = payments.data?.data ?? noPayments;
  const table = useTable({
    features: listTableFeatures,
    columns,
    data: rows,
    getRowId: (payment) => payment.id,
    state: { columnVisibility },
    onColumnVisibilityChange: setColumnVisibility,
  });

  const lastId = rows[rows.length - 1]?.id;
  const open = (payment: Payment) => void navigate(withProject(`/payments/${payment.id}`), { state: linkState });

  const statusOptions = paymentStatuses.map((status) => ({ value: status, label: paymentStatusLabel(status, t) }));
  const methodOptions = paymentMethods.map((method) => ({ value: method, label: methodLabel(method, t) }));
  const filtered = activeFilterCount(filters) > 0;

  return (
    <Stack gap="md">
      <FilterBar
        fields={filterFields}
        filters={filters}
        onChange={setFilters}
        statusOptions={statusOptions}
        methodOptions={methodOptions}
        amountCurrency={amountCurrency}
        trailing={
          <>
            <ColumnPicker table={table} />
            <Tooltip label={t('payments.exportHint')} withArrow>
              <Button
                component="a"
                href={paymentsExportUrl(query)}
                download="payments.csv"
                variant="default"
                size="xs"
                leftSection={<IconDownload size={14} aria-hidden="true" />}
                data-testid="payments-export"
              >
                {t('payments.export')}
              </Button>
            </Tooltip>
          </>
        }
      />
      {invalidAmounts.length > 0 && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden="true" />}>
          {t('filters.amount.notApplied', {
            reason: amountCurrency === null ? t('filters.amount.mixedCurrencies') : moneyErrorMessage('tooManyDecimals', amountCurrency, t),
          })}
        </Alert>
      )}
      <Card padding={0}>
        {payments.isPending && <ListSkeleton />}
        {payments.isError && (
          <Stack p="md">
            <ErrorState error={payments.error} onRetry={() => void payments.refetch()} retrying={payments.isFetching} />
          </Stack>
        )}
        {payments.isSuccess && rows.length === 0 && (
          <EmptyState
            icon={IconCreditCard}
            title={filtered || cursors.length > 0 ? t('payments.noMatch') : t('payments.none')}
            description={filtered || cursors.length > 0 ? t('payments.noMatchDescription') : t('payments.noneDescription')}
            actions={
              filtered ? (
                <Button variant="default" size="xs" leftSection={<IconFilterOff size={14} aria-hidden="true" />} onClick={() => setFilters(emptyListFilters)}>
                  {t('filters.clearAll')}
                </Button>
              ) : undefined
            }
          />
        )}
        {rows.length > 0 && (
          <ListTable table={table} onOpen={open} testId="payments-table" stale={payments.isPlaceholderData} />
        )}
        {(rows.length > 0 || cursors.length > 0) && (
          <Pager
            page={page}
            hasPrevious={cursors.length > 0}
            hasNext={payments.data?.has_more === true && lastId !== undefined && !payments.isPlaceholderData}
            onPrevious={previousPage}
            onNext={() => lastId !== undefined && nextPage(lastId)}
            pageSize={pageSize}
            onPageSizeChange={setPageSize}
            busy={payments.isFetching && !payments.isPending}
          />
        )}
      </Card>
    </Stack>
  );
}

const noPayments: Payment[] = [];

export function ListSkeleton() {
  return (
    <Stack p="md" gap="sm" aria-busy="true">
      {Array.from({ length: 6 }, (_, index) => (
        <Skeleton key={index} h={28} />
      ))}
    </Stack>
  );
}
