import { useParams } from 'react-router';
import { Page } from '@/components/page';
import { useProjects } from '@/features/projects/api/get-projects';
import { OperationsList } from '@/features/payments/components/operations-list';
import { PaymentDetail } from '@/features/payments/components/payment-detail';
import { PaymentsList } from '@/features/payments/components/payments-list';
import { useWebhookEndpoints } from '@/features/webhooks/api/get-webhook-endpoints';
import { DeliveryLog } from '@/features/webhooks/components/delivery-log';
import { useAuthorization, useMe } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { areaById } from '../areas';
import { AreaGate } from './area';


/** One empty list while the projects load (a new [] each render would rebuild the tables). */
const noProjects: never[] = [];
/** The company's reporting currency: what an amount filter is in when no currency is chosen. */
function useCompanyCurrency(): string {
  return useMe().data?.company.reporting_currency ?? 'EUR';
}

/** `/payments` */
export function PaymentsRoute() {
  const t = useT();
  const area = areaById('payments');
  const projects = useProjects();
  const companyCurrency = useCompanyCurrency();
  return (
    <AreaGate area={area}>
      <Page title={t(area.titleKey)} description={t('payments.description')}>
        <PaymentsList projects={projects.data?.projects ?? noProjects} companyCurrency={companyCurrency} />
      </Page>
    </AreaGate>
  );
}

/** `/operations` */
export function OperationsRoute() {
  const t = useT();
  const area = areaById('operations');
  const projects = useProjects();
  const companyCurrency = useCompanyCurrency();
  return (
    <AreaGate area={area}>
      <Page title={t(area.titleKey)} description={t('operations.description')}>
        <OperationsList projects={projects.data?.projects ?? noProjects} companyCurrency={companyCurrency} />
      </Page>
    </AreaGate>
  );
}

/** `/payments/:paymentId`: the payment, with its webhook deliveries from the webhooks screens. */
export function PaymentRoute() {
  const area = areaById('payments');
  const { paymentId = '' } = useParams();
  const projects = useProjects();
  const { can, canOn } = useAuthorization();
  // The deliveries name their endpoints by URL when the person may see the endpoints.
  const endpoints = useWebhookEndpoints(null, can('webhooks.read'));
  return (
    <AreaGate area={area}>
      <PaymentDetail
        paymentId={paymentId}
        projects={projects.data?.projects ?? noProjects}
        permissionsFor={(projectId) => ({
          write: canOn('payments.write', projectId),
          refund: canOn('refunds.create', projectId),
          ledger: canOn('balances.read', projectId),
        })}
        renderDeliveries={(payment) => (
          <DeliveryLog
            endpoints={endpoints.data?.data ?? []}
            subjectId={payment.id}
            canResendOn={() => canOn('callbacks.resend', payment.project_id)}
          />
        )}
      />
    </AreaGate>
  );
}
