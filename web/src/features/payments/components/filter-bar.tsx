import { Button, Checkbox, Group, ScrollArea, Stack, TagsInput, Text, TextInput, UnstyledButton } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { IconX } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { FilterPill } from '@/components/filter-pill';
import { datePresets, isInstant, matchingPreset, todayInTimeZone } from '@/lib/date-ranges';
import { cardBrandName, countryName, declineReasonLabel, knownCardBrands, knownDeclineCodes } from '@/lib/display-names';
import { currencyFractionDigits, formatAmount, formatDate, formatDateTime } from '@/lib/format';
import { useI18n, type PlainMessageKey, type Translate } from '@/lib/i18n';
import { currencyCodes } from '@/lib/intl-options';
import { decimalToMinorUnits, parseMoneyInput } from '@/lib/money';
import { moneyErrorMessage } from '../money-messages';
import { activeFilterCount, emptyListFilters, noneValue, type ListFilters } from '../types';
import classes from './filter-bar.module.css';

export type FilterField =
  | 'date'
  | 'amount'
  | 'status'
  | 'type'
  | 'method'
  | 'currency'
  | 'country'
  | 'cardBrand'
  | 'declineCode'
  | 'email'
  | 'last4'
  | 'reference';

export interface FilterOption {
  value: string;
  label: string;
}

export interface FilterBarProps {
  fields: readonly FilterField[];
  filters: ListFilters;
  onChange: (filters: ListFilters) => void;
  statusOptions: readonly FilterOption[];
  typeOptions?: readonly FilterOption[];
  methodOptions: readonly FilterOption[];
  /** The currency an amount filter is in; null when the chosen currencies disagree on decimals. */
  amountCurrency: string | null;
  /** Buttons at the end of the bar (columns, export). */
  trailing?: ReactNode;
}

const fieldLabels: Readonly<Record<FilterField, PlainMessageKey>> = {
  date: 'filters.date',
  amount: 'filters.amount',
  status: 'filters.status',
  type: 'filters.type',
  method: 'filters.method',
  currency: 'filters.currency',
  country: 'filters.country',
  cardBrand: 'filters.cardBrand',
  declineCode: 'filters.declineCode',
  email: 'filters.email',
  last4: 'filters.last4',
  reference: 'filters.reference',
};

/** "Succeeded, Refunded", or "Succeeded +2" past two values. */
function listText(values: readonly string[], labelOf: (value: string) => string, t: Translate): string {
  if (values.length === 0) return '';
  const labels = values.map(labelOf);
  if (labels.length <= 2) return labels.join(', ');
  return t('filters.more', { first: labels[0] ?? '', count: labels.length - 1 });
}

/** The choices of a filter: the known values, then "none", then any other value the URL holds (so applying keeps it). */
function optionsWith(known: readonly FilterOption[], none: FilterOption, current: readonly string[], labelOf: (value: string) => string): FilterOption[] {
  const options = [...known, none];
  for (const value of current) if (!options.some((option) => option.value === value)) options.push({ value, label: labelOf(value) });
  return options;
}

/** The calendar day of a range end: an instant's day in the business time zone (the day before an exclusive end). */
function dayOf(value: string, timeZone: string, exclusiveEnd = false): string {
  if (!isInstant(value)) return value;
  return todayInTimeZone(timeZone, new Date(Date.parse(value) - (exclusiveEnd ? 1 : 0)));
}

/** A calendar day, written for the locale ("1 Mar 2026"). */
function dayText(isoDate: string, locale: string): string {
  return formatDate(`${isoDate}T00:00:00Z`, locale, 'UTC');
}

/** A range of instants (an hour of a chart, say): "Mar 2, 2026, 2:00 – 3:00 PM", `to` exclusive. */
function instantRangeText(from: string, to: string, locale: string, timeZone: string, t: Translate): string {
  if (isInstant(from) && isInstant(to)) {
    const format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone });
    return format.formatRange(new Date(from), new Date(to));
  }
  const text = (value: string) => (isInstant(value) ? formatDateTime(value, locale, timeZone) : dayText(value, locale));
  if (to === '') return t('filters.date.since', { from: text(from) });
  return t('filters.date.range', { from: from === '' ? '' : text(from), to: text(to) });
}

