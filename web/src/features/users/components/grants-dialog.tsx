import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { isConflictUnresolved } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { useReplaceGrants } from '../api/update-user';
import type { ProjectOption, RoleOption, User } from '../types';
import { describeGrants, draftsFromGrants, emptyGrantDraft, grantsFromDrafts, isCompleteDraft, type GrantDraft } from './grants';
import { GrantsEditor } from './grants-editor';

export interface GrantsDialogProps {
  user: User;
  roles: readonly RoleOption[];
  projects: readonly ProjectOption[];
  onClose: () => void;
}

/** Replaces a user's roles; the server asks for a step-up confirmation. */
export function GrantsDialog({ user, roles, projects, onClose }: GrantsDialogProps) {
  const t = useT();
  const [drafts, setDrafts] = useState<GrantDraft[]>(() =>
    user.grants.length > 0 ? draftsFromGrants(user.grants) : [emptyGrantDraft()],
  );
  const replace = useReplaceGrants((value) => describeGrants(value, { roles, projects }, t));
  const complete = drafts.every(isCompleteDraft);

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('users.grants.title', { name: user.name || user.email })}
      centered
      size={560}
      closeButtonProps={{ 'aria-label': t('dialog.close') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          replace.mutate(
            { user, grants: grantsFromDrafts(drafts) },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('users.grants.saved') });
                onClose();
              },
              onError: (error) => {
                if (isConflictUnresolved(error) && error.choice === 'reload') onClose();
              },
            },
          );
        }}
      >
        <Stack gap="md">
          <Alert variant="light" color="kassa" icon={<IconShieldLock size={18} aria-hidden="true" />}>
            {t('users.grants.stepUpHint')}
          </Alert>
          <GrantsEditor roles={roles} projects={projects} value={drafts} onChange={setDrafts} />
          <FormError error={replace.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('dialog.cancel')}
            </Button>
            <Button type="submit" loading={replace.isPending} disabled={!complete}>
              {t('users.grants.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
