import { Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { BrandMark } from '@/components/layout/brand';
import { ColorSchemeToggle } from '@/components/layout/color-scheme-toggle';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useT } from '@/lib/i18n';
import classes from './auth-layout.module.css';

export interface AuthLayoutProps {
  /** The document title (the card holds the page's h1). */
  documentTitle: string;
  children: ReactNode;
  /** Wider card for the QR code and recovery codes. */
  wide?: boolean;
}

/** The frame of the pages before sign-in: the brand, one card, nothing else to get lost in. */
export function AuthLayout({ documentTitle, children, wide = false }: AuthLayoutProps) {
  const t = useT();
  useDocumentTitle(documentTitle);
  return (
    <div className={classes.page}>
      <main className={classes.main}>
        <Stack align="center" gap="xl" w="100%">
          <Group gap={10} wrap="nowrap">
            <BrandMark size={32} />
            <Text component="span" fw={700} fz={22} lh={1} className={classes.brandName}>
              {t('app.name')}
            </Text>
          </Group>
          <Paper className={classes.card} data-wide={wide || undefined} shadow="sm" withBorder>
            {children}
          </Paper>
        </Stack>
      </main>
      <footer className={classes.footer}>
        <Text size="xs" c="dimmed">
          {t('auth.footer')}
        </Text>
        <ColorSchemeToggle />
      </footer>
    </div>
  );
}
