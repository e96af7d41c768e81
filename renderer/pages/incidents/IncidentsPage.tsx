import { Button, Center, Group, Loader, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CAUSES, type Cause } from '../../../shared/billing';
import { INCIDENT_LIST_LIMIT, type Service } from '../../../core';
import { useStore } from '../../app/services';
import { useBusinessToday } from '../../hooks/useBusinessToday';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { useUrlFilteredList } from '../../hooks/useUrlFilteredList';
import { formatInteger } from '../../i18n/format';
import { AvailabilityPanel } from './AvailabilityPanel';
import { CloseIncidentModal } from './CloseIncidentModal';
import { filterFromParams, isFiltered, paramsFromFilter, storeFilter, type IncidentFilterValues, type IncidentStatusFilter } from './incidentFilter';
import { IncidentsTable, type IncidentRow } from './IncidentsTable';
import { NewIncidentModal } from './NewIncidentModal';
import { useNow } from './useNow';

/** The list reads at most INCIDENT_LIST_LIMIT incidents; a narrower filter reaches older ones. */
const LIST_LIMIT = INCIDENT_LIST_LIMIT;

const FILTER = { filterFromParams, paramsFromFilter, storeFilter };

/**
 * Incidents (domain-rules §4.3, §4.4, §6): the availability of the services
 * with a yearly guarantee, and every incident newest first, filtered by
 * service, month, cause and status (kept in the URL query, so a filtered
 * list can be reloaded, bookmarked and returned to with Back). Recording and
 * closing draft the compensations at once for services that compensate.
 */
export function IncidentsPage() {
  const { t } = useTranslation('incidents');
  const store = useStore();
  const today = useBusinessToday();
  const now = useNow();
  const { values, set, reset, list } = useUrlFilteredList(FILTER, (listStore, filter) => listStore.listIncidents({ ...filter, limit: LIST_LIMIT }));
  const [recording, setRecording] = useState(false);
  const [closing, setClosing] = useState<IncidentRow | null>(null);

  const services = useLiveQuery(() => store.listServices(), [store]);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('title')}</Title>
        <Button onClick={() => setRecording(true)}>{t('record.open')}</Button>
      </Group>
      <Text maw={860}>{t('intro')}</Text>
      <AvailabilityPanel currentYear={Number(today.slice(0, 4))} now={now} />
      <Title order={3}>{t('list.title')}</Title>
      <IncidentFilters values={values} services={services ?? []} onChange={set} onReset={reset} />
      {list === undefined ? (
        <Center p="lg">
          <Loader aria-label={t('common:loading')} />
        </Center>
      ) : list.rows.length === 0 ? (
        <Text c="dimmed">{isFiltered(values) ? t('list.noneForFilter') : t('list.none')}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {list.truncated ? t('list.shownFirst', { formatted: formatInteger(list.rows.length) }) : t('list.shown', { count: list.rows.length, formatted: formatInteger(list.rows.length) })}
          </Text>
          <IncidentsTable rows={list.rows} now={now} onClose={setClosing} />
        </>
      )}
      <NewIncidentModal opened={recording} onClose={() => setRecording(false)} />
      <CloseIncidentModal incident={closing} opened={closing !== null} onClose={() => setClosing(null)} />
    </Stack>
  );
}

interface FiltersProps {
  values: IncidentFilterValues;
  services: Service[];
  onChange: (patch: Partial<IncidentFilterValues>) => void;
  onReset: () => void;
}

function IncidentFilters({ values, services, onChange, onReset }: FiltersProps) {
  const { t } = useTranslation('incidents');
  const language = useUiLanguage();
  return (
    <Group align="flex-end" gap="md" role="search" aria-label={t('filters.label')}>
      <NativeSelect
        label={t('filters.service')}
        value={values.serviceId}
        onChange={(event) => onChange({ serviceId: event.currentTarget.value })}
        data={[{ value: '', label: t('filters.allServices') }, ...services.map((service) => ({ value: service.id, label: service.name[language] }))]}
        w={280}
      />
      <TextInput type="month" label={t('filters.month')} value={values.month} onChange={(event) => onChange({ month: event.currentTarget.value })} w={190} />
      <NativeSelect
        label={t('filters.cause')}
        value={values.cause}
        onChange={(event) => onChange({ cause: event.currentTarget.value as Cause | '' })}
        data={[{ value: '', label: t('filters.allCauses') }, ...CAUSES.map((cause) => ({ value: cause, label: t(`domain:cause.${cause}`) }))]}
        w={300}
      />
      <NativeSelect
        label={t('filters.status')}
        value={values.status}
        onChange={(event) => onChange({ status: event.currentTarget.value as IncidentStatusFilter | '' })}
        data={[
          { value: '', label: t('filters.allStatuses') },
          { value: 'open', label: t('filters.open') },
          { value: 'closed', label: t('filters.closed') },
        ]}
        w={180}
      />
      {isFiltered(values) && (
        <Button variant="subtle" onClick={onReset}>
          {t('filters.reset')}
        </Button>
      )}
    </Group>
  );
}
