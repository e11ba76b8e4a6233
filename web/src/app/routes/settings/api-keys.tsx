import { Skeleton } from '@mantine/core';
import { ErrorState } from '@/components/error-state';
import { Page } from '@/components/page';
import { ApiKeysPanel } from '@/features/api-keys/components/api-keys-panel';
import { useProjects } from '@/features/projects/api/get-projects';
import { usePermissions } from '@/features/roles/api/get-permissions';
import { useProjectScope } from '@/hooks/use-project-scope';
import { useAuthorization } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { areaById } from '../../areas';
import { AreaGate } from '../area';

/** `/settings/api-keys`: the keys of the project chosen in the header (or of all). */
export function ApiKeysRoute() {
  const t = useT();
  const area = areaById('api-keys');
  const { projectId } = useProjectScope();
  const { can, canOn } = useAuthorization();
  const projects = useProjects();
  const catalogue = usePermissions();
  return (
    <AreaGate area={area}>
      <Page title={t(area.titleKey)} description={t('apiKeys.description')}>
        {catalogue.isError ? (
          <ErrorState error={catalogue.error} onRetry={() => void catalogue.refetch()} />
        ) : catalogue.isPending ? (
          <Skeleton h={200} radius="md" />
        ) : (
          <ApiKeysPanel
            projectId={projectId}
            projects={projects.data?.projects ?? []}
            catalogue={catalogue.data}
            canCreate={can('api_keys.manage')}
            canManage={(id) => canOn('api_keys.manage', id)}
          />
        )}
      </Page>
    </AreaGate>
  );
}
