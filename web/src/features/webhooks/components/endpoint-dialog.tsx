import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { fieldError, FormError } from '@/components/form-error';
import { isApiProblem } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { useCreateWebhookEndpoint } from '../api/create-webhook-endpoint';
import { useUpdateWebhookEndpoint } from '../api/update-webhook-endpoint';
import type { ProjectOption, WebhookEndpoint, WebhookEndpointWithSecret } from '../types';

const inlineFields = ['/url', '/description', '/project_id'];

/** The error says nothing beyond what the fields already show next to them. */
function shownInlineOnly(error: unknown): boolean {
  return isApiProblem(error) && error.errors.length > 0 && error.errors.every((fieldProblem) => inlineFields.includes(fieldProblem.field));
}

export interface CreateEndpointDialogProps {
  projects: readonly ProjectOption[];
  initialProjectId: string | null;
  onCreated: (created: WebhookEndpointWithSecret) => void;
  onClose: () => void;
}

/** A new endpoint: the server checks the URL (public addresses only) and says why it refuses one. */
export function CreateEndpointDialog({ projects, initialProjectId, onCreated, onClose }: CreateEndpointDialogProps) {
  const t = useT();
  const active = projects.filter((project) => project.status === 'active');
  const [url, setUrl] = useState('https://');
  const [description, setDescription] = useState('');
  const [projectId, setProjectId] = useState<string | null>(
    initialProjectId !== null && active.some((project) => project.id === initialProjectId) ? initialProjectId : (active[0]?.id ?? null),
  );
  const create = useCreateWebhookEndpoint();
  return (
    <Modal opened onClose={onClose} title={t('webhooks.create.title')} centered size={520} closeButtonProps={{ 'aria-label': t('dialog.close') }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (projectId === null) return;
          create.mutate(
            { project_id: projectId, url: url.trim(), ...(description.trim() !== '' ? { description: description.trim() } : {}) },
            { onSuccess: onCreated },
          );
        }}
        noValidate
      >
        <Stack gap="md">
          <TextInput
            label={t('webhooks.field.url')}
            description={t('webhooks.create.urlHint')}
            value={url}
            onChange={(event) => setUrl(event.currentTarget.value)}
            error={fieldError(create.error, '/url')}
            type="url"
            required
            data-autofocus
          />
          <TextInput
            label={t('webhooks.field.description')}
            description={t('webhooks.create.descriptionHint')}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={fieldError(create.error, '/description')}
            maxLength={500}
          />
          <Select
            label={t('webhooks.field.project')}
            description={t('webhooks.create.projectHint')}
            data={active.map((project) => ({ value: project.id, label: project.name }))}
            value={projectId}
            onChange={setProjectId}
            error={fieldError(create.error, '/project_id')}
            comboboxProps={{ withinPortal: true }}
          />
          {!shownInlineOnly(create.error) && <FormError error={create.error} fieldsShownInline={inlineFields} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('dialog.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={projectId === null || url.trim() === ''}>
              {t('webhooks.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Changes an endpoint's URL and description (If-Match on its version). */
export function EditEndpointDialog({ endpoint, onClose }: { endpoint: WebhookEndpoint; onClose: () => void }) {
  const t = useT();
  const [url, setUrl] = useState(endpoint.url);
  const [description, setDescription] = useState(endpoint.description);
  const update = useUpdateWebhookEndpoint();
  const changes = {
    ...(url.trim() !== endpoint.url ? { url: url.trim() } : {}),
    ...(description.trim() !== endpoint.description ? { description: description.trim() } : {}),
  };
  return (
    <Modal opened onClose={onClose} title={t('webhooks.edit.title')} centered size={520} closeButtonProps={{ 'aria-label': t('dialog.close') }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate({ endpoint, changes }, { onSuccess: onClose });
        }}
        noValidate
      >
        <Stack gap="md">
          <TextInput
            label={t('webhooks.field.url')}
            description={t('webhooks.create.urlHint')}
            value={url}
            onChange={(event) => setUrl(event.currentTarget.value)}
            error={fieldError(update.error, '/url')}
            type="url"
            required
            data-autofocus
          />
          <TextInput
            label={t('webhooks.field.description')}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            maxLength={500}
          />
          {!shownInlineOnly(update.error) && <FormError error={update.error} fieldsShownInline={inlineFields} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('dialog.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={Object.keys(changes).length === 0 || url.trim() === ''}>
              {t('webhooks.edit.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
