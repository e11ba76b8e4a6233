import { Page } from '@/components/page';
import { FxRatesSettings } from '@/features/fx-rates/components/fx-rates-settings';
import { useCompany } from '@/features/projects/api/get-company';
import { useAuthorization, useMe } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { areaById } from '../../areas';
import { AreaGate } from '../area';

/**
 * `/settings/fx-rates`: the rates into the company's reporting currency (with
 * `analytics.read`); setting and importing them needs `fx_rates.manage`
 * company-wide.
 */
export function FxRatesRoute() {
  const t = useT();
  const area = areaById('fx-rates');
  const { canCompany } = useAuthorization();
  const me = useMe();
  const company = useCompany();
  // /me carries the company too: the page need not wait for GET /company.
  const reportingCurrency = company.data?.reporting_currency ?? me.data?.company.reporting_currency ?? '';
  return (
    <AreaGate area={area}>
      <Page title={t(area.titleKey)} description={t('fxRates.description')}>
        <FxRatesSettings reportingCurrency={reportingCurrency} canManage={canCompany('fx_rates.manage')} />
      </Page>
    </AreaGate>
  );
}
