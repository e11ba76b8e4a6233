import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { CopyValue } from '@/components/copy-value';
import { useT } from '@/lib/i18n';
import type { ApiKeyWithSecret } from '../types';

export interface SecretDialogProps {
  created: ApiKeyWithSecret;
  /** "created" or "rolled": the wording differs. */
  reason: 'created' | 'rolled';
  onClose: () => void;
}

/** The whole secret, this once: a copy button, a warning, and an explicit "I have stored it". */
export function SecretDialog({ created, reason, onClose }: SecretDialogProps) {
  const t = useT();
  const [stored, setStored] = useState(false);
  return (
    <Modal
      opened
      onClose={() => stored && onClose()}
      title={reason === 'created' ? t('apiKeys.secret.createdTitle') : t('apiKeys.secret.rolledTitle')}
      centered
      size={560}
      closeOnClickOutside={false}
      closeOnEscape={false}
      withCloseButton={false}
    >
      <Stack gap="md">
        <Text size="sm">{t('apiKeys.secret.intro', { name: created.api_key.name })}</Text>
        <CopyValue value={created.secret} label={t('apiKeys.secret.copy')} testId="api-key-secret" />
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden="true" />}>
          {t('apiKeys.secret.warning')}
        </Alert>
        <Checkbox label={t('apiKeys.secret.stored')} checked={stored} onChange={(event) => setStored(event.currentTarget.checked)} />
        <Group justify="flex-end">
          <Button onClick={onClose} disabled={!stored}>
            {t('dialog.done')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
