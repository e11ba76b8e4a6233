import { Grid } from '@mantine/core';
import { EmptyState } from '@/components/empty-state';
import { Page } from '@/components/page';
import { loadEcharts } from '@/features/analytics/components/echart';
import { OverviewDashboard } from '@/features/analytics/components/overview-dashboard';
import { useProjects } from '@/features/projects/api/get-projects';
import { SystemStatusCard } from '@/features/system/components/system-status-card';
import { useAuthorization, useMe } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { areaById } from '../areas';

// Landing on the overview, the charts' code starts loading with the app, not once the figures are in.
if (import.meta.env.PROD && typeof window !== 'undefined' && window.location.pathname === '/') void loadEcharts();

/** One empty list while the projects load (a new [] each render would redraw the charts). */
const noProjects: never[] = [];

/** `/`: the analytics overview (with `analytics.read`) and the server's status. */
export function OverviewRoute() {
  const t = useT();
  const area = areaById('overview');
  const { can } = useAuthorization();
  const me = useMe();
  const projects = useProjects();
  if (can('analytics.read')) {
    return (
      <OverviewDashboard
        projects={projects.data?.projects ?? noProjects}
        reportingCurrency={me.data?.company.reporting_currency ?? 'EUR'}
        canOpenLists={can('payments.read')}
        aside={<SystemStatusCard />}
      />
    );
  }
  return (
    <Page title={t(area.titleKey)}>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <EmptyState icon={area.icon} title={t(area.emptyTitleKey)} description={t('analytics.noAccess.description')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <SystemStatusCard />
        </Grid.Col>
      </Grid>
    </Page>
  );
}
