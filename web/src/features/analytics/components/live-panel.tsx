import { Badge, Card, Group, ScrollArea, Text, Title } from '@mantine/core';
import { memo, useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { cardBrandName } from '@/lib/display-names';
import { formatAmount, formatDateTime } from '@/lib/format';
import { useI18n, type PlainMessageKey, type Translate } from '@/lib/i18n';
import { useLiveOperations, type LiveStatus } from '../api/live-operations';
import { methodName } from '../labels';
import type { LiveOperation, ProjectName } from '../types';
import classes from './overview.module.css';

const statusColors: Readonly<Record<string, string>> = {
  success: 'teal',
  processing: 'gray',
  decline: 'red',
  error: 'red',
};

const typeKeys: Readonly<Record<string, PlainMessageKey>> = {
  sale: 'operations.type.sale',
  auth: 'operations.type.auth',
  capture: 'operations.type.capture',
  cancel: 'operations.type.cancel',
  refund: 'operations.type.refund',
  chargeback: 'operations.type.chargeback',
  reversal: 'operations.type.reversal',
};

const statusKeys: Readonly<Record<string, PlainMessageKey>> = {
  success: 'operations.status.success',
  processing: 'operations.status.processing',
  decline: 'operations.status.decline',
  error: 'operations.status.error',
};

const liveStatusKeys: Readonly<Record<LiveStatus, PlainMessageKey>> = {
  connecting: 'analytics.live.status.connecting',
  open: 'analytics.live.status.open',
  reconnecting: 'analytics.live.status.reconnecting',
  closed: 'analytics.live.status.closed',
  unsupported: 'analytics.live.status.unsupported',
};

function label(keys: Readonly<Record<string, PlainMessageKey>>, value: string, t: Translate): string {
  const key = keys[value];
  return key === undefined ? value : t(key);
}

/** Money leaving the merchant (refunds, chargebacks) reads as negative. */
function signedAmount(operation: LiveOperation, locale: string): string {
  const outgoing = operation.type === 'refund' || operation.type === 'chargeback';
  return formatAmount(outgoing ? -operation.amount : operation.amount, operation.currency, locale);
}

export interface LivePanelProps {
  /** The project chosen in the header; null for all. */
  projectId: string | null;
  projects: readonly ProjectName[];
  /** Whether the rows open their payment (the person may read payments). */
  linkable: boolean;
  heightPx: number;
}

/** The latest operations, newest on top, pushed by the server as they happen. */
export const LivePanel = memo(function LivePanel({ projectId, projects, linkable, heightPx }: LivePanelProps) {
  const { t, formatLocale, timeZone } = useI18n();
  const { operations, status } = useLiveOperations(projectId);
  // Rows that arrived after the first batch flash once.
  const seen = useRef<Set<string> | null>(null);
  const firstBatchDone = seen.current !== null;
  useEffect(() => {
    if (operations.length > 0 || status === 'open') seen.current = new Set(operations.map((operation) => operation.id));
  }, [operations, status]);

  const projectName = (id: string) => projects.find((project) => project.id === id)?.name ?? id;
  return (
    <Card className={classes.card} component="section" aria-labelledby="live-title" data-testid="live-panel" padding="lg">
      <div className={classes.cardHeader}>
        <div>
          <Title order={2} id="live-title" className={classes.cardTitle}>
            {t('analytics.live.title')}
          </Title>
          <Text size="xs" c="dimmed" mt={2}>
            {t('analytics.live.subtitle')}
          </Text>
        </div>
        <Group gap={6} wrap="nowrap" role="status" data-testid="live-status" data-state={status}>
          <span className={classes.statusDot} data-state={status} aria-hidden="true" />
          <Text size="xs" c="dimmed" fw={500}>
            {t(liveStatusKeys[status])}
          </Text>
        </Group>
      </div>
      {operations.length === 0 ? (
        <div className={classes.emptyChart} style={{ minHeight: 120 }}>
          {t('analytics.live.empty')}
        </div>
      ) : (
        <ScrollArea.Autosize mah={heightPx} type="hover" offsetScrollbars>
          <ul className={classes.liveList} aria-label={t('analytics.live.listLabel')}>
            {operations.map((operation) => {
              const amount = signedAmount(operation, formatLocale);
              const type = label(typeKeys, operation.type, t);
              const statusText = label(statusKeys, operation.status, t);
              const time = formatDateTime(operation.created_at, formatLocale, timeZone, 'time');
              const details = [
                operation.card_brand !== null && operation.card_brand !== '' ? cardBrandName(operation.card_brand) : methodName(operation.method, t),
                operation.country,
                projectId === null && projects.length > 1 ? projectName(operation.project_id) : null,
              ]
                .filter((part): part is string => part !== null && part !== '')
                .join(' · ');
              const content = (
                <>
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" fw={600} className={classes.numeric} truncate>
                      {amount}
                    </Text>
                    <Text size="xs" c="dimmed" truncate>
                      {[type, details].filter((part) => part !== '').join(' · ')}
                    </Text>
                  </div>
                  <div className={classes.liveMeta}>
                    <Badge color={statusColors[operation.status] ?? 'gray'} variant="light" size="xs">
                      {statusText}
                    </Badge>
                    <Text size="xs" c="dimmed" className={classes.numeric}>
                      {time}
                    </Text>
                  </div>
                </>
              );
              return (
                <li key={operation.id} className={classes.liveItem} data-new={(firstBatchDone && !seen.current?.has(operation.id)) || undefined} data-testid="live-operation">
                  {linkable ? (
                    <Link
                      to={`/payments/${encodeURIComponent(operation.payment_id)}`}
                      className={classes.liveLink}
                      aria-label={t('analytics.live.open', { type, amount, status: statusText, time })}
                    >
                      {content}
                    </Link>
                  ) : (
                    <div className={classes.liveLink}>{content}</div>
                  )}
                </li>
              );
            })}
          </ul>
        </ScrollArea.Autosize>
      )}
    </Card>
  );
});
