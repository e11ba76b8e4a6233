import '@fontsource-variable/inter/wght.css';
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './global.css';

import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { ConflictProvider } from '@/components/conflict/conflict-provider';
import { StepUpProvider } from '@/components/step-up/step-up-provider';
import { I18nProvider } from '@/lib/i18n';
import { createQueryClient } from '@/lib/query-client';
import { resourceNameFinder } from './resource-names';
import { colorSchemeManager, cssVariablesResolver, theme } from './theme';

export interface AppProviderProps {
  children: ReactNode;
  /** Tests pass their own client to start from an empty cache. */
  queryClient?: QueryClient;
  /** 'test' turns off Mantine's transitions and portals (for jsdom). */
  mantineEnv?: 'default' | 'test';
}

export function AppProvider({ children, queryClient, mantineEnv = 'default' }: AppProviderProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      colorSchemeManager={colorSchemeManager}
      defaultColorScheme="auto"
      env={mantineEnv}
    >
      <I18nProvider>
        <QueryClientProvider client={client}>
          <Notifications position="top-right" limit={3} />
          <ApiGuards>{children}</ApiGuards>
        </QueryClientProvider>
      </I18nProvider>
    </MantineProvider>
  );
}

/** The dialogs behind useStepUp() and useVersionCheck(), for every screen. */
function ApiGuards({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const nameOf = useMemo(() => resourceNameFinder(queryClient), [queryClient]);
  return (
    <StepUpProvider nameOf={nameOf}>
      <ConflictProvider>{children}</ConflictProvider>
    </StepUpProvider>
  );
}
