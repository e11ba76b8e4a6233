import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { CodeInput, totpCodeLength } from '@/components/code-input';
import { FormError } from '@/components/form-error';
import { isApiProblem, problemSlugs } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { verifyTotp } from '../api/verify-totp';

export interface CodeStepProps {
  challenge: string;
  email: string;
  onSignedIn: () => void;
  onUseRecoveryCode: () => void;
  onChallengeExpired: () => void;
  onRestart: () => void;
}

/** The second factor: six digits from the authenticator, sent as soon as they are all in. */
export function CodeStep({ challenge, email, onSignedIn, onUseRecoveryCode, onChallengeExpired, onRestart }: CodeStepProps) {
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
      await verifyTotp(challenge, value);
      onSignedIn();
    } catch (failure) {
      if (isApiProblem(failure) && failure.is(problemSlugs.challengeExpired)) {
        onChallengeExpired();
        return;
      }
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
      <Stack gap="lg">
        <Stack gap={6}>
          <Title order={1} fz={22}>
            {t('signIn.code.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('signIn.code.subtitle', { email })}
          </Text>
        </Stack>
        <CodeInput
          value={code}
          onChange={setCode}
          onComplete={(value) => void submit(value)}
          invalid={error !== null}
          disabled={busy}
          autoFocus
        />
        <FormError error={error} />
        <Button type="submit" size="md" fullWidth loading={busy} disabled={code.length !== totpCodeLength}>
          {t('signIn.code.verify')}
        </Button>
        <Group justify="space-between" gap="xs">
          <Anchor component="button" type="button" size="sm" onClick={onUseRecoveryCode}>
            {t('signIn.code.useRecovery')}
          </Anchor>
          <Anchor component="button" type="button" size="sm" c="dimmed" onClick={onRestart}>
            {t('signIn.startOver')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
