import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { CodeInput, totpCodeLength } from '@/components/code-input';
import { FormError } from '@/components/form-error';
import { useT } from '@/lib/i18n';
import { replaceTotp } from '../../api/replace-totp';
import type { TotpEnrollment } from '../../types';
import { EnrollStep } from '../enroll-step';
import { RecoveryCodesStep } from '../recovery-codes-step';

type Step = { step: 'verify' } | { step: 'enroll'; enrollment: TotpEnrollment } | { step: 'codes'; codes: readonly string[] };

export interface ReplaceAuthenticatorDialogProps {
  opened: boolean;
  onClose: () => void;
  onReplaced: () => void;
}

/**
 * Moving to a new phone: a code from the current authenticator, then the new
 * one's QR code and first code, then new recovery codes.
 */
export function ReplaceAuthenticatorDialog({ opened, onClose, onReplaced }: ReplaceAuthenticatorDialogProps) {
  const t = useT();
  const [step, setStep] = useState<Step>({ step: 'verify' });
  const close = () => {
    setStep({ step: 'verify' });
    onClose();
  };
  const title =
    step.step === 'verify'
      ? t('profile.authenticator.verifyTitle')
      : step.step === 'enroll'
        ? t('profile.authenticator.enrollTitle')
        : t('recoveryCodes.title');
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={title}
      centered
      size={step.step === 'verify' ? 440 : 560}
      // The new recovery codes must not be closed away by accident.
      closeOnClickOutside={step.step !== 'codes'}
      closeOnEscape={step.step !== 'codes'}
      withCloseButton={step.step !== 'codes'}
      closeButtonProps={{ 'aria-label': t('dialog.close') }}
    >
      {step.step === 'verify' && (
        <VerifyCurrent onVerified={(enrollment) => setStep({ step: 'enroll', enrollment })} onCancel={close} />
      )}
      {step.step === 'enroll' && (
        <EnrollStep
          enrollment={step.enrollment}
          withTitle={false}
          onCancel={close}
          onChallengeExpired={() => setStep({ step: 'verify' })}
          onEnrolled={(answer) => {
            onReplaced();
            if (answer.recovery_codes.length > 0) setStep({ step: 'codes', codes: answer.recovery_codes });
            else {
              notifications.show({ color: 'teal', message: t('profile.authenticator.replaced') });
              close();
            }
          }}
        />
      )}
      {step.step === 'codes' && (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('profile.authenticator.newCodes')}
          </Text>
          <RecoveryCodesStep
            codes={step.codes}
            withTitle={false}
            continueLabel={t('profile.authenticator.done')}
            onContinue={() => {
              notifications.show({ color: 'teal', message: t('profile.authenticator.replaced') });
              close();
            }}
          />
        </Stack>
      )}
    </Modal>
  );
}

function VerifyCurrent({ onVerified, onCancel }: { onVerified: (enrollment: TotpEnrollment) => void; onCancel: () => void }) {
  const t = useT();
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submitting = useRef(false);
  const submit = async (value: string) => {
    if (value.length !== totpCodeLength || submitting.current) return;
    submitting.current = true;
    setBusy(true);
    setError(null);
    try {
      onVerified(await replaceTotp(value));
    } catch (failure) {
      setError(failure);
      setCode('');
    } finally {
      submitting.current = false;
      setBusy(false);
    }
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit(code);
      }}
    >
      <Stack gap="md">
        <Text size="sm">{t('profile.authenticator.verifyDescription')}</Text>
        <CodeInput
          label={t('profile.authenticator.currentCode')}
          value={code}
          onChange={setCode}
          onComplete={(value) => void submit(value)}
          invalid={error !== null}
          disabled={busy}
          autoFocus
          size="md"
        />
        <FormError error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {t('dialog.cancel')}
          </Button>
          <Button type="submit" loading={busy} disabled={code.length !== totpCodeLength}>
            {t('profile.authenticator.continue')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
