import { ActionIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useT } from '@/lib/i18n';
import classes from './copy-value.module.css';

export interface CopyValueProps {
  value: string;
  /** What is copied, for the button's name: "Copy secret key". */
  label: string;
  /** Show this instead of the value (the value is still what is copied). */
  display?: string;
  size?: 'sm' | 'md';
  /** `inline`: no box, for ids in table cells. */
  variant?: 'box' | 'inline';
  testId?: string;
}

/** A value in a monospace box with a copy button: secrets, links, ids. */
export function CopyValue({ value, label, display, size = 'md', variant = 'box', testId }: CopyValueProps) {
  const t = useT();
  return (
    <Group gap={0} wrap="nowrap" className={classes.root} data-size={size} data-variant={variant}>
      <Text component="code" className={classes.value} data-testid={testId}>
        {display ?? value}
      </Text>
      <CopyButton value={value} timeout={2000}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('copy.copied') : label} withArrow position="left" opened={copied ? true : undefined}>
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              onClick={copy}
              aria-label={label}
              size={variant === 'inline' ? 'sm' : size === 'md' ? 'lg' : 'md'}
              className={classes.button}
            >
              {copied ? <IconCheck size={16} aria-hidden="true" /> : <IconCopy size={16} aria-hidden="true" />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
