import { Stack, Title } from '@mantine/core';
import { Page } from '@/components/page';
import { CompanyCard } from '@/features/projects/components/company-card';
import { ProjectsPanel } from '@/features/projects/components/projects-panel';
import { useAuthorization } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { areaById } from '../../areas';
import { AreaGate } from '../area';

/** `/settings/projects`: the company and its projects. */
export function ProjectsRoute() {
  const t = useT();
  const area = areaById('projects');
  const { can } = useAuthorization();
  return (
    <AreaGate area={area}>
      <Page title={t(area.titleKey)} description={t('projects.description')}>
        <CompanyCard canManage={can('settings.manage')} />
        <Stack gap="sm" component="section" aria-labelledby="projects-heading">
          <Title order={2} id="projects-heading">
            {t('projects.listTitle')}
          </Title>
          <ProjectsPanel canManage={can('projects.manage')} />
        </Stack>
      </Page>
    </AreaGate>
  );
}
