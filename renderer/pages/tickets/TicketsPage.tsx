import { Button, Center, Group, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TICKET_STATUSES, type TicketStatus } from '../../../shared/domain';
import { TICKET_LIST_LIMIT, type Service, type StaffMember } from '../../../core';
import { useStore } from '../../app/services';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { useUrlFilteredList } from '../../hooks/useUrlFilteredList';
import { formatInteger } from '../../i18n/format';
import { useNow } from '../incidents/useNow';
import { NewTicketModal } from './NewTicketModal';
import { filterFromParams, isFiltered, paramsFromFilter, storeFilter, UNASSIGNED, type TicketFilterValues } from './ticketFilter';

const FILTER = { filterFromParams, paramsFromFilter, storeFilter };
import { TicketsTable } from './TicketsTable';

/** Overdue and "due within an hour" are computed against the app clock, refreshed every minute. */
const NOW_STEP_MS = 60_000;

/**
 * Tickets (domain-rules §3 support targets, §6 "Tickets"): every client's
 * ticket, running deadlines first and nearest first (the store's order),
 * overdue and "due within an hour" marked; filtered by service, level,
 * status and person, kept in the URL query (a filtered list survives a
 * reload and Back from a ticket). "New ticket" registers one and shows
 * the deadlines it got.
 */
export function TicketsPage() {
  const { t } = useTranslation('tickets');
  const store = useStore();
  const now = useNow(NOW_STEP_MS);
  const { values, set, reset, list } = useUrlFilteredList(FILTER, (listStore, filter) => listStore.listTickets({ ...filter, limit: TICKET_LIST_LIMIT }));
  const [creating, setCreating] = useState(false);

  const services = useLiveQuery(() => store.listServices(), [store]);
  const staff = useLiveQuery(() => store.listStaff(), [store]);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('title')}</Title>
        <Button onClick={() => setCreating(true)}>{t('create.open')}</Button>
      </Group>
      <Text maw={860}>{t('intro')}</Text>
      <TicketFilters
        values={values}
        services={(services ?? []).filter((s) => s.policy.supportTargets.length > 0)}
        staff={staff ?? []}
        onChange={set}
        onReset={reset}
      />
      {list === undefined ? (
        <Center p="lg">
          <Loader aria-label={t('common:loading')} />
        </Center>
      ) : list.rows.length === 0 ? (
        <Text c="dimmed">{isFiltered(values) ? t('list.noneForFilter') : t('list.none')}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {list.rows.length < list.total
              ? t('list.shownOf', { shown: formatInteger(list.rows.length), formatted: formatInteger(list.total), count: list.total })
              : t('list.shown', { count: list.total, formatted: formatInteger(list.total) })}
          </Text>
          <TicketsTable rows={list.rows} now={now} />
        </>
      )}
      <NewTicketModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}

interface FiltersProps {
  values: TicketFilterValues;
  services: Service[];
  staff: StaffMember[];
  onChange: (patch: Partial<TicketFilterValues>) => void;
  onReset: () => void;
}

function TicketFilters({ values, services, staff, onChange, onReset }: FiltersProps) {
  const { t } = useTranslation('tickets');
  const language = useUiLanguage();
  // The levels of the chosen service, else of every service (each level once, in the policies' order).
  const levels = [...new Set(services.filter((s) => values.serviceId === '' || s.id === values.serviceId).flatMap((s) => s.policy.supportTargets.map((target) => target.level)))];
  const assignees = [...staff].sort((a, b) => a.login.localeCompare(b.login));
  const levelData = [{ value: '', label: t('filters.allLevels') }, ...levels.map((level) => ({ value: level, label: t(`domain:supportLevel.${level}`, { defaultValue: level }) }))];
  // A level kept in the URL that the chosen service does not have is still shown as chosen, so the select never lies.
  if (values.level !== '' && !levels.includes(values.level)) levelData.push({ value: values.level, label: t(`domain:supportLevel.${values.level}`, { defaultValue: values.level }) });
  return (
    <Group align="flex-end" gap="md" role="search" aria-label={t('filters.label')}>
      <NativeSelect
        label={t('filters.service')}
        value={values.serviceId}
        onChange={(event) => onChange({ serviceId: event.currentTarget.value })}
        data={[{ value: '', label: t('filters.allServices') }, ...services.map((service) => ({ value: service.id, label: service.name[language] }))]}
        w={240}
      />
      <NativeSelect label={t('filters.level')} value={values.level} onChange={(event) => onChange({ level: event.currentTarget.value })} data={levelData} w={300} />
      <NativeSelect
        label={t('filters.status')}
        value={values.status}
        onChange={(event) => onChange({ status: event.currentTarget.value as TicketStatus | '' })}
        data={[{ value: '', label: t('filters.allStatuses') }, ...TICKET_STATUSES.map((status) => ({ value: status, label: t(`domain:ticketStatus.${status}`) }))]}
        w={220}
      />
      <NativeSelect
        label={t('filters.assignee')}
        value={values.assignee}
        onChange={(event) => onChange({ assignee: event.currentTarget.value })}
        data={[
          { value: '', label: t('filters.everyone') },
          { value: UNASSIGNED, label: t('filters.unassigned') },
          ...assignees.map((member) => ({ value: member.login, label: t('filters.person', { name: member.name, login: member.login }) })),
          ...(values.assignee !== '' && values.assignee !== UNASSIGNED && !assignees.some((m) => m.login === values.assignee) ? [{ value: values.assignee, label: values.assignee }] : []),
        ]}
        w={220}
      />
      {isFiltered(values) && (
        <Button variant="subtle" onClick={onReset}>
          {t('filters.reset')}
        </Button>
      )}
    </Group>
  );
}
