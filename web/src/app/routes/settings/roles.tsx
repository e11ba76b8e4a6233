import { Page } from '@/components/page';
import { RolesPanel } from '@/features/roles/components/roles-panel';
import { useAuthorization } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { areaById } from '../../areas';
import { AreaGate } from '../area';

/** `/settings/roles` */
export function RolesRoute() {
  const t = useT();
  const area = areaById('roles');
  const { can } = useAuthorization();
  return (
    <AreaGate area={area}>
      <Page title={t(area.titleKey)} description={t('roles.description')}>
        <RolesPanel canManage={can('roles.manage')} />
      </Page>
    </AreaGate>
  );
}
