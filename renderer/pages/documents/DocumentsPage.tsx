import { Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS } from '../../../shared/domain';
import { DOCUMENTS_PAGE } from '../../../core';
import { SectionCard } from '../../components/SectionCard';
import { useUrlFilteredList } from '../../hooks/useUrlFilteredList';
import { formatInteger } from '../../i18n/format';
import { DocumentsTable } from './DocumentsTable';
import { filterFromParams, paramsFromFilter, rangeInvalid, storeFilter, type DocumentFilterValues } from './documentFilter';

/**
 * The register of issued documents, newest first, across clients: by kind
 * and issue dates (kept in the URL), each printable again in any language.
 * Shows a page at a time; "Show more" reads the next.
 */
export function DocumentsPage() {
  const { t } = useTranslation('documents');
  const [pages, setPages] = useState(1);
  const { values, set, reset, list } = useUrlFilteredList(
    { filterFromParams, paramsFromFilter, storeFilter: (v: DocumentFilterValues) => storeFilter(v, DOCUMENTS_PAGE * pages) },
    (store, filter) => store.listDocuments(filter),
  );
  const invalid = rangeInvalid(values);
  const change = (patch: Partial<DocumentFilterValues>) => {
    setPages(1);
    set(patch);
  };
  return (
    <Stack>
      <Title order={1}>{t('section.title')}</Title>
      <SectionCard title={t('section.tableLabel')}>
        <Group align="flex-end">
          <NativeSelect
            label={t('section.filters.kind')}
            value={values.kind}
            onChange={(event) => change({ kind: event.currentTarget.value as DocumentFilterValues['kind'] })}
            data={[{ value: '', label: t('section.filters.all') }, ...DOCUMENT_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))]}
          />
          <TextInput type="date" label={t('section.filters.from')} value={values.from} onChange={(event) => change({ from: event.currentTarget.value })} error={invalid ? t('section.filters.rangeInvalid') : null} w={170} />
          <TextInput type="date" label={t('section.filters.to')} value={values.to} onChange={(event) => change({ to: event.currentTarget.value })} error={invalid} w={170} />
          <Button variant="subtle" onClick={reset}>
            {t('section.filters.reset')}
          </Button>
        </Group>
        {list && (
          <Text size="sm" c="dimmed" role="status">
            {list.total > list.rows.length
              ? t('section.shownOf', { shown: formatInteger(list.rows.length), formatted: formatInteger(list.total) })
              : t('section.count', { formatted: formatInteger(list.total) })}
          </Text>
        )}
        <DocumentsTable rows={list?.rows} none={t('section.none')} label={t('section.tableLabel')} withClient />
        {list && list.total > list.rows.length && (
          <Button variant="default" onClick={() => setPages((n) => n + 1)}>
            {t('section.more')}
          </Button>
        )}
      </SectionCard>
    </Stack>
  );
}
