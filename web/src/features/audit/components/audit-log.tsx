import { ActionIcon, Anchor, Badge, Button, Card, Code, Divider, Group, Skeleton, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconApi, IconChevronDown, IconChevronRight, IconHistory, IconRobot, IconUser, IconUserQuestion, type Icon } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { formatDateTime } from '@/lib/format';
import { useI18n, type Translate } from '@/lib/i18n';
import { auditEventsOf, auditQueryOf, useAuditEvents } from '../api/get-audit-events';
import { diffSnapshots, snapshotText } from '../diff';
import { auditFiltersFromParams, paramsWithAuditFilters, type AuditEvent, type AuditFilters } from '../types';
import { AuditFiltersForm } from './audit-filters';
import classes from './audit-log.module.css';

const actorIcons: Readonly<Record<AuditEvent['actor']['type'], Icon>> = {
  user: IconUser,
  api_key: IconApi,
  system: IconRobot,
  anonymous: IconUserQuestion,
};

function actorTypeLabel(type: AuditEvent['actor']['type'], t: Translate): string {
  switch (type) {
    case 'user':
      return t('audit.actor.user');
    case 'api_key':
      return t('audit.actor.apiKey');
    case 'system':
      return t('audit.actor.system');
    case 'anonymous':
      return t('audit.actor.anonymous');
  }
}

