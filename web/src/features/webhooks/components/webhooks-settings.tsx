import { Card, Stack, Text, Title } from '@mantine/core';
import { useWebhookEndpoints } from '../api/get-webhook-endpoints';
import type { ProjectOption } from '../types';
import { DeliveryLog } from './delivery-log';
import { EndpointsPanel } from './endpoints-panel';

export interface WebhooksSettingsProps {
  /** The project chosen in the header; null for all. */
  projectId: string | null;
  projects: readonly ProjectOption[];
  canCreate: boolean;
  canManage: (projectId: string) => boolean;
  canResendOn: (projectId: string | null) => boolean;
  endpointsTitle: string;
  deliveriesTitle: string;
  deliveriesDescription: string;
}

/** The endpoints of the chosen project (or all) and the delivery log. */
export function WebhooksSettings({
  projectId,
  projects,
  canCreate,
  canManage,
  canResendOn,
  endpointsTitle,
  deliveriesTitle,
  deliveriesDescription,
}: WebhooksSettingsProps) {
  // One list for both: the panel shows the chosen project's, the log names every endpoint.
  const endpoints = useWebhookEndpoints(null);
  const all = endpoints.data?.data ?? [];
  const shown = projectId === null ? all : all.filter((endpoint) => endpoint.project_id === projectId);
  return (
    <Stack gap="xl">
      <Stack gap="sm" component="section" aria-labelledby="endpoints-heading">
        <Title order={2} id="endpoints-heading">
          {endpointsTitle}
        </Title>
        <EndpointsPanel
          projectId={projectId}
          projects={projects}
          endpoints={shown}
          loading={endpoints.isPending}
          error={endpoints.error}
          onRetry={() => void endpoints.refetch()}
          canCreate={canCreate}
          canManage={canManage}
        />
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="deliveries-heading">
        <Stack gap={2}>
          <Title order={2} id="deliveries-heading">
            {deliveriesTitle}
          </Title>
          <Text size="sm" c="dimmed">
            {deliveriesDescription}
          </Text>
        </Stack>
        <Card padding={0} pt="md">
          <DeliveryLog endpoints={all} endpointFilter canResendOn={canResendOn} />
        </Card>
      </Stack>
    </Stack>
  );
}
