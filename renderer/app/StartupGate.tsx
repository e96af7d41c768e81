import { Alert, Center, Loader, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { appInfoQuery } from '../hooks/useAppInfo';
import { requestPersistentStorage } from '../../core';
import { useDemoDataJob } from './demoDataJob';
import { useAppApi, useStore } from './services';

/**
 * Prepares the store before any screen reads it: seeds the catalog on first
 * start, asks the browser to keep the data (no eviction under disk pressure),
 * and fills an empty store with demo data when `--demo`/`?demo` asked for it.
 */
export function StartupGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  const store = useStore();
  const api = useAppApi();
  const queryClient = useQueryClient();
  const demoJob = useDemoDataJob();
  const startup = useQuery({
    queryKey: ['startup'],
    queryFn: async () => {
      await store.ensureCatalog();
      void requestPersistentStorage().catch((error: unknown) => console.warn('Persistent storage request failed', error));
      const info = await queryClient.fetchQuery(appInfoQuery(api));
      const demoSize = info.demoRequested !== null && (await store.isEmpty()) ? info.demoRequested : null;
      return { demoSize };
    },
  });

  const demoStarted = useRef(false);
  const demoSize = startup.data?.demoSize ?? null;
  const { start } = demoJob;
  useEffect(() => {
    if (demoSize !== null && !demoStarted.current) {
      demoStarted.current = true;
      start(demoSize);
    }
  }, [demoSize, start]);

  if (startup.isError) {
    return (
      <Center h="100vh" p="xl">
        <Alert color="red" title={t('startup.failedTitle')} maw={560}>
          {t('startup.failedText')}
        </Alert>
      </Center>
    );
  }
  if (startup.isPending) {
    return (
      <Center h="100vh">
        <Stack align="center">
          <Loader aria-label={t('startup.loading')} />
          <Text c="dimmed">{t('startup.loading')}</Text>
        </Stack>
      </Center>
    );
  }
  return children;
}
