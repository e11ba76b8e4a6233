import { Card, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { ErrorState } from '@/components/error-state';
import { formatAmount, formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { usePaymentLedgerEntries } from '../api/get-payment-ledger-entries';
import { ledgerAccountLabel } from '../labels';

/** The double-entry postings behind the payment (needs balances.read). */
export function LedgerEntriesCard({ paymentId }: { paymentId: string }) {
  const { t, formatLocale, timeZone } = useI18n();
  const entries = usePaymentLedgerEntries(paymentId, true);
  const rows = entries.data?.data ?? [];
  return (
    <Card component="section" aria-labelledby="ledger-heading" padding={0}>
      <Stack gap={4} p="lg" pb="sm">
        <Title order={2} size="h3" id="ledger-heading">
          {t('payment.ledger')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('payment.ledger.description')}
        </Text>
      </Stack>
      {entries.isPending && (
        <Stack p="lg" pt={0} gap="xs">
          <Skeleton h={24} />
          <Skeleton h={24} />
        </Stack>
      )}
      {entries.isError && (
        <Stack p="lg" pt={0}>
          <ErrorState error={entries.error} onRetry={() => void entries.refetch()} retrying={entries.isFetching} />
        </Stack>
      )}
      {entries.isSuccess && rows.length === 0 && (
        <Text size="sm" c="dimmed" px="lg" pb="lg">
          {t('payment.ledger.none')}
        </Text>
      )}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing={8} horizontalSpacing="lg" data-testid="ledger-entries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('payment.ledger.account')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('payment.ledger.amount')}
                </Table.Th>
                <Table.Th scope="col">{t('payment.ledger.transaction')}</Table.Th>
                <Table.Th scope="col">{t('payment.ledger.time')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((entry, index) => (
                <Table.Tr key={`${entry.transaction_id}:${entry.account}:${index}`}>
                  <Table.Td>
                    <Text size="sm">{ledgerAccountLabel(entry.account, t)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" className="kassa-numeric" c={entry.amount < 0 ? 'dimmed' : undefined}>
                      {formatAmount(entry.amount, entry.currency, formatLocale, { signDisplay: 'exceptZero' })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace" c="dimmed">
                      {entry.transaction_id}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" className="kassa-numeric">
                      {formatDateTime(entry.created_at, formatLocale, timeZone, 'dateTimeSeconds')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
