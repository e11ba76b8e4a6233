import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useRouteError } from 'react-router';
import { useT } from '@/lib/i18n';

/** Shown when rendering a route throws: never a blank page. */
export function RouteErrorBoundary() {
  const t = useT();
  const error = useRouteError();
  if (import.meta.env.DEV) console.error(error);
  return (
    <Center mih="60vh" p="xl" component="main">
      <Stack align="center" gap="sm" maw={480} ta="center">
        <Title order={1}>{t('routeError.title')}</Title>
        <Text c="dimmed">{t('routeError.description')}</Text>
        <Button mt="sm" leftSection={<IconRefresh size={16} aria-hidden="true" />} onClick={() => window.location.reload()}>
          {t('routeError.reload')}
        </Button>
      </Stack>
    </Center>
  );
}
