import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { useCallback, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import type { AppApi } from '../../shared/api';
import type { Clock, Store } from '../../core';
import { AuthGate } from './AuthGate';
import { DemoDataJobProvider } from './demoDataJob';
import { createAppRouter } from './router';
import { AppServicesProvider } from './services';
import { SessionProvider, type SessionHolder } from './session';
import { StartupGate } from './StartupGate';
import { theme } from './theme';

interface AppProps {
  store: Store;
  clock: Clock;
  api: AppApi;
  i18n: I18n;
  queryClient: QueryClient;
  session: SessionHolder;
}

export function App({ store, clock, api, i18n, queryClient, session }: AppProps) {
  const [router] = useState(createAppRouter);
  // Whoever signs in next starts on the home route, not on the page the last person left open.
  const home = useCallback(() => void router.navigate('/', { replace: true }), [router]);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <AppServicesProvider store={store} clock={clock} api={api}>
            <SessionProvider holder={session}>
              <DemoDataJobProvider>
                <StartupGate>
                  <AuthGate onSignedOut={home}>
                    <RouterProvider router={router} />
                  </AuthGate>
                </StartupGate>
              </DemoDataJobProvider>
            </SessionProvider>
          </AppServicesProvider>
        </QueryClientProvider>
      </I18nextProvider>
    </MantineProvider>
  );
}
