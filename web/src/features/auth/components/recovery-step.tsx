import { Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { isApiProblem, problemSlugs } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { signInWithRecoveryCode } from '../api/use-recovery-code';

export interface RecoveryStepProps {
  challenge: string;
  onSignedIn: () => void;
  onUseAuthenticator: () => void;
  onChallengeExpired: () => void;
}

/** A recovery code instead of the authenticator (a lost phone). */
export function RecoveryStep({ challenge, onSignedIn, onUseAuthenticator, onChallengeExpired }: RecoveryStepProps) {
  const t = useT();
  const [recoveryCode, setRecoveryCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await signInWithRecoveryCode(challenge, recoveryCode.trim());
      onSignedIn();
    } catch (failure) {
      if (isApiProblem(failure) && failure.is(problemSlugs.challengeExpired)) {
        onChallengeExpired();
        return;
      }
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="lg">
        <Stack gap={6}>
          <Title order={1} fz={22}>
            {t('signIn.recovery.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('signIn.recovery.subtitle')}
          </Text>
        </Stack>
        <TextInput
          label={t('signIn.recovery.label')}
          value={recoveryCode}
          onChange={(event) => setRecoveryCode(event.currentTarget.value)}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          size="md"
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.04em' } }}
        />
        <FormError error={error} />
        <Button type="submit" size="md" fullWidth loading={busy} disabled={recoveryCode.trim() === ''}>
          {t('signIn.recovery.submit')}
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={onUseAuthenticator} ta="left">
          {t('signIn.recovery.useAuthenticator')}
        </Anchor>
      </Stack>
    </form>
  );
}
