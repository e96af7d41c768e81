import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import type { AppApi } from '../../shared/api';
import type { Clock, Store } from '../../core';
import { DemoDataJobProvider } from './demoDataJob';
import { createAppRouter } from './router';
import { AppServicesProvider } from './services';
import { StartupGate } from './StartupGate';
import { theme } from './theme';

interface AppProps {
  store: Store;
  clock: Clock;
  api: AppApi;
  i18n: I18n;
  queryClient: QueryClient;
}

export function App({ store, clock, api, i18n, queryClient }: AppProps) {
  const [router] = useState(createAppRouter);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <AppServicesProvider store={store} clock={clock} api={api}>
            <DemoDataJobProvider>
              <StartupGate>
                <RouterProvider router={router} />
              </StartupGate>
            </DemoDataJobProvider>
          </AppServicesProvider>
        </QueryClientProvider>
      </I18nextProvider>
    </MantineProvider>
  );
}
