import { Group, Text, UnstyledButton } from '@mantine/core';
import { Link, type To } from 'react-router';
import { useT } from '@/lib/i18n';
import classes from './app-frame.module.css';

/** Kassa's mark: a K in a rounded square, drawn inline so it needs no request. */
export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--mantine-primary-color-filled)" />
      <path
        d="M11 8v16M11 16l9-8M14 13.5 21 24"
        stroke="#fff"
        strokeWidth="3"
        strokeLinecap="round"
        strokeLinejoin="round"
        fill="none"
      />
    </svg>
  );
}

/** The product name in the header, linking to the overview. */
export function BrandLink({ to }: { to: To }) {
  const t = useT();
  return (
    <UnstyledButton component={Link} to={to} className={classes.brand} aria-label={t('frame.home')}>
      <Group gap={10} wrap="nowrap">
        <BrandMark />
        <Text component="span" fw={700} fz="lg" lh={1} className={classes.brandName} visibleFrom="xs">
          {t('app.name')}
        </Text>
      </Group>
    </UnstyledButton>
  );
}
