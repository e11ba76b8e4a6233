import { Grid } from '@mantine/core';
import { EmptyState } from '@/components/empty-state';
import { Page } from '@/components/page';
import { SystemStatusCard } from '@/features/system/components/system-status-card';
import { useT } from '@/lib/i18n';
import { areaById } from '../areas';

/** `/`: analytics (to come) and the server's status. */
export function OverviewRoute() {
  const t = useT();
  const area = areaById('overview');
  return (
    <Page title={t(area.titleKey)}>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <EmptyState
            icon={area.icon}
            tag={t('page.comingSoon')}
            title={t(area.emptyTitleKey)}
            description={t(area.emptyDescriptionKey)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <SystemStatusCard />
        </Grid.Col>
      </Grid>
    </Page>
  );
}
