import { Button, Center, Group, Loader, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUCKETS, LEDGER_KINDS, type Bucket, type LedgerKind, type Service } from '../../../core';
import { useStore } from '../../app/services';
import { useBusinessToday } from '../../hooks/useBusinessToday';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatInteger } from '../../i18n/format';
import { LedgerEntriesTable } from './LedgerEntriesTable';
import { monthOf, rangeProblem, storeFilter, type LedgerFilterValues } from './ledgerFilter';
import { LedgerTotalsCard } from './LedgerTotalsCard';

/** Entries per page: the first page, then "load more" adds as many again. */
const PAGE_SIZE = 500;

/**
 * The ledger of all clients: filtered by business-date range (default: this
 * month), kind, bucket and service; the totals per kind and bucket for the
 * filter (whole months from the monthly counters); the entries newest first,
 * virtualized, read page by page through an index.
 */
export function LedgerPage() {
  const { t } = useTranslation('ledger');
  const store = useStore();
  const today = useBusinessToday();
  const [values, setValues] = useState<LedgerFilterValues>(() => ({ ...monthOf(today), kind: '', bucket: '', serviceId: '' }));
  const services = useLiveQuery(() => store.listServices(), [store]);
  const problem = rangeProblem(values);
  const filter = storeFilter(values);
  const filterKey = JSON.stringify(filter);
  const [paging, setPaging] = useState({ key: filterKey, pages: 1 });
  const pages = paging.key === filterKey ? paging.pages : 1;

  // Each answer carries the filter it was read for: while a new filter is read, the old rows are not shown under it.
  const totalsAnswer = useLiveQuery(async () => (problem === null ? { key: filterKey, totals: await store.ledgerTotals(filter) } : null), [store, filterKey, problem]);
  const pageAnswer = useLiveQuery(
    async () => (problem === null ? { key: filterKey, page: await store.listLedgerEntries({ ...filter, limit: PAGE_SIZE * pages }) } : null),
    [store, filterKey, problem, pages],
  );
  const totals = totalsAnswer?.key === filterKey ? totalsAnswer.totals : undefined;
  // "Load more" keeps the rows already shown (same filter) until the longer list arrives.
  const page = pageAnswer?.key === filterKey ? pageAnswer.page : undefined;
  const set = (patch: Partial<LedgerFilterValues>) => {
    const next = { ...values, ...patch };
    setValues(next);
    // A new filter starts again from its first page (also when it comes back to an earlier one).
    setPaging({ key: JSON.stringify(storeFilter(next)), pages: 1 });
  };

  return (
    <Stack gap="md">
      <Title order={2}>{t('title')}</Title>
      <Text maw={860}>{t('section.intro')}</Text>
      <LedgerFilters values={values} services={services ?? []} problem={problem} onChange={set} onThisMonth={() => set(monthOf(today))} />
      {problem === null && (
        <>
          <LedgerTotalsCard totals={totals ?? undefined} />
          {page === undefined ? (
            <Center p="lg">
              <Loader aria-label={t('common:loading')} />
            </Center>
          ) : page.entries.length === 0 ? (
            <Text c="dimmed">{t('section.none')}</Text>
          ) : (
            <>
              <LedgerEntriesTable entries={page.entries} services={services ?? []} />
              <Group gap="md">
                {totals && (
                  <Text size="sm" c="dimmed">
                    {t('section.shown', { count: totals.count, formatted: formatInteger(totals.count), shown: formatInteger(page.entries.length) })}
                  </Text>
                )}
                {page.next !== null && (
                  <Button variant="default" size="xs" onClick={() => setPaging({ key: filterKey, pages: pages + 1 })}>
                    {t('section.loadMore', { count: PAGE_SIZE })}
                  </Button>
                )}
              </Group>
            </>
          )}
        </>
      )}
    </Stack>
  );
}

interface FiltersProps {
  values: LedgerFilterValues;
  services: Service[];
  problem: ReturnType<typeof rangeProblem>;
  onChange: (patch: Partial<LedgerFilterValues>) => void;
  onThisMonth: () => void;
}

function LedgerFilters({ values, services, problem, onChange, onThisMonth }: FiltersProps) {
  const { t } = useTranslation('ledger');
  const language = useUiLanguage();
  const error = problem === null ? null : t(`section.filters.${problem}`);
  return (
    <Group align="flex-start" gap="md" role="group" aria-label={t('section.filters.label')}>
      <TextInput type="date" label={t('section.filters.from')} value={values.from} onChange={(e) => onChange({ from: e.currentTarget.value })} error={error} w={170} />
      <TextInput type="date" label={t('section.filters.to')} value={values.to} onChange={(e) => onChange({ to: e.currentTarget.value })} error={error !== null} w={170} />
      <NativeSelect
        label={t('section.filters.kind')}
        value={values.kind}
        onChange={(e) => onChange({ kind: e.currentTarget.value as LedgerKind | '' })}
        data={[{ value: '', label: t('section.filters.allKinds') }, ...LEDGER_KINDS.map((kind) => ({ value: kind, label: t(`domain:ledgerKind.${kind}`) }))]}
        w={260}
      />
      <NativeSelect
        label={t('section.filters.bucket')}
        value={values.bucket}
        onChange={(e) => onChange({ bucket: e.currentTarget.value as Bucket | '' })}
        data={[{ value: '', label: t('section.filters.allBuckets') }, ...BUCKETS.map((bucket) => ({ value: bucket, label: t(`domain:bucket.${bucket}`) }))]}
        w={190}
      />
      <NativeSelect
        label={t('section.filters.service')}
        value={values.serviceId}
        onChange={(e) => onChange({ serviceId: e.currentTarget.value })}
        data={[{ value: '', label: t('section.filters.allServices') }, ...services.map((service) => ({ value: service.id, label: service.name[language] }))]}
        w={280}
      />
      <Button variant="default" onClick={onThisMonth} mt={25}>
        {t('section.filters.thisMonth')}
      </Button>
    </Group>
  );
}