/** The audit log: filters in the URL, newest first, "Load more", and each event's change. */
export function AuditLog() {
  const { t, formatLocale, timeZone } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = auditFiltersFromParams(params);
  const events = useAuditEvents(auditQueryOf(filters, timeZone));
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const apply = (next: AuditFilters) => setParams((current) => paramsWithAuditFilters(current, next));
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const shown = auditEventsOf(events.data?.pages);
  const columnCount = 6;

  return (
    <Stack gap="md">
      <Card>
        <AuditFiltersForm value={filters} onApply={apply} />
      </Card>
      <Card padding={0}>
        {events.isPending && (
          <Stack p="md" gap="sm">
            <Skeleton h={28} />
            <Skeleton h={28} />
            <Skeleton h={28} />
          </Stack>
        )}
        {events.isError && (
          <Stack p="md">
            <ErrorState error={events.error} onRetry={() => void events.refetch()} retrying={events.isFetching} />
          </Stack>
        )}
        {events.isSuccess && shown.length === 0 && (
          <EmptyState icon={IconHistory} title={t('audit.none')} description={t('audit.noneDescription')} />
        )}
        {shown.length > 0 && (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="xs" horizontalSpacing="md" data-testid="audit-table" className={classes.table}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={44}>
                    <VisuallyHidden>{t('audit.details')}</VisuallyHidden>
                  </Table.Th>
                  <Table.Th scope="col">{t('audit.field.time')}</Table.Th>
                  <Table.Th scope="col">{t('audit.field.actor')}</Table.Th>
                  <Table.Th scope="col">{t('audit.field.action')}</Table.Th>
                  <Table.Th scope="col">{t('audit.field.target')}</Table.Th>
                  <Table.Th scope="col">{t('audit.field.ip')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((event) => {
                  const open = expanded.has(event.id);
                  const detailsId = `audit-details-${event.id}`;
                  const ActorIcon = actorIcons[event.actor.type];
                  return (
                    <Fragment key={event.id}>
                      <Table.Tr data-open={open || undefined} className={classes.row}>
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            onClick={() => toggle(event.id)}
                            aria-expanded={open}
                            aria-controls={open ? detailsId : undefined}
                            aria-label={t('audit.toggleDetails', { action: event.action, time: formatDateTime(event.occurred_at, formatLocale, timeZone, 'dateTimeSeconds') })}
                          >
                            {open ? <IconChevronDown size={16} aria-hidden="true" /> : <IconChevronRight size={16} aria-hidden="true" />}
                          </ActionIcon>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" className="kassa-numeric" style={{ whiteSpace: 'nowrap' }}>
                            {formatDateTime(event.occurred_at, formatLocale, timeZone, 'dateTimeSeconds')}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Group gap={6} wrap="nowrap">
                            <Tooltip label={actorTypeLabel(event.actor.type, t)} withArrow>
                              <span className={classes.actorIcon} role="img" aria-label={actorTypeLabel(event.actor.type, t)}>
                                <ActorIcon size={14} aria-hidden="true" />
                              </span>
                            </Tooltip>
                            <Text size="sm" truncate maw={240}>
                              {event.actor.label}
                            </Text>
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <Code className={classes.action}>{event.action}</Code>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" truncate maw={260}>
                            <Text span c="dimmed" size="sm">
                              {event.target.type}
                            </Text>{' '}
                            <Text span ff="monospace" size="xs">
                              {event.target.id}
                            </Text>
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" ff="monospace" c="dimmed">
                            {event.ip}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                      {open && (
                        <Table.Tr id={detailsId} className={classes.detailsRow}>
                          <Table.Td colSpan={columnCount}>
                            <EventDetails event={event} onFilter={(patch) => apply({ ...filters, ...patch })} />
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {events.hasNextPage && (
          <Group justify="center" p="md">
            <Button variant="default" size="xs" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
              {t('list.loadMore')}
            </Button>
          </Group>
        )}
      </Card>
    </Stack>
  );
}

function EventDetails({ event, onFilter }: { event: AuditEvent; onFilter: (patch: Partial<AuditFilters>) => void }) {
  const { t } = useI18n();
  const changes = diffSnapshots(event.before, event.after);
  const changeLabels = {
    added: t('audit.diff.added'),
    removed: t('audit.diff.removed'),
    changed: t('audit.diff.changed'),
    unchanged: '',
  };
  return (
    <Stack gap="md" py="xs" data-testid="audit-details">
      {changes.length > 0 ? (
        <Table withTableBorder className={classes.diff} verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('audit.diff.field')}</Table.Th>
              <Table.Th scope="col">{t('audit.diff.before')}</Table.Th>
              <Table.Th scope="col">{t('audit.diff.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.map((change) => (
              <Table.Tr key={change.field} data-kind={change.kind}>
                <Table.Th scope="row">
                  <Group gap={6} wrap="nowrap">
                    <Text size="xs" ff="monospace" fw={500}>
                      {change.field}
                    </Text>
                    {change.kind !== 'unchanged' && (
                      <Badge size="xs" variant="light" color={change.kind === 'removed' ? 'red' : change.kind === 'added' ? 'teal' : 'orange'}>
                        {changeLabels[change.kind]}
                      </Badge>
                    )}
                  </Group>
                </Table.Th>
                <Table.Td className={classes.before}>{snapshotText(change.before)}</Table.Td>
                <Table.Td className={classes.after}>{snapshotText(change.after)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed">
          {t('audit.noChange')}
        </Text>
      )}
      <Divider />
      <dl className="kassa-facts">
        <div>
          <dt>{t('audit.field.actor')}</dt>
          <dd>
            {event.actor.label}
            {event.actor.id !== null && (
              <>
                {' '}
                <Text span ff="monospace" size="xs" c="dimmed">
                  {event.actor.id}
                </Text>{' '}
                <Anchor component="button" type="button" size="xs" onClick={() => onFilter({ actorId: event.actor.id ?? '' })}>
                  {t('audit.onlyThisActor')}
                </Anchor>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('audit.field.target')}</dt>
          <dd>
            {event.target.type}{' '}
            <Text span ff="monospace" size="xs">
              {event.target.id}
            </Text>{' '}
            <Anchor
              component="button"
              type="button"
              size="xs"
              onClick={() => onFilter({ targetType: event.target.type, targetId: event.target.id })}
            >
              {t('audit.onlyThisTarget')}
            </Anchor>
          </dd>
        </div>
        <div>
          <dt>{t('audit.field.userAgent')}</dt>
          <dd>{event.user_agent || '—'}</dd>
        </div>
        <div>
          <dt>{t('audit.field.chain')}</dt>
          <dd>
            <Text span size="xs" ff="monospace" className={classes.hash}>
              #{event.seq} · {event.hash}
            </Text>
            <br />
            <Text span size="xs" ff="monospace" c="dimmed" className={classes.hash}>
              {t('audit.prevHash')} {event.prev_hash}
            </Text>
          </dd>
        </div>
        <div>
          <dt>{t('audit.field.eventId')}</dt>
          <dd>
            <Text span size="xs" ff="monospace">
              {event.id}
            </Text>
          </dd>
        </div>
      </dl>
    </Stack>
  );
}

