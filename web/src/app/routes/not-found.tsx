import { Button, Card, EmptyState, Text } from '@mantine/core';
import { IconArrowLeft, IconMapOff } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { Page } from '@/components/page';
import { useProjectScope } from '@/hooks/use-project-scope';
import { useT } from '@/lib/i18n';

/** Any path no route matches. */
export function NotFoundRoute() {
  const t = useT();
  const { pathname } = useLocation();
  const { withProject } = useProjectScope();
  return (
    <Page title={t('notFound.title')}>
      <Card py={56} px="xl">
        <EmptyState
          variant="light"
          color="gray"
          size="md"
          icon={<IconMapOff size={26} stroke={1.6} aria-hidden="true" />}
          maw={520}
          mx="auto"
        >
          <Text fz={13} fw={600} c="dimmed" ff="monospace">
            {t('notFound.code')}
          </Text>
          <EmptyState.Description>{t('notFound.description', { path: pathname })}</EmptyState.Description>
          <EmptyState.Actions>
            <Button component={Link} to={withProject('/')} leftSection={<IconArrowLeft size={16} aria-hidden="true" />}>
              {t('notFound.home')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Card>
    </Page>
  );
}
