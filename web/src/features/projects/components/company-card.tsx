import { Button, Card, Group, Modal, Select, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useId, useMemo, useState } from 'react';
import { ErrorState } from '@/components/error-state';
import { fieldError, FormError } from '@/components/form-error';
import { isConflictUnresolved } from '@/lib/api';
import { useI18n } from '@/lib/i18n';
import { currencyCodes, currencyLabel, timeZones } from '@/lib/intl-options';
import { useCompany } from '../api/get-company';
import { useUpdateCompany } from '../api/update-company';
import type { Company, UpdateCompanyRequest } from '../types';

/** The company: its name, reporting currency and business time zone. */
export function CompanyCard({ canManage }: { canManage: boolean }) {
  const { t, formatLocale } = useI18n();
  const titleId = useId();
  const company = useCompany();
  const [editing, setEditing] = useState(false);
  return (
    <Card component="section" aria-labelledby={titleId}>
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap">
          <div>
            <Title order={2} id={titleId}>
              {t('company.title')}
            </Title>
            <Text size="sm" c="dimmed" mt={4}>
              {t('company.description')}
            </Text>
          </div>
          {canManage && company.isSuccess && (
            <Button variant="default" size="xs" leftSection={<IconPencil size={14} aria-hidden="true" />} onClick={() => setEditing(true)}>
              {t('company.edit')}
            </Button>
          )}
        </Group>
        {company.isPending && <Skeleton h={72} />}
        {company.isError && <ErrorState error={company.error} onRetry={() => void company.refetch()} />}
        {company.isSuccess && (
          <dl className="kassa-facts">
            <div>
              <dt>{t('company.field.name')}</dt>
              <dd>{company.data.name}</dd>
            </div>
            <div>
              <dt>{t('company.field.reportingCurrency')}</dt>
              <dd>{currencyLabel(company.data.reporting_currency, formatLocale)}</dd>
            </div>
            <div>
              <dt>{t('company.field.timeZone')}</dt>
              <dd>{company.data.time_zone}</dd>
            </div>
          </dl>
        )}
      </Stack>
      {editing && company.isSuccess && <CompanyDialog company={company.data} onClose={() => setEditing(false)} />}
    </Card>
  );
}

function CompanyDialog({ company, onClose }: { company: Company; onClose: () => void }) {
  const { t, formatLocale } = useI18n();
  const [name, setName] = useState(company.name);
  const [currency, setCurrency] = useState<string | null>(company.reporting_currency);
  const [timeZone, setTimeZone] = useState<string | null>(company.time_zone);
  const update = useUpdateCompany();
  const currencies = useMemo(
    () => currencyCodes().map((code) => ({ value: code, label: currencyLabel(code, formatLocale) })),
    [formatLocale],
  );
  const zones = useMemo(() => timeZones(), []);

  const submit = () => {
    const changes: UpdateCompanyRequest = {};
    if (name.trim() !== company.name) changes.name = name.trim();
    if (currency !== null && currency !== company.reporting_currency) changes.reporting_currency = currency;
    if (timeZone !== null && timeZone !== company.time_zone) changes.time_zone = timeZone;
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    update.mutate(
      { company, changes },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('company.saved') });
          onClose();
        },
        onError: (error) => {
          if (isConflictUnresolved(error) && error.choice === 'reload') onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('company.editTitle')} centered closeButtonProps={{ 'aria-label': t('dialog.close') }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="md">
          <TextInput
            label={t('company.field.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldError(update.error, '/name')}
            required
            data-autofocus
          />
          <Select
            label={t('company.field.reportingCurrency')}
            description={t('company.currencyHint')}
            data={currencies}
            value={currency}
            onChange={setCurrency}
            searchable
            error={fieldError(update.error, '/reporting_currency')}
          />
          <Select
            label={t('company.field.timeZone')}
            description={t('company.timeZoneHint')}
            data={zones}
            value={timeZone}
            onChange={setTimeZone}
            searchable
            limit={50}
            error={fieldError(update.error, '/time_zone')}
          />
          <FormError error={update.error} fieldsShownInline={['/name', '/reporting_currency', '/time_zone']} />
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
