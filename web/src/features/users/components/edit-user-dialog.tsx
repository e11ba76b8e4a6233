import { Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { fieldError, FormError } from '@/components/form-error';
import { isConflictUnresolved } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { useUpdateUser } from '../api/update-user';
import type { UpdateUserRequest, User } from '../types';

export interface EditUserDialogProps {
  user: User;
  /** People cannot disable themselves. */
  isSelf: boolean;
  onClose: () => void;
}

/** A user's name and whether they may sign in. */
export function EditUserDialog({ user, isSelf, onClose }: EditUserDialogProps) {
  const t = useT();
  const [name, setName] = useState(user.name);
  const [status, setStatus] = useState<'active' | 'disabled'>(user.status === 'disabled' ? 'disabled' : 'active');
  const update = useUpdateUser();
  const canChangeStatus = user.status !== 'invited' && !isSelf;

  const submit = () => {
    const changes: UpdateUserRequest = {};
    if (name.trim() !== user.name) changes.name = name.trim();
    if (canChangeStatus && status !== user.status) changes.status = status;
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    update.mutate(
      { user, changes },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('users.saved', { name: name.trim() }) });
          onClose();
        },
        onError: (error) => {
          if (isConflictUnresolved(error) && error.choice === 'reload') onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('users.edit.title', { email: user.email })} centered closeButtonProps={{ 'aria-label': t('dialog.close') }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="md">
          <TextInput
            label={t('users.field.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldError(update.error, '/name')}
            required
            data-autofocus
          />
          {canChangeStatus && (
            <Stack gap={6}>
              <Text size="sm" fw={500} id="edit-user-status">
                {t('users.field.access')}
              </Text>
              <SegmentedControl
                aria-labelledby="edit-user-status"
                value={status}
                onChange={(value) => setStatus(value === 'disabled' ? 'disabled' : 'active')}
                data={[
                  { value: 'active', label: t('users.status.active') },
                  { value: 'disabled', label: t('users.status.disabled') },
                ]}
              />
              <Text size="xs" c="dimmed">
                {status === 'disabled' ? t('users.edit.disabledHint') : t('users.edit.activeHint')}
              </Text>
            </Stack>
          )}
          <FormError error={update.error} fieldsShownInline={['/name']} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('dialog.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={name.trim() === ''}>
              {t('dialog.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
