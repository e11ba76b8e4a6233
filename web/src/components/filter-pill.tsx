import { CloseButton, Popover, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconCirclePlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useT } from '@/lib/i18n';
import classes from './filter-pill.module.css';

export interface FilterPillProps {
  label: string;
  /** What the filter is set to, in words; empty when it is not set. */
  valueText: string;
  onClear: () => void;
  /** The editor; `close` after applying. */
  children: (close: () => void) => ReactNode;
  testId?: string;
}

/**
 * One filter as a pill: "+ Status" while unset; "Status | Succeeded" with a
 * clear button once set. Its editor opens in a popover that keeps the focus
 * until it closes (Escape or a click outside), then returns it to the pill.
 */
export function FilterPill({ label, valueText, onClear, children, testId }: FilterPillProps) {
  const t = useT();
  const [opened, setOpened] = useState(false);
  const active = valueText !== '';
  return (
    <div className={classes.pill} data-active={active || undefined} data-testid={testId}>
      {active && (
        <CloseButton
          size="sm"
          radius="xl"
          className={classes.clear}
          aria-label={t('filters.remove', { filter: label })}
          onClick={onClear}
        />
      )}
      <Popover
        opened={opened}
        onChange={setOpened}
        position="bottom-start"
        shadow="md"
        withinPortal
        trapFocus
        returnFocus
        closeOnEscape
      >
        <Popover.Target>
          <UnstyledButton
            className={classes.pillButton}
            onClick={() => setOpened((open) => !open)}
            aria-expanded={opened}
            aria-haspopup="dialog"
          >
            {!active && <IconCirclePlus size={14} stroke={1.8} aria-hidden="true" className={classes.plus} />}
            <span className={classes.pillLabel}>{label}</span>
            {active && (
              <>
                <span className={classes.divider} aria-hidden="true" />
                <span className={classes.pillValue}>{valueText}</span>
                <IconChevronDown size={12} aria-hidden="true" className={classes.chevron} />
              </>
            )}
          </UnstyledButton>
        </Popover.Target>
        <Popover.Dropdown aria-label={label} className={classes.dropdown}>
          {opened && children(() => setOpened(false))}
        </Popover.Dropdown>
      </Popover>
    </div>
  );
}
