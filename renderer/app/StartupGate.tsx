import { Alert, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { appInfoQuery } from '../hooks/useAppInfo';
import { DEFAULT_DATABASE_NAME, describeError, isDatabaseOpenError, openDatabaseChecked } from '../../core';
import { SaveRawTables } from '../components/SaveRawTables';
import { useDemoDataJob } from './demoDataJob';
import { LanguageSwitch } from './LanguageSwitch';
import { storagePersistenceQuery } from './persistentStorage';
import { useAppApi, useStore } from './services';

/**
 * Prepares the store before any screen reads it: opens the database (a
 * failure says why and offers to save the raw tables first), seeds the
 * catalog on first start, asks the browser to keep the data (no eviction
 * under disk pressure; the answer is cached for Settings), and fills an
 * empty store with demo data when `--demo`/`?demo` asked for it.
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
      // main.tsx opens the store on DEFAULT_DATABASE_NAME; the first access (seeding the catalog) opens it.
      await Promise.all([
        openDatabaseChecked(DEFAULT_DATABASE_NAME, () => store.ensureCatalog()),
        queryClient.fetchQuery(storagePersistenceQuery()),
      ]);
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
    return <StartupFailure error={startup.error} retrying={startup.isFetching} onRetry={() => void startup.refetch()} />;
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

/**
 * The start screen when the database cannot be used: what happened, in the
 * user's language (with the language switch, since the header is not there),
 * then, before anything else, saving the raw tables to a file, then "try again".
 */
function StartupFailure({ error, retrying, onRetry }: { error: Error; retrying: boolean; onRetry: () => void }) {
  const { t } = useTranslation('common');
  const reason = isDatabaseOpenError(error) ? error.reason : null;
  const title = reason ? t(`startup.${reason}.title`) : t('startup.failedTitle');
  const text = reason ? t(`startup.${reason}.text`) : t('startup.failedText');
  return (
    <Center component="main" mih="100vh" p="xl">
      <Stack maw={640} w="100%">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700} c="teal.8">
            {t('appName')}
          </Text>
          <LanguageSwitch />
        </Group>
        <Title order={1} size="h3">
          {title}
        </Title>
        <Alert color={reason === 'newerVersion' ? 'orange' : 'red'} variant="light" role="alert">
          {text}
        </Alert>
        <Text>{t('startup.saveFirst')}</Text>
        <SaveRawTables>
          <Button variant="default" onClick={onRetry} loading={retrying}>
            {t('startup.retry')}
          </Button>
        </SaveRawTables>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('technicalDetails', { details: describeError(error) })}
        </Text>
      </Stack>
    </Center>
  );
}
