import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../app/services';

/** Clients offered for a typed name. */
const CLIENT_LIMIT = 10;
/** Text that may be a record id (ASCII, no blanks): offered as it is, besides the clients found by name. */
const ID_LIKE = /^[\w.|:-]{6,200}$/;

/**
 * The record filter: a client found by name (the client's whole history),
 * or any record's id pasted in. The value is the record's id.
 */
export function RecordFilter({ value, onChange }: { value: string; onChange: (record: string) => void }) {
  const { t } = useTranslation('audit');
  const store = useStore();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 150);
  const found = useLiveQuery(async () => (query.length < 2 ? [] : store.searchAccounts(query, { limit: CLIENT_LIMIT })), [store, query]);
  const chosenName = useLiveQuery(async () => (value === '' ? null : ((await store.accountNames([value]))[value] ?? null)), [store, value]);

  const data = (found ?? []).map((account) => ({ value: account.id, label: account.name }));
  if (ID_LIKE.test(query) && !data.some((option) => option.value === query)) data.push({ value: query, label: query });
  // The chosen record stays listed while the search changes.
  if (value !== '' && !data.some((option) => option.value === value)) data.push({ value, label: chosenName ?? value });

  return (
    <Select
      label={t('filters.record')}
      placeholder={t('filters.recordPlaceholder')}
      description={t('filters.recordHint')}
      data={data}
      value={value === '' ? null : value}
      onChange={(record) => onChange(record ?? '')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The options are already the store's matches for the text.
      filter={({ options }) => options}
      clearable
      clearButtonProps={{ 'aria-label': t('filters.clearRecord') }}
      comboboxProps={{ withinPortal: true }}
      w={340}
    />
  );
}
