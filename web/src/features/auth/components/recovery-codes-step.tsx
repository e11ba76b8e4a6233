import { Alert, Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { CopyButton } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '@/lib/i18n';
import classes from './recovery-codes-step.module.css';

export interface RecoveryCodesStepProps {
  codes: readonly string[];
  onContinue: () => void;
  withTitle?: boolean;
  continueLabel?: string;
}

function download(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

/** The ten recovery codes, shown once: copy or download them, and say so before going on. */
export function RecoveryCodesStep({ codes, onContinue, withTitle = true, continueLabel }: RecoveryCodesStepProps) {
  const t = useT();
  const [saved, setSaved] = useState(false);
  const text = `${t('recoveryCodes.fileHeading')}\n\n${codes.join('\n')}\n`;
  return (
    <Stack gap="lg">
      {withTitle && (
        <Stack gap={6}>
          <Title order={1} fz={22}>
            {t('recoveryCodes.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('recoveryCodes.subtitle')}
          </Text>
        </Stack>
      )}
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden="true" />}>
        {t('recoveryCodes.warning')}
      </Alert>
      <ol className={classes.codes} aria-label={t('recoveryCodes.listLabel')} data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code} className={classes.code}>
            {code}
          </li>
        ))}
      </ol>
      <Group gap="sm" grow>
        <CopyButton value={codes.join('\n')} timeout={2000}>
          {({ copied, copy }) => (
            <Button
              variant="default"
              onClick={copy}
              leftSection={copied ? <IconCheck size={16} aria-hidden="true" /> : <IconCopy size={16} aria-hidden="true" />}
            >
              {copied ? t('copy.copied') : t('recoveryCodes.copy')}
            </Button>
          )}
        </CopyButton>
        <Button
          variant="default"
          onClick={() => download('kassa-recovery-codes.txt', text)}
          leftSection={<IconDownload size={16} aria-hidden="true" />}
        >
          {t('recoveryCodes.download')}
        </Button>
      </Group>
      <Checkbox label={t('recoveryCodes.saved')} checked={saved} onChange={(event) => setSaved(event.currentTarget.checked)} />
      <Button size={withTitle ? 'md' : 'sm'} fullWidth={withTitle} disabled={!saved} onClick={onContinue}>
        {continueLabel ?? t('recoveryCodes.continue')}
      </Button>
    </Stack>
  );
}
