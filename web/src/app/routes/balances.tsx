import { Page } from '@/components/page';
import { BalancesView } from '@/features/balances/components/balances-view';
import { useProjects } from '@/features/projects/api/get-projects';
import { useProjectScope } from '@/hooks/use-project-scope';
import { useT } from '@/lib/i18n';
import { areaById } from '../areas';
import { AreaGate } from './area';


/** One empty list while the projects load (a new [] each render would rebuild the tables). */
const noProjects: never[] = [];
/** `/balances`: the balances of the project chosen in the header (or of all). */
export function BalancesRoute() {
  const t = useT();
  const area = areaById('balances');
  const { projectId } = useProjectScope();
  const projects = useProjects();
  return (
    <AreaGate area={area}>
      <Page title={t(area.titleKey)} description={t('balances.description')}>
        <BalancesView projectId={projectId} projects={projects.data?.projects ?? noProjects} />
      </Page>
    </AreaGate>
  );
}
