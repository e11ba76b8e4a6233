import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { fieldError, FormError } from '@/components/form-error';
import { isApiProblem } from '@/lib/api';
import { formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { currencyCodes, currencyLabel } from '@/lib/intl-options';
import { usePutFxRate } from '../api/put-fx-rate';
import { fieldMessages, newRateSchema, rateSchema } from '../rate-schema';
import { useRequestKey } from '../request-key';
import { todayUtc, type FxRate } from '../types';
import { changeProblemTitle } from './problem-title';

/** The server names these fields in `errors` (`day`, `currency`: path parameters; `/rate`: the body). */
const addFields = ['day', 'currency', '/rate'];
/** Editing shows only the rate: a refusal of the day or currency goes in the alert. */
const editFields = ['/rate'];

/** The error says nothing beyond what the fields already show next to them. */
function shownInlineOnly(error: unknown, inline: readonly string[]): boolean {
  return isApiProblem(error) && error.errors.length > 0 && error.errors.every((problem) => inline.includes(problem.field));
}

export type RateDialogMode = { kind: 'edit'; rate: FxRate } | { kind: 'add'; currency: string | null };

export interface RateDialogProps {
  mode: RateDialogMode;
  reportingCurrency: string;
  onClose: () => void;
}

/** A UTC day as the table shows it. */
export function dayLabel(day: string, locale: string): string {
  return formatDate(`${day}T00:00:00Z`, locale, 'UTC');
}

/**
 * Sets one day's rate: a row's rate (edit) or any day and currency (add).
 * The rate is checked here as the server checks it; the server's own
 * answer (a 400 per field, a 403) shows too.
 */
export function RateDialog({ mode, reportingCurrency, onClose }: RateDialogProps) {
  const { t, formatLocale } = useI18n();
  const editing = mode.kind === 'edit';
  const inlineFields = editing ? editFields : addFields;
  const [day, setDay] = useState(editing ? mode.rate.day : todayUtc());
  const [currency, setCurrency] = useState<string | null>(editing ? mode.rate.currency : mode.currency);
  const [rate, setRate] = useState(editing ? mode.rate.rate : '');
  const [submitted, setSubmitted] = useState(false);
  const requestKey = useRequestKey();
  const put = usePutFxRate();
  const currencies = useMemo(
    () =>
      currencyCodes()
        .filter((code) => code !== reportingCurrency)
        .map((code) => ({ value: code, label: currencyLabel(code, formatLocale) })),
    [reportingCurrency, formatLocale],
  );

  const parsed = editing
    ? rateSchema(t).safeParse(rate)
    : newRateSchema(t, reportingCurrency).safeParse({ day, currency: currency ?? '', rate });
  const messages = parsed.success ? {} : editing ? { rate: parsed.error.issues[0]?.message } : fieldMessages(parsed.error);
  const shown = (field: 'day' | 'currency' | 'rate') => (submitted ? messages[field] : undefined);

  const submit = () => {
    setSubmitted(true);
    if (!parsed.success || currency === null) return;
    const value = typeof parsed.data === 'string' ? parsed.data : parsed.data.rate;
    const body = { day, currency, rate: value };
    put.mutate(
      { ...body, idempotencyKey: requestKey(`${day}|${currency}|${value}`) },
      {
        onSuccess: (stored) => {
          notifications.show({
            color: 'teal',
            message: t('fxRates.saved', { currency: stored.currency, day: dayLabel(stored.day, formatLocale), rate: stored.rate }),
          });
          onClose();
        },
      },
    );
  };

  const title = editing
    ? t('fxRates.editTitle', { currency: mode.rate.currency, day: dayLabel(mode.rate.day, formatLocale) })
    : t('fxRates.addTitle');
  return (
    <Modal opened onClose={onClose} title={title} centered size={480} closeButtonProps={{ 'aria-label': t('dialog.close') }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {editing ? t('fxRates.editDescription', { currency: mode.rate.currency }) : t('fxRates.addDescription')}
          </Text>
          {!editing && (
            <>
              <TextInput
                type="date"
                label={t('fxRates.field.day')}
                value={day}
                onChange={(event) => setDay(event.currentTarget.value)}
                error={shown('day') ?? fieldError(put.error, 'day')}
                required
              />
              <Select
                label={t('fxRates.field.currency')}
                data={currencies}
                value={currency}
                onChange={setCurrency}
                searchable
                limit={50}
                error={shown('currency') ?? fieldError(put.error, 'currency')}
                comboboxProps={{ withinPortal: true }}
                required
              />
            </>
          )}
          <TextInput
            label={t('fxRates.field.rate')}
            description={t('fxRates.field.rateHint', { reporting: reportingCurrency })}
            value={rate}
            onChange={(event) => setRate(event.currentTarget.value)}
            inputMode="decimal"
            autoComplete="off"
            rightSection={
              <Text size="xs" c="dimmed">
                {reportingCurrency}
              </Text>
            }
            rightSectionWidth={48}
            error={shown('rate') ?? fieldError(put.error, '/rate')}
            required
            data-autofocus
          />
          {!shownInlineOnly(put.error, inlineFields) && (
            <FormError error={put.error} fieldsShownInline={inlineFields} title={changeProblemTitle(put.error, t)} />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={put.isPending}>
              {t('dialog.cancel')}
            </Button>
            <Button type="submit" loading={put.isPending}>
              {t('fxRates.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
