import { Button, Group, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { IconCalendar, IconChevronDown } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { datePresets, matchingPreset, type DatePresetId } from '@/lib/date-ranges';
import { useI18n } from '@/lib/i18n';
import { dayRangeText } from '../labels';
import classes from './overview.module.css';

/** The ranges offered beside the calendar, in this order. */
export const overviewPresetIds: readonly DatePresetId[] = ['today', 'last7', 'last30', 'last90', 'last12Months', 'thisMonth'];

export interface RangePickerProps {
  from: string;
  to: string;
  today: string;
  onChange: (from: string, to: string) => void;
}

/** "Last 30 days · Oct 27 – Nov 25, 2026": presets to pick in one click, or two days on the calendar. */
export function RangePicker({ from, to, today, onChange }: RangePickerProps) {
  const { t, formatLocale, timeZone } = useI18n();
  const [opened, setOpened] = useState(false);
  const preset = matchingPreset(from, to, today);
  const rangeText = dayRangeText(from, to, formatLocale);
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" shadow="md" withinPortal trapFocus returnFocus closeOnEscape>
      <Popover.Target>
        <Button
          variant="default"
          leftSection={<IconCalendar size={16} stroke={1.7} aria-hidden="true" />}
          rightSection={<IconChevronDown size={14} aria-hidden="true" />}
          onClick={() => setOpened((open) => !open)}
          aria-haspopup="dialog"
          aria-expanded={opened}
          aria-label={`${t('analytics.range.label')}: ${preset !== undefined ? `${t(`filters.date.preset.${preset}`)}, ` : ''}${rangeText}`}
          data-testid="overview-range"
        >
          {preset !== undefined && (
            <Text span fw={600} size="sm" mr={8}>
              {t(`filters.date.preset.${preset}`)}
            </Text>
          )}
          <Text span size="sm" c={preset !== undefined ? 'dimmed' : undefined} className="kassa-numeric">
            {rangeText}
          </Text>
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-label={t('analytics.range.label')}>
        {opened && (
          <RangeEditor
            from={from}
            to={to}
            today={today}
            timeZone={timeZone}
            onApply={(nextFrom, nextTo) => {
              onChange(nextFrom, nextTo);
              setOpened(false);
            }}
          />
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

function RangeEditor({ from, to, today, timeZone, onApply }: { from: string; to: string; today: string; timeZone: string; onApply: (from: string, to: string) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<[string | null, string | null]>([from, to]);
  const presets = datePresets(today, overviewPresetIds);
  const selected = matchingPreset(draft[0] ?? '', draft[1] ?? '', today);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft[0] !== null) onApply(draft[0], draft[1] ?? draft[0]);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Group align="flex-start" gap="sm" wrap="nowrap">
          <div className={classes.presets} role="group" aria-label={t('filters.date.presets')}>
            {presets.map((preset, index) => (
              <UnstyledButton
                key={preset.id}
                className={classes.preset}
                data-selected={selected === preset.id || undefined}
                aria-pressed={selected === preset.id}
                data-autofocus={index === 0 || undefined}
                onClick={() => onApply(preset.from, preset.to)}
              >
                {t(`filters.date.preset.${preset.id}`)}
              </UnstyledButton>
            ))}
          </div>
          <Stack gap={6}>
            <Text size="xs" c="dimmed" id="overview-range-calendar">
              {t('analytics.range.calendar')}
            </Text>
            <DatePicker
              type="range"
              allowSingleDateInRange
              value={draft}
              onChange={setDraft}
              maxDate={today}
              defaultDate={draft[0] ?? today}
              numberOfColumns={2}
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
              aria-labelledby="overview-range-calendar"
            />
          </Stack>
        </Group>
        <Group justify="space-between" gap="sm" wrap="nowrap">
          <Text size="xs" c="dimmed">
            {t('filters.date.hint', { timeZone })}
          </Text>
          <Button type="submit" size="xs" disabled={draft[0] === null}>
            {t('filters.apply')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
