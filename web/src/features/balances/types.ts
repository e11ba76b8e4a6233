import type { components } from '@/lib/api';

export type Balance = components['schemas']['Balance'];
export type LedgerAccount = components['schemas']['LedgerAccount'];

export interface ProjectOption {
  id: string;
  name: string;
}

/** The accounts shown as columns, in this order; others appear only when they hold something. */
export const mainAccounts: readonly LedgerAccount[] = ['available', 'fees', 'refunds', 'chargebacks', 'processor_settlement'];
export const otherAccounts: readonly LedgerAccount[] = ['pending', 'payouts'];

export interface CurrencyBalances {
  currency: string;
  amounts: Partial<Record<LedgerAccount, number>>;
}

export interface ProjectBalances {
  projectId: string;
  currencies: CurrencyBalances[];
}

/** The flat list grouped by project, then currency (both sorted), amounts by account. */
export function groupBalances(balances: readonly Balance[]): ProjectBalances[] {
  const projects = new Map<string, Map<string, CurrencyBalances>>();
  for (const balance of balances) {
    let currencies = projects.get(balance.project_id);
    if (currencies === undefined) {
      currencies = new Map();
      projects.set(balance.project_id, currencies);
    }
    let entry = currencies.get(balance.currency);
    if (entry === undefined) {
      entry = { currency: balance.currency, amounts: {} };
      currencies.set(balance.currency, entry);
    }
    entry.amounts[balance.account] = (entry.amounts[balance.account] ?? 0) + balance.amount;
  }
  return [...projects.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([projectId, currencies]) => ({
      projectId,
      currencies: [...currencies.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    }));
}
