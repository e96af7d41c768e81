import { Button, Center, Group, Loader, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../../../core';
import { useStore } from '../../app/services';
import { useUrlFilter } from '../../hooks/useUrlFilteredList';
import { formatInteger } from '../../i18n/format';
import { filterFromParams, isFiltered, paramsFromFilter, rangeInvalid, storeFilter, type AuditFilterValues } from './auditFilter';
import { AuditDetailsModal } from './AuditDetailsModal';
import { AuditTable } from './AuditTable';
import { actorText, commandText } from './auditText';
import { RecordFilter } from './RecordFilter';
import { useAuditPages } from './useAuditPages';

/** Rows per page: the first page, then "load more" adds as many again. */
const PAGE_SIZE = 100;

const FILTER = { filterFromParams, paramsFromFilter };

/**
 * Audit (manager and admin; the route checks the role): who did what and
 * when, newest first, every operation with its before/after changes.
 * Filters by person, command, record and business dates are kept in the URL
 * query (a filtered list can be reloaded, bookmarked and returned to with
 * Back); the table is virtualized and read a page at a time.
 */
export function AuditPage() {
  const { t } = useTranslation('audit');
  const { values, set, reset } = useUrlFilter(FILTER);
  const invalid = rangeInvalid(values);
  const { rows, hasMore, loadMore } = useAuditPages(invalid ? null : storeFilter(values), PAGE_SIZE);
  const [details, setDetails] = useState<AuditRow | null>(null);

  return (
    <Stack gap="md">
      <Title order={2}>{t('title')}</Title>
      <Text maw={860}>{t('intro')}</Text>
      <AuditFilters values={values} invalid={invalid} onChange={set} onReset={reset} />
      {invalid ? null : rows === undefined ? (
        <Center p="lg">
          <Loader aria-label={t('common:loading')} />
        </Center>
      ) : rows.length === 0 ? (
        <Text c="dimmed">{isFiltered(values) ? t('list.noneForFilter') : t('list.none')}</Text>
      ) : (
        <>
          <AuditTable rows={rows} onDetails={setDetails} />
          <Group gap="md">
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('list.shown', { count: rows.length, formatted: formatInteger(rows.length) })}
            </Text>
            {hasMore && (
              <Button variant="default" size="xs" onClick={loadMore}>
                {t('list.loadMore')}
              </Button>
            )}
          </Group>
        </>
      )}
      <AuditDetailsModal row={details} onClose={() => setDetails(null)} />
    </Stack>
  );
}

interface FiltersProps {
  values: AuditFilterValues;
  invalid: boolean;
  onChange: (patch: Partial<AuditFilterValues>) => void;
  onReset: () => void;
}

function AuditFilters({ values, invalid, onChange, onReset }: FiltersProps) {
  const { t } = useTranslation('audit');
  const store = useStore();
  const actors = useLiveQuery(() => store.auditActors(), [store]);
  const commands = useLiveQuery(() => store.auditCommands(), [store]);

  const actorData = (actors ?? []).map((actor) => ({ value: actor.login, label: actorText(t, actor.login, actor.name) }));
  // A person or command from the URL stays choosable before (or without) any event of theirs.
  if (values.actor !== '' && !actorData.some((option) => option.value === values.actor)) actorData.push({ value: values.actor, label: values.actor });
  const commandData = (commands ?? []).map((command) => ({ value: command, label: commandText(t, command) }));
  if (values.command !== '' && !commandData.some((option) => option.value === values.command)) commandData.push({ value: values.command, label: commandText(t, values.command) });
  commandData.sort((a, b) => a.label.localeCompare(b.label));

  return (
    <Group align="flex-start" gap="md" role="search" aria-label={t('filters.label')}>
      <NativeSelect label={t('filters.actor')} value={values.actor} onChange={(e) => onChange({ actor: e.currentTarget.value })} data={[{ value: '', label: t('filters.allActors') }, ...actorData]} w={260} />
      <NativeSelect label={t('filters.command')} value={values.command} onChange={(e) => onChange({ command: e.currentTarget.value })} data={[{ value: '', label: t('filters.allCommands') }, ...commandData]} w={300} />
      <RecordFilter value={values.record} onChange={(record) => onChange({ record })} />
      <TextInput type="date" label={t('filters.from')} value={values.from} onChange={(e) => onChange({ from: e.currentTarget.value })} error={invalid ? t('filters.rangeInvalid') : null} w={170} />
      <TextInput type="date" label={t('filters.to')} value={values.to} onChange={(e) => onChange({ to: e.currentTarget.value })} error={invalid} w={170} />
      {isFiltered(values) && (
        <Button variant="subtle" onClick={onReset} mt={25}>
          {t('filters.reset')}
        </Button>
      )}
    </Group>
  );
}
