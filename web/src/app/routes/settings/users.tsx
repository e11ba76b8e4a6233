import { Page } from '@/components/page';
import { useProjects } from '@/features/projects/api/get-projects';
import { useRoles } from '@/features/roles/api/get-roles';
import { UsersPanel } from '@/features/users/components/users-panel';
import { useAuthorization, useMe } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { areaById } from '../../areas';
import { AreaGate } from '../area';

/** `/settings/users`: composes the users screens with the roles and projects they refer to. */
export function UsersRoute() {
  const t = useT();
  const area = areaById('users');
  const me = useMe();
  const { can } = useAuthorization();
  const roles = useRoles();
  const projects = useProjects();
  return (
    <AreaGate area={area}>
      <Page title={t(area.titleKey)} description={t('users.description')}>
        <UsersPanel
          roles={roles.data ?? []}
          projects={projects.data?.projects ?? []}
          currentUserId={me.data?.user.id ?? ''}
          canManage={can('users.manage')}
        />
      </Page>
    </AreaGate>
  );
}
