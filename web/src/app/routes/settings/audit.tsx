import { Page } from '@/components/page';
import { AuditLog } from '@/features/audit/components/audit-log';
import { useT } from '@/lib/i18n';
import { areaById } from '../../areas';
import { AreaGate } from '../area';

/** `/settings/audit` */
export function AuditRoute() {
  const t = useT();
  const area = areaById('audit');
  return (
    <AreaGate area={area}>
      <Page title={t(area.titleKey)} description={t('audit.description')}>
        <AuditLog />
      </Page>
    </AreaGate>
  );
}
