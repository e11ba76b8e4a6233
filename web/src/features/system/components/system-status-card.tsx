import type { ReactNode } from 'react';
import { Badge, Card, Group, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconServer } from '@tabler/icons-react';
import { ErrorState } from '@/components/error-state';
import { useT } from '@/lib/i18n';
import { useHealth } from '../api/get-health';
import { useVersion, type Version } from '../api/get-version';
import classes from './system-status-card.module.css';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={classes.row}>
      <dt className={classes.term}>{label}</dt>
      <dd className={classes.value}>{children}</dd>
    </div>
  );
}

function databaseLabel(database: Version['database'], t: ReturnType<typeof useT>): string {
  switch (database) {
    case 'sqlite':
      return t('system.database.sqlite');
    case 'postgresql':
      return t('system.database.postgresql');
  }
}

/** The server's liveness, version and storage backend, from /healthz and /api/v1/version. */
export function SystemStatusCard() {
  const t = useT();
  const health = useHealth();
  const version = useVersion();
  const titleId = 'system-status-title';

  const error = health.error ?? version.error;
  const loading = health.isPending || version.isPending;

  const body = (() => {
    if (error !== null) {
      return (
        <ErrorState
          error={error}
          title={t('system.errorTitle')}
          retrying={health.isFetching || version.isFetching}
          onRetry={() => {
            void health.refetch();
            void version.refetch();
          }}
        />
      );
    }
    if (loading || health.data === undefined || version.data === undefined) {
      return (
        <div aria-busy="true">
          <VisuallyHidden>{t('system.loading')}</VisuallyHidden>
          <Stack gap="md" aria-hidden="true">
            <Skeleton height={14} width="70%" />
            <Skeleton height={14} width="55%" />
            <Skeleton height={14} width="62%" />
          </Stack>
        </div>
      );
    }
    return (
      <dl className={classes.list}>
        <Row label={t('system.status')}>
          <Badge color="teal" variant="light" leftSection={<span className={classes.dot} aria-hidden="true" />}>
            {t('system.statusOk')}
          </Badge>
        </Row>
        <Row label={t('system.version')}>
          <Text component="span" size="sm" ff="monospace" data-testid="system-version">
            {version.data.version}
          </Text>
        </Row>
        <Row label={t('system.database')}>
          <Text component="span" size="sm">
            {databaseLabel(version.data.database, t)}
          </Text>
        </Row>
      </dl>
    );
  })();

  return (
    <Card component="section" aria-labelledby={titleId}>
      <Group gap="xs" mb="md">
        <IconServer size={18} stroke={1.7} aria-hidden="true" className={classes.icon} />
        <Title order={2} id={titleId} fz="md">
          {t('system.title')}
        </Title>
      </Group>
      {body}
    </Card>
  );
}
