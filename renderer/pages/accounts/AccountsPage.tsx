import { Button, Center, EmptyState, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useStore } from '../../app/services';
import { LoadDemoDataButton } from '../../components/LoadDemoDataButton';
import { formatInteger } from '../../i18n/format';
import { AccountsTable } from './AccountsTable';

/** More matches than this are not useful on screen; the user narrows the search instead. */
const SEARCH_LIMIT = 1000;
/**
 * Rows enough to fill the first screen (the table shows about 20). They are
 * read first, on their own, so that the list paints without waiting for all
 * SEARCH_LIMIT rows: reading 1 000 accounts takes tens of milliseconds.
 */
const FIRST_SCREEN = 40;

export function AccountsPage() {
  const { t } = useTranslation('accounts');
  const store = useStore();
  const [query, setQuery] = useState('');
  const [debouncedQuery] = useDebouncedValue(query.trim(), 150);
  const total = useLiveQuery(() => store.countAccounts(), [store]);
  const firstScreen = useLiveQuery(() => store.searchAccounts(debouncedQuery, { limit: FIRST_SCREEN }), [store, debouncedQuery]);
  // Started once the first screen is in, so that the database answers the small read first.
  const firstScreenIn = firstScreen !== undefined;
  const allResults = useLiveQuery(
    () => (firstScreenIn ? store.searchAccounts(debouncedQuery, { limit: SEARCH_LIMIT }) : undefined),
    [store, debouncedQuery, firstScreenIn],
  );
  // A first screen with fewer rows than it could hold is the whole answer (most searches).
  const complete = firstScreen !== undefined && firstScreen.length < FIRST_SCREEN ? firstScreen : allResults;
  const results = complete ?? firstScreen;

  const newAccountButton = (
    <Button component={Link} to="/accounts/new">
      {t('list.newAccount')}
    </Button>
  );

  if (total === undefined) {
    return (
      <Center p="xl">
        <Loader aria-label={t('common:loading')} />
      </Center>
    );
  }

  if (total === 0) {
    return (
      <Stack>
        <Title order={2}>{t('list.title')}</Title>
        <EmptyState mt="xl" title={t('list.emptyTitle')} description={t('list.emptyText')}>
          <EmptyState.Actions>
            <LoadDemoDataButton />
            {newAccountButton}
          </EmptyState.Actions>
        </EmptyState>
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('list.title')}</Title>
          <Text c="dimmed" size="sm" data-testid="accounts-total">
            {t('list.total', { count: total, formatted: formatInteger(total) })}
          </Text>
        </div>
        {newAccountButton}
      </Group>
      <TextInput
        type="search"
        label={t('list.search')}
        placeholder={t('list.searchHint')}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        maw={560}
      />
      {results === undefined ? (
        <Center p="xl">
          <Loader aria-label={t('common:loading')} />
        </Center>
      ) : results.length === 0 ? (
        <Text c="dimmed" py="lg">
          {t('list.noMatches')}
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {complete === undefined
              ? t('common:loading')
              : complete.length >= SEARCH_LIMIT
                ? t('list.shownFirst', { formatted: formatInteger(complete.length) })
                : t('list.shown', { count: complete.length, formatted: formatInteger(complete.length) })}
          </Text>
          <AccountsTable accounts={results} />
        </>
      )}
    </Stack>
  );
}