/**
 * The list's filters as pills, each with its own editor; every change goes
 * to the URL at once (through `onChange`), so the list reloads and the view
 * can be shared.
 */
export function FilterBar({ fields, filters, onChange, statusOptions, typeOptions = [], methodOptions, amountCurrency, trailing }: FilterBarProps) {
  const { t, formatLocale, timeZone } = useI18n();
  const set = (patch: Partial<ListFilters>) => onChange({ ...filters, ...patch });
  const today = todayInTimeZone(timeZone);
  const optionLabel = (options: readonly FilterOption[]) => (value: string) =>
    options.find((option) => option.value === value)?.label ?? value;

  const cardBrandLabel = (brand: string) => (brand === noneValue ? t('filters.cardBrand.none') : cardBrandName(brand));
  const declineCodeLabel = (code: string) => declineReasonLabel(code === noneValue ? null : code, t);
  const cardBrandOptions = optionsWith(
    knownCardBrands.map((brand) => ({ value: brand, label: cardBrandName(brand) })),
    { value: noneValue, label: t('filters.cardBrand.none') },
    filters.cardBrands,
    cardBrandLabel,
  );
  const declineCodeOptions = optionsWith(
    knownDeclineCodes.map((code) => ({ value: code, label: declineReasonLabel(code, t) })),
    { value: noneValue, label: declineReasonLabel(null, t) },
    filters.declineCodes,
    declineCodeLabel,
  );

  const amountText = (decimal: string): string => {
    if (amountCurrency === null) return decimal;
    const parsed = decimalToMinorUnits(decimal, currencyFractionDigits(amountCurrency));
    return parsed.ok ? formatAmount(parsed.minor, amountCurrency, formatLocale) : decimal;
  };

  const valueText = (field: FilterField): string => {
    switch (field) {
      case 'date': {
        if (filters.from === '' && filters.to === '') return '';
        if (isInstant(filters.from) || isInstant(filters.to)) return instantRangeText(filters.from, filters.to, formatLocale, timeZone, t);
        const preset = matchingPreset(filters.from, filters.to, today);
        if (preset !== undefined) return t(`filters.date.preset.${preset}`);
        if (filters.to === '') return t('filters.date.since', { from: dayText(filters.from, formatLocale) });
        return t('filters.date.range', { from: dayText(filters.from || filters.to, formatLocale), to: dayText(filters.to, formatLocale) });
      }
      case 'amount':
        if (filters.amountMin !== '' && filters.amountMax !== '') {
          return t('filters.amount.between', { min: amountText(filters.amountMin), max: amountText(filters.amountMax) });
        }
        if (filters.amountMin !== '') return t('filters.amount.atLeast', { min: amountText(filters.amountMin) });
        if (filters.amountMax !== '') return t('filters.amount.atMost', { max: amountText(filters.amountMax) });
        return '';
      case 'status':
        return listText(filters.statuses, optionLabel(statusOptions), t);
      case 'type':
        return listText(filters.types, optionLabel(typeOptions), t);
      case 'method':
        return listText(filters.methods, optionLabel(methodOptions), t);
      case 'currency':
        return listText(filters.currencies, (code) => code, t);
      case 'country':
        return listText(filters.countries, (code) => countryName(code, formatLocale), t);
      case 'cardBrand':
        return listText(filters.cardBrands, cardBrandLabel, t);
      case 'declineCode':
        return listText(filters.declineCodes, declineCodeLabel, t);
      case 'email':
        return filters.email;
      case 'last4':
        return filters.last4 === '' ? '' : `•••• ${filters.last4}`;
      case 'reference':
        return filters.merchantReference;
    }
  };

  const clearOf = (field: FilterField): Partial<ListFilters> => {
    switch (field) {
      case 'date':
        return { from: '', to: '' };
      case 'amount':
        return { amountMin: '', amountMax: '' };
      case 'status':
        return { statuses: [] };
      case 'type':
        return { types: [] };
      case 'method':
        return { methods: [] };
      case 'currency':
        return { currencies: [] };
      case 'country':
        return { countries: [] };
      case 'cardBrand':
        return { cardBrands: [] };
      case 'declineCode':
        return { declineCodes: [] };
      case 'email':
        return { email: '' };
      case 'last4':
        return { last4: '' };
      case 'reference':
        return { merchantReference: '' };
    }
  };

  const editor = (field: FilterField, close: () => void): ReactNode => {
    const apply = (patch: Partial<ListFilters>) => {
      set(patch);
      close();
    };
    switch (field) {
      case 'date':
        return (
          <DateEditor
            from={dayOf(filters.from, timeZone)}
            to={dayOf(filters.to, timeZone, true)}
            today={today}
            onApply={(from, to) => apply({ from, to })}
          />
        );
      case 'amount':
        return (
          <AmountEditor
            min={filters.amountMin}
            max={filters.amountMax}
            currency={amountCurrency}
            onApply={(amountMin, amountMax) => apply({ amountMin, amountMax })}
          />
        );
      case 'status':
        return <ChoiceEditor label={t('filters.status')} options={statusOptions} value={filters.statuses} onApply={(statuses) => apply({ statuses })} />;
      case 'type':
        return <ChoiceEditor label={t('filters.type')} options={typeOptions} value={filters.types} onApply={(types) => apply({ types })} />;
      case 'method':
        return <ChoiceEditor label={t('filters.method')} options={methodOptions} value={filters.methods} onApply={(methods) => apply({ methods })} />;
      case 'currency':
        return <CurrencyEditor value={filters.currencies} onApply={(currencies) => apply({ currencies })} />;
      case 'country':
        return <CountryEditor value={filters.countries} onApply={(countries) => apply({ countries })} />;
      case 'cardBrand':
        return <ChoiceEditor label={t('filters.cardBrand')} options={cardBrandOptions} value={filters.cardBrands} onApply={(cardBrands) => apply({ cardBrands })} />;
      case 'declineCode':
        return (
          <ChoiceEditor
            label={t('filters.declineCode')}
            options={declineCodeOptions}
            value={filters.declineCodes}
            onApply={(declineCodes) => apply({ declineCodes })}
            scrollable
          />
        );
      case 'email':
        return (
          <TextEditor
            label={t('filters.email')}
            description={t('filters.email.hint')}
            placeholder={t('filters.email.placeholder')}
            type="email"
            value={filters.email}
            onApply={(email) => apply({ email })}
          />
        );
      case 'last4':
        return (
          <TextEditor
            label={t('filters.last4')}
            placeholder={t('filters.last4.placeholder')}
            value={filters.last4}
            inputMode="numeric"
            maxLength={4}
            validate={(value) => (value === '' || /^\d{4}$/.test(value) ? undefined : t('filters.last4.invalid'))}
            onApply={(last4) => apply({ last4 })}
          />
        );
      case 'reference':
        return (
          <TextEditor
            label={t('filters.reference')}
            description={t('filters.reference.hint')}
            placeholder={t('filters.reference.placeholder')}
            value={filters.merchantReference}
            onApply={(merchantReference) => apply({ merchantReference })}
          />
        );
    }
  };

  const active = activeFilterCount(filters) > 0;
  return (
    <div className={classes.toolbar}>
      <div className={classes.bar} role="group" aria-label={t('filters.label')}>
        {fields.map((field) => (
          <FilterPill
            key={field}
            label={t(fieldLabels[field])}
            valueText={valueText(field)}
            onClear={() => set(clearOf(field))}
            testId={`filter-${field}`}
          >
            {(close) => editor(field, close)}
          </FilterPill>
        ))}
        {active && (
          <Button
            variant="subtle"
            color="gray"
            size="compact-xs"
            leftSection={<IconX size={12} aria-hidden="true" />}
            onClick={() => onChange(emptyListFilters)}
          >
            {t('filters.clearAll')}
          </Button>
        )}
      </div>
      {trailing !== undefined && (
        <Group gap="xs" wrap="nowrap" className={classes.trailing}>
          {trailing}
        </Group>
      )}
    </div>
  );
}

