import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { fieldError, FormError } from '@/components/form-error';
import { isConflictUnresolved } from '@/lib/api';
import { useI18n } from '@/lib/i18n';
import { currencyCodes, currencyLabel } from '@/lib/intl-options';
import { useCreateProject } from '../api/create-project';
import { useUpdateProject } from '../api/update-project';
import type { Project } from '../types';

export interface ProjectDialogProps {
  /** Null: a new project. */
  project: Project | null;
  opened: boolean;
  onClose: () => void;
}

/** Creates a project (name, default currency) or renames one. */
export function ProjectDialog({ project, opened, onClose }: ProjectDialogProps) {
  const { t, formatLocale } = useI18n();
  const [name, setName] = useState(project?.name ?? '');
  const [currency, setCurrency] = useState<string | null>(project?.default_currency ?? 'EUR');
  const create = useCreateProject();
  const update = useUpdateProject();
  const mutation = project === null ? create : update;
  const currencies = useMemo(
    () => currencyCodes().map((code) => ({ value: code, label: currencyLabel(code, formatLocale) })),
    [formatLocale],
  );

  const submit = () => {
    if (project === null) {
      create.mutate(
        { name: name.trim(), default_currency: currency ?? 'EUR' },
        {
          onSuccess: (created) => {
            notifications.show({ color: 'teal', message: t('projects.created', { name: created.name }) });
            onClose();
          },
        },
      );
      return;
    }
    update.mutate(
      { project, changes: { name: name.trim() } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('projects.renamed') });
          onClose();
        },
        onError: (error) => {
          if (isConflictUnresolved(error) && error.choice === 'reload') onClose();
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={project === null ? t('projects.createTitle') : t('projects.renameTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('dialog.close') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="md">
          <TextInput
            label={t('projects.field.name')}
            description={project === null ? t('projects.nameHint') : undefined}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldError(mutation.error, '/name')}
            required
            data-autofocus
          />
          {project === null && (
            <Select
              label={t('projects.field.currency')}
              description={t('projects.currencyHint')}
              data={currencies}
              value={currency}
              onChange={setCurrency}
              searchable
              error={fieldError(mutation.error, '/default_currency')}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <FormError error={mutation.error} fieldsShownInline={['/name', '/default_currency']} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('dialog.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={name.trim() === ''}>
              {project === null ? t('projects.create') : t('dialog.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
