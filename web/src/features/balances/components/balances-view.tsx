import { Card, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconWallet } from '@tabler/icons-react';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { formatAmount } from '@/lib/format';
import { useI18n, type PlainMessageKey } from '@/lib/i18n';
import { useBalances } from '../api/get-balances';
import { groupBalances, mainAccounts, otherAccounts, type LedgerAccount, type ProjectOption } from '../types';
import classes from './balances-view.module.css';

export interface BalancesViewProps {
  /** The project chosen in the header; null for all. */
  projectId: string | null;
  projects: readonly ProjectOption[];
}

function accountLabel(account: LedgerAccount): PlainMessageKey {
  return `ledger.account.${account}`;
}

function accountHint(account: LedgerAccount): PlainMessageKey {
  return `balances.accountHint.${account}`;
}

/** Per project and currency, what each ledger account holds. */
export function BalancesView({ projectId, projects }: BalancesViewProps) {
  const { t, formatLocale } = useI18n();
  const balances = useBalances();
  const grouped = groupBalances(balances.data?.data ?? []).filter((group) => projectId === null || group.projectId === projectId);
  const projectName = (id: string) => projects.find((project) => project.id === id)?.name ?? id;

  if (balances.isPending) {
    return (
      <Stack gap="md" aria-busy="true">
        <Skeleton h={140} radius="md" />
        <Skeleton h={140} radius="md" />
      </Stack>
    );
  }
  if (balances.isError) return <ErrorState error={balances.error} onRetry={() => void balances.refetch()} retrying={balances.isFetching} />;
  if (grouped.length === 0) {
    return (
      <EmptyState
        icon={IconWallet}
        title={t('balances.none')}
        description={projectId === null ? t('balances.noneDescription') : t('balances.noneForProject')}
      />
    );
  }
  return (
    <Stack gap="lg" data-testid="balances">
      {grouped.map((group) => {
        const extra = otherAccounts.filter((account) => group.currencies.some((entry) => (entry.amounts[account] ?? 0) !== 0));
        const accounts = [...mainAccounts, ...extra];
        const headingId = `balances-${group.projectId}`;
        return (
          <Card key={group.projectId} padding={0} component="section" aria-labelledby={headingId}>
            <Group justify="space-between" px="lg" pt="lg" pb="sm">
              <Title order={2} size="h3" id={headingId}>
                {projectName(group.projectId)}
              </Title>
            </Group>
            <div className={classes.tiles}>
              {group.currencies.map((entry) => (
                <div key={entry.currency} className={classes.tile}>
                  <Text size="xs" c="dimmed" fw={600}>
                    {t('balances.availableIn', { currency: entry.currency })}
                  </Text>
                  <Text className={`${classes.big} kassa-numeric`} data-testid={`available-${group.projectId}-${entry.currency}`}>
                    {formatAmount(entry.amounts.available ?? 0, entry.currency, formatLocale)}
                  </Text>
                </div>
              ))}
            </div>
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="sm" horizontalSpacing="lg" className={classes.table}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('balances.currency')}</Table.Th>
                    {accounts.map((account) => (
                      <Table.Th key={account} scope="col" ta="right">
                        <span title={t(accountHint(account))}>{t(accountLabel(account))}</span>
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {group.currencies.map((entry) => (
                    <Table.Tr key={entry.currency}>
                      <Table.Th scope="row">
                        <Text size="sm" fw={600}>
                          {entry.currency}
                        </Text>
                      </Table.Th>
                      {accounts.map((account) => {
                        const amount = entry.amounts[account] ?? 0;
                        return (
                          <Table.Td key={account} ta="right">
                            <Text size="sm" className="kassa-numeric" c={amount === 0 ? 'dimmed' : undefined} fw={account === 'available' ? 600 : 400}>
                              {formatAmount(amount, entry.currency, formatLocale)}
                            </Text>
                          </Table.Td>
                        );
                      })}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        );
      })}
      <Text size="xs" c="dimmed">
        {t('balances.signHint')}
      </Text>
    </Stack>
  );
}
