import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { useState } from 'react';
import { CopyValue } from '@/components/copy-value';
import { fieldError, FormError } from '@/components/form-error';
import { formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { useInviteUser } from '../api/invite-user';
import type { InvitationCreated, ProjectOption, RoleOption } from '../types';
import { emptyGrantDraft, grantsFromDrafts, isCompleteDraft, type GrantDraft } from './grants';
import { GrantsEditor } from './grants-editor';

export interface InviteUserDialogProps {
  roles: readonly RoleOption[];
  projects: readonly ProjectOption[];
  onClose: () => void;
}

/** Invite by e-mail address with roles; then the invitation link to pass on. */
export function InviteUserDialog({ roles, projects, onClose }: InviteUserDialogProps) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [grants, setGrants] = useState<GrantDraft[]>(() => [emptyGrantDraft()]);
  const [created, setCreated] = useState<InvitationCreated | null>(null);
  const invite = useInviteUser();
  const complete = email.trim() !== '' && name.trim() !== '' && grants.length > 0 && grants.every(isCompleteDraft);

  return (
    <Modal
      opened
      onClose={onClose}
      title={created === null ? t('users.invite.title') : t('users.invite.sentTitle')}
      centered
      size={560}
      closeButtonProps={{ 'aria-label': t('dialog.close') }}
    >
      {created === null ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            invite.mutate(
              { email: email.trim(), name: name.trim(), grants: grantsFromDrafts(grants) },
              { onSuccess: setCreated },
            );
          }}
          noValidate
        >
          <Stack gap="md">
            <Group grow align="flex-start" gap="sm">
              <TextInput
                label={t('users.field.email')}
                type="email"
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                error={fieldError(invite.error, '/email')}
                required
                data-autofocus
              />
              <TextInput
                label={t('users.field.name')}
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                error={fieldError(invite.error, '/name')}
                required
              />
            </Group>
            <GrantsEditor roles={roles} projects={projects} value={grants} onChange={setGrants} />
            <FormError error={invite.error} fieldsShownInline={['/email', '/name']} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onClose}>
                {t('dialog.cancel')}
              </Button>
              <Button type="submit" loading={invite.isPending} disabled={!complete} leftSection={<IconMailForward size={16} aria-hidden="true" />}>
                {t('users.invite.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <InvitationSent created={created} onClose={onClose} />
      )}
    </Modal>
  );
}

function InvitationSent({ created, onClose }: { created: InvitationCreated; onClose: () => void }) {
  const { t, formatLocale, timeZone } = useI18n();
  return (
    <Stack gap="md">
      <Alert color="teal" variant="light" icon={<IconMailForward size={18} aria-hidden="true" />}>
        {t('users.invite.sent', { email: created.user.email })}
      </Alert>
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          {t('users.invite.link')}
        </Text>
        <CopyValue value={created.invitation_url} label={t('users.invite.copyLink')} testId="invitation-url" />
        <Text size="xs" c="dimmed">
          {t('users.invite.expires', { date: formatDateTime(created.expires_at, formatLocale, timeZone) })}
        </Text>
      </Stack>
      <Group justify="flex-end">
        <Button onClick={onClose} data-autofocus>
          {t('dialog.done')}
        </Button>
      </Group>
    </Stack>
  );
}
