import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { CopyValue } from '@/components/copy-value';
import { useT } from '@/lib/i18n';
import type { WebhookEndpointWithSecret } from '../types';

/** The signing secret, this once: copy it, and say it is stored before closing. */
export function EndpointSecretDialog({ endpoint, reason, onClose }: { endpoint: WebhookEndpointWithSecret; reason: 'created' | 'rotated'; onClose: () => void }) {
  const t = useT();
  const [stored, setStored] = useState(false);
  return (
    <Modal
      opened
      onClose={() => stored && onClose()}
      title={reason === 'created' ? t('webhooks.secret.createdTitle') : t('webhooks.secret.rotatedTitle')}
      centered
      size={560}
      closeOnClickOutside={false}
      closeOnEscape={false}
      withCloseButton={false}
    >
      <Stack gap="md">
        <Text size="sm">{t('webhooks.secret.intro', { url: endpoint.url })}</Text>
        {reason === 'rotated' && <Text size="sm">{t('webhooks.secret.rotatedIntro')}</Text>}
        <CopyValue value={endpoint.secret} label={t('webhooks.secret.copy')} testId="webhook-secret" />
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden="true" />}>
          {t('webhooks.secret.warning')}
        </Alert>
        <Checkbox label={t('webhooks.secret.stored')} checked={stored} onChange={(event) => setStored(event.currentTarget.checked)} />
        <Group justify="flex-end">
          <Button onClick={onClose} disabled={!stored}>
            {t('dialog.done')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
