import { Button, Center, Loader, PasswordInput, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { IconMailOff } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { fieldError, FormError } from '@/components/form-error';
import { isApiProblem } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { acceptInvitation } from '../api/accept-invitation';
import { useInvitation } from '../api/get-invitation';
import { passwordLooksValid } from '../password-rules';
import { enrollState, type SignInState } from '../sign-in-machine';
import type { Invitation } from '../types';
import { AuthLayout } from './auth-layout';
import { PasswordRuleHints } from './password-rule-hints';
import { SignInFlow } from './sign-in-flow';

export interface InvitationAcceptProps {
  token: string;
  onDone: () => void;
}

/** `/invitations/:token`: choose a name and a password, then enrol the authenticator. */
export function InvitationAccept({ token, onDone }: InvitationAcceptProps) {
  const { t } = useI18n();
  const invitation = useInvitation(token);
  const [flow, setFlow] = useState<SignInState | null>(null);

  if (flow !== null) return <SignInFlow initial={flow} onDone={onDone} />;

  if (invitation.isPending) {
    return (
      <AuthLayout documentTitle={t('invitation.documentTitle')}>
        <Center py="xl">
          <Loader size="sm" aria-label={t('state.loading')} />
        </Center>
      </AuthLayout>
    );
  }
  if (invitation.isError) {
    if (isApiProblem(invitation.error) && invitation.error.status === 404) {
      return (
        <AuthLayout documentTitle={t('invitation.invalid.title')}>
          <Stack gap="md" align="flex-start">
            <ThemeIcon size={44} radius="md" variant="light" color="gray" aria-hidden="true">
              <IconMailOff size={22} stroke={1.6} />
            </ThemeIcon>
            <Title order={1} fz={22}>
              {t('invitation.invalid.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('invitation.invalid.description')}
            </Text>
            <Button component={Link} to="/sign-in" variant="default">
              {t('invitation.invalid.signIn')}
            </Button>
          </Stack>
        </AuthLayout>
      );
    }
    return (
      <AuthLayout documentTitle={t('invitation.documentTitle')}>
        <ErrorState error={invitation.error} onRetry={() => void invitation.refetch()} retrying={invitation.isFetching} />
      </AuthLayout>
    );
  }
  return (
    <AuthLayout documentTitle={t('invitation.documentTitle')}>
      <AcceptForm
        token={token}
        invitation={invitation.data}
        onAccepted={(answer) => {
          const { challenge, otpauth_uri, qr_svg, secret } = answer;
          setFlow(enrollState({ challenge, otpauth_uri, qr_svg, secret }, invitation.data.email));
        }}
      />
    </AuthLayout>
  );
}

function AcceptForm({
  token,
  invitation,
  onAccepted,
}: {
  token: string;
  invitation: Invitation;
  onAccepted: (answer: Awaited<ReturnType<typeof acceptInvitation>>) => void;
}) {
  const { t, formatLocale } = useI18n();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const passwordErrors = isApiProblem(error) ? error.errors.filter((item) => item.field === '/password') : [];
  const passwordError = passwordErrors.length > 0 ? passwordErrors.map((item) => item.message).join(' ') : undefined;
  const nameError = fieldError(error, '/name');
  const browserTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      onAccepted(await acceptInvitation(token, name.trim(), password));
    } catch (failure) {
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
      noValidate
    >
      <Stack gap="lg">
        <Stack gap={6}>
          <Title order={1} fz={22}>
            {t('invitation.title', { company: invitation.company_name })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('invitation.subtitle', { email: invitation.email })}
          </Text>
        </Stack>
        {/* For password managers: the account the new password belongs to. */}
        <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
        <TextInput
          label={t('invitation.name')}
          autoComplete="name"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={nameError}
          required
          autoFocus
          size="md"
        />
        <PasswordInput
          label={t('invitation.password')}
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={passwordError}
          aria-invalid={passwordError !== undefined}
          required
          size="md"
          // The rules are the field's description: screen readers hear them with it.
          description={<PasswordRuleHints password={password} />}
          descriptionProps={{ component: 'div', mt: 8 }}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          visibilityToggleButtonProps={{ 'aria-label': t('signIn.togglePassword') }}
        />
        <FormError error={error} fieldsShownInline={['/password', '/name']} />
        <Button type="submit" size="md" fullWidth loading={busy} disabled={name.trim() === '' || !passwordLooksValid(password)}>
          {t('invitation.submit')}
        </Button>
        <Text size="xs" c="dimmed" ta="center">
          {t('invitation.expires', { date: formatDateTime(invitation.expires_at, formatLocale, browserTimeZone) })}
        </Text>
      </Stack>
    </form>
  );
}
