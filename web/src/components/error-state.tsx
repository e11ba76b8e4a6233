import { Button, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { isApiProblem, problemMessage } from '@/lib/api';
import { useT } from '@/lib/i18n';
import classes from './error-state.module.css';

export interface ErrorStateProps {
  error: unknown;
  /** Defaults to "Something went wrong". */
  title?: string;
  /** Shows a "Try again" button. */
  onRetry?: () => void;
  retrying?: boolean;
  /** More about the failure, under the message (the fields a 400 rejected, say). */
  children?: ReactNode;
}

/**
 * A failed load, said plainly: what went wrong (the API's problem detail when
 * there is one), the request id to quote to support, and a way to retry.
 */
export function ErrorState({ error, title, onRetry, retrying = false, children }: ErrorStateProps) {
  const t = useT();
  const requestId = isApiProblem(error) ? error.requestId : undefined;
  return (
    <div role="alert" className={classes.root}>
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <ThemeIcon color="red" variant="light" size={28} radius="xl" aria-hidden="true">
          <IconAlertTriangle size={16} stroke={1.8} />
        </ThemeIcon>
        <Stack gap={4} miw={0}>
          <Text fw={600} size="sm">
            {title ?? t('state.errorTitle')}
          </Text>
          <Text size="sm">
            {problemMessage(error, t)}
          </Text>
          {children}
          {requestId !== undefined && (
            <Text size="xs" ff="monospace" className={classes.requestId}>
              {requestId}
            </Text>
          )}
          {onRetry !== undefined && (
            <Group mt={6}>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconRefresh size={14} aria-hidden="true" />}
                onClick={onRetry}
                loading={retrying}
              >
                {t('state.retry')}
              </Button>
            </Group>
          )}
        </Stack>
      </Group>
    </div>
  );
}
