import { Page } from '@/components/page';
import { useProjects } from '@/features/projects/api/get-projects';
import { WebhooksSettings } from '@/features/webhooks/components/webhooks-settings';
import { useProjectScope } from '@/hooks/use-project-scope';
import { useAuthorization } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { areaById } from '../../areas';
import { AreaGate } from '../area';


/** One empty list while the projects load (a new [] each render would rebuild the tables). */
const noProjects: never[] = [];
/** `/settings/webhooks`: endpoints of the project chosen in the header (or of all) and the delivery log. */
export function WebhooksRoute() {
  const t = useT();
  const area = areaById('webhooks');
  const { projectId } = useProjectScope();
  const { can, canOn } = useAuthorization();
  const projects = useProjects();
  return (
    <AreaGate area={area}>
      <Page title={t(area.titleKey)} description={t('webhooks.description')}>
        <WebhooksSettings
          projectId={projectId}
          projects={projects.data?.projects ?? noProjects}
          canCreate={can('webhooks.manage')}
          canManage={(id) => canOn('webhooks.manage', id)}
          canResendOn={(id) => (id === null ? can('callbacks.resend') : canOn('callbacks.resend', id))}
          endpointsTitle={t('webhooks.endpoints')}
          deliveriesTitle={t('deliveries.title')}
          deliveriesDescription={t('deliveries.description')}
        />
      </Page>
    </AreaGate>
  );
}
