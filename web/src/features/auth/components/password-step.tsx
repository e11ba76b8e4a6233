import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { useT } from '@/lib/i18n';
import { login } from '../api/login';
import type { LoginChallenge } from '../types';

export interface PasswordStepProps {
  initialEmail: string;
  /** Why the person is here: shown above the form. */
  notice: string | null;
  onAccepted: (email: string, answer: LoginChallenge) => void;
}

/** E-mail address and password. */
export function PasswordStep({ initialEmail, notice, onAccepted }: PasswordStepProps) {
  const t = useT();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await login(email.trim(), password);
      onAccepted(email.trim(), answer);
    } catch (failure) {
      setError(failure);
      setPassword('');
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
      noValidate
    >
      <Stack gap="lg">
        <Stack gap={6}>
          <Title order={1} fz={22}>
            {t('signIn.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('signIn.subtitle')}
          </Text>
        </Stack>
        {notice !== null && (
          <Alert variant="light" color="kassa" icon={<IconInfoCircle size={18} aria-hidden="true" />} data-testid="sign-in-notice">
            {notice}
          </Alert>
        )}
        <TextInput
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          required
          autoFocus={initialEmail === ''}
          size="md"
        />
        <PasswordInput
          label={t('signIn.password')}
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          required
          autoFocus={initialEmail !== ''}
          size="md"
          visibilityToggleButtonProps={{ 'aria-label': t('signIn.togglePassword') }}
        />
        <FormError error={error} />
        <Button type="submit" size="md" fullWidth loading={busy} disabled={email.trim() === '' || password === ''}>
          {t('signIn.continue')}
        </Button>
      </Stack>
    </form>
  );
}