function EditorForm({ onSubmit, children, applyDisabled = false }: { onSubmit: () => void; children: ReactNode; applyDisabled?: boolean }) {
  const { t } = useI18n();
  return (
    <form
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        if (!applyDisabled) onSubmit();
      }}
      noValidate
    >
      <Stack gap="sm">
        {children}
        <Group justify="flex-end">
          <Button type="submit" size="xs" disabled={applyDisabled}>
            {t('filters.apply')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface ChoiceEditorProps {
  label: string;
  options: readonly FilterOption[];
  value: readonly string[];
  onApply: (values: string[]) => void;
  /** A long list: scrolls past a screenful. */
  scrollable?: boolean;
}

function ChoiceEditor({ label, options, value, onApply, scrollable = false }: ChoiceEditorProps) {
  const [draft, setDraft] = useState<string[]>([...value]);
  const choices = (
    <Stack gap={8} mt={6}>
      {options.map((option, index) => (
        <Checkbox key={option.value} value={option.value} label={option.label} size="xs" data-autofocus={index === 0 || undefined} />
      ))}
    </Stack>
  );
  return (
    <EditorForm onSubmit={() => onApply(options.map((option) => option.value).filter((option) => draft.includes(option)))}>
      <Checkbox.Group label={label} value={draft} onChange={setDraft}>
        {scrollable ? (
          <ScrollArea.Autosize mah={320} type="auto" offsetScrollbars>
            {choices}
          </ScrollArea.Autosize>
        ) : (
          choices
        )}
      </Checkbox.Group>
    </EditorForm>
  );
}

interface TextEditorProps {
  label: string;
  description?: string;
  placeholder: string;
  value: string;
  type?: string;
  inputMode?: 'numeric' | 'text';
  maxLength?: number;
  validate?: (value: string) => string | undefined;
  onApply: (value: string) => void;
}

function TextEditor({ label, description, placeholder, value, type = 'text', inputMode, maxLength, validate, onApply }: TextEditorProps) {
  const [draft, setDraft] = useState(value);
  const [touched, setTouched] = useState(false);
  const error = validate?.(draft.trim());
  return (
    <EditorForm onSubmit={() => (error === undefined ? onApply(draft.trim()) : setTouched(true))}>
      <TextInput
        label={label}
        description={description}
        placeholder={placeholder}
        type={type}
        inputMode={inputMode}
        maxLength={maxLength}
        value={draft}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={() => setTouched(true)}
        error={touched ? error : undefined}
        size="xs"
        w={280}
        data-autofocus
      />
    </EditorForm>
  );
}

function DateEditor({ from, to, today, onApply }: { from: string; to: string; today: string; onApply: (from: string, to: string) => void }) {
  const { t, timeZone } = useI18n();
  const [draft, setDraft] = useState<[string | null, string | null]>([from || null, to || null]);
  const presets = datePresets(today);
  const selected = matchingPreset(draft[0] ?? '', draft[1] ?? '', today);
  return (
    <EditorForm onSubmit={() => onApply(draft[0] ?? '', draft[1] ?? draft[0] ?? '')} applyDisabled={draft[0] === null}>
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <div className={classes.presets} role="group" aria-label={t('filters.date.presets')}>
          {presets.map((preset) => (
            <UnstyledButton
              key={preset.id}
              className={classes.preset}
              data-selected={selected === preset.id || undefined}
              aria-pressed={selected === preset.id}
              onClick={() => onApply(preset.from, preset.to)}
            >
              {t(`filters.date.preset.${preset.id}`)}
            </UnstyledButton>
          ))}
        </div>
        <Stack gap={6}>
          <Text size="xs" c="dimmed" id="date-filter-calendar">
            {t('filters.date.calendar')}
          </Text>
          <DatePicker
            type="range"
            allowSingleDateInRange
            value={draft}
            onChange={setDraft}
            maxDate={today}
            defaultDate={draft[0] ?? today}
            size="sm"
            hideOutsideDates
            weekendDays={[]}
            ariaLabels={{
              previousMonth: t('filters.date.previousMonth'),
              nextMonth: t('filters.date.nextMonth'),
              previousYear: t('filters.date.previousYear'),
              nextYear: t('filters.date.nextYear'),
              previousDecade: t('filters.date.previousDecade'),
              nextDecade: t('filters.date.nextDecade'),
              monthLevelControl: t('filters.date.chooseMonth'),
              yearLevelControl: t('filters.date.chooseYear'),
            }}
            aria-labelledby="date-filter-calendar"
          />
        </Stack>
      </Group>
      <Text size="xs" c="dimmed">
        {t('filters.date.hint', { timeZone })}
      </Text>
    </EditorForm>
  );
}

function AmountEditor({ min, max, currency, onApply }: { min: string; max: string; currency: string | null; onApply: (min: string, max: string) => void }) {
  const { t, formatLocale } = useI18n();
  const [draftMin, setDraftMin] = useState(min);
  const [draftMax, setDraftMax] = useState(max);
  if (currency === null) {
    return (
      <Text size="sm" maw={280}>
        {t('filters.amount.mixedCurrencies')}
      </Text>
    );
  }
  const read = (text: string) => (text.trim() === '' ? ({ ok: true, minor: null, decimal: '' } as const) : parseMoneyInput(text, currency, formatLocale));
  const parsedMin = read(draftMin);
  const parsedMax = read(draftMax);
  const errorOf = (parsed: ReturnType<typeof read>) => (parsed.ok ? undefined : moneyErrorMessage(parsed.error, currency, t));
  const reversed = parsedMin.ok && parsedMax.ok && parsedMin.minor !== null && parsedMax.minor !== null && parsedMin.minor > parsedMax.minor;
  const invalid = !parsedMin.ok || !parsedMax.ok || reversed;
  return (
    <EditorForm applyDisabled={invalid} onSubmit={() => parsedMin.ok && parsedMax.ok && onApply(parsedMin.decimal, parsedMax.decimal)}>
      <Group grow gap="sm" align="flex-start" w={300}>
        <TextInput
          label={t('filters.amount.min')}
          value={draftMin}
          onChange={(event) => setDraftMin(event.currentTarget.value)}
          inputMode="decimal"
          rightSection={<Text size="xs" c="dimmed">{currency}</Text>}
          rightSectionWidth={44}
          error={errorOf(parsedMin)}
          size="xs"
          data-autofocus
        />
        <TextInput
          label={t('filters.amount.max')}
          value={draftMax}
          onChange={(event) => setDraftMax(event.currentTarget.value)}
          inputMode="decimal"
          rightSection={<Text size="xs" c="dimmed">{currency}</Text>}
          rightSectionWidth={44}
          error={errorOf(parsedMax) ?? (reversed ? t('filters.amount.minAboveMax') : undefined)}
          size="xs"
        />
      </Group>
      <Text size="xs" c="dimmed">
        {t('filters.amount.inCurrency', { currency })}
      </Text>
    </EditorForm>
  );
}

function CurrencyEditor({ value, onApply }: { value: readonly string[]; onApply: (currencies: string[]) => void }) {
  const { t } = useI18n();
  const known = useMemo(() => new Set(currencyCodes()), []);
  const [draft, setDraft] = useState<string[]>([...value]);
  const invalid = draft.find((code) => !/^[A-Z]{3}$/.test(code) || (known.size > 0 && !known.has(code)));
  return (
    <EditorForm onSubmit={() => onApply(draft)} applyDisabled={invalid !== undefined}>
      <TagsInput
        label={t('filters.currency')}
        description={t('filters.currency.hint')}
        placeholder={t('filters.currency.placeholder')}
        value={draft}
        onChange={(codes) => setDraft([...new Set(codes.map((code) => code.trim().toUpperCase()))])}
        error={invalid !== undefined ? t('filters.currency.invalid', { code: invalid }) : undefined}
        size="xs"
        w={300}
        data-autofocus
      />
    </EditorForm>
  );
}

function CountryEditor({ value, onApply }: { value: readonly string[]; onApply: (countries: string[]) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<string[]>([...value]);
  const invalid = draft.find((code) => !/^[A-Z]{2}$/.test(code));
  return (
    <EditorForm onSubmit={() => onApply(draft)} applyDisabled={invalid !== undefined}>
      <TagsInput
        label={t('filters.country')}
        description={t('filters.country.hint')}
        placeholder={t('filters.country.placeholder')}
        value={draft}
        onChange={(codes) => setDraft([...new Set(codes.map((code) => code.trim().toUpperCase()))])}
        error={invalid !== undefined ? t('filters.country.invalid', { code: invalid }) : undefined}
        size="xs"
        w={300}
        data-autofocus
      />
    </EditorForm>
  );
}
