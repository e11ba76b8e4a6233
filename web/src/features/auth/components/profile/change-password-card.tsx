import { Button, Card, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { fieldError, FormError } from '@/components/form-error';
import { isApiProblem } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { changePassword } from '../../api/change-password';
import { passwordLooksValid } from '../../password-rules';
import { PasswordRuleHints } from '../password-rule-hints';

/** Current password, new password (with the rules ticked off as they type). */
export function ChangePasswordCard() {
  const t = useT();
  const titleId = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const mutation = useMutation({
    mutationFn: () => changePassword(current, next),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      notifications.show({ color: 'teal', message: t('profile.password.changed') });
    },
  });
  // The server names the new password `/password` (as at the invitation) or `/new_password`.
  const newPasswordErrors = isApiProblem(mutation.error)
    ? mutation.error.errors.filter((error) => error.field === '/password' || error.field === '/new_password')
    : [];
  const newPasswordError = newPasswordErrors.length > 0 ? newPasswordErrors.map((error) => error.message).join(' ') : undefined;
  return (
    <Card component="section" aria-labelledby={titleId}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          mutation.mutate();
        }}
        noValidate
      >
        <Stack gap="md">
          <div>
            <Title order={2} id={titleId}>
              {t('profile.password.title')}
            </Title>
            <Text size="sm" c="dimmed" mt={4}>
              {t('profile.password.description')}
            </Text>
          </div>
          <input type="text" name="username" autoComplete="username" hidden readOnly />
          <PasswordInput
            label={t('profile.password.current')}
            autoComplete="current-password"
            value={current}
            onChange={(event) => setCurrent(event.currentTarget.value)}
            error={fieldError(mutation.error, '/current_password')}
            aria-invalid={fieldError(mutation.error, '/current_password') !== undefined}
            required
            maw={420}
            visibilityToggleButtonProps={{ 'aria-label': t('signIn.togglePassword') }}
          />
          <PasswordInput
            label={t('profile.password.new')}
            autoComplete="new-password"
            value={next}
            onChange={(event) => setNext(event.currentTarget.value)}
            error={newPasswordError}
            aria-invalid={newPasswordError !== undefined}
            required
            maw={420}
            description={<PasswordRuleHints password={next} checksReuse />}
            descriptionProps={{ component: 'div', mt: 8 }}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            visibilityToggleButtonProps={{ 'aria-label': t('signIn.togglePassword') }}
          />
          <FormError error={mutation.error} fieldsShownInline={['/current_password', '/new_password', '/password']} />
          <Group>
            <Button type="submit" loading={mutation.isPending} disabled={current === '' || !passwordLooksValid(next)}>
              {t('profile.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
