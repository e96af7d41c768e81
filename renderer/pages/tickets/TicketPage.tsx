import { Anchor, Badge, Breadcrumbs, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { slaOpenMinutes, type WorkingCalendar } from '../../../shared/billing';
import type { TicketDetail } from '../../../core';
import { useStore } from '../../app/services';
import { CardTable } from '../../components/CardTable';
import { RecordHistory } from '../../components/RecordHistory';
import { SectionCard } from '../../components/SectionCard';
import { RecordPageStatus } from '../../components/RecordPageStatus';
import { formatInstant } from '../../i18n/format';
import { NewIncidentModal } from '../incidents/NewIncidentModal';
import { useNow } from '../incidents/useNow';
import { TicketActions } from './TicketActions';
import { TicketDeadlines, TicketFacts } from './TicketFacts';
import { TicketStatusBadge } from './TicketStatusBadge';

/** Countdowns and the current wait are refreshed every minute from the app clock. */
const NOW_STEP_MS = 60_000;

/**
 * Open minutes of the ticket's level clock that are the client's so far:
 * since the wait began (waiting for the client) or since it was resolved
 * (what a reopen would add); 0 otherwise. The same engine function the
 * store uses when the client answers (slaOpenMinutes), with the calendar in force.
 */
function clientMinutesOf(detail: TicketDetail, calendar: WorkingCalendar | undefined, now: number): number {
  const { ticket, target } = detail;
  const since = ticket.status === 'waiting_client' ? ticket.waitingSince : ticket.status === 'resolved' ? ticket.resolvedAt : null;
  if (since === null || target === null || calendar === undefined) return 0;
  return slaOpenMinutes({ from: since, to: new Date(now).toISOString(), clock: target.clock, calendar, ...(target.window ? { window: target.window } : {}) });
}

/**
 * One ticket (`/tickets/:ticketId`): its facts, the level's targets and
 * clock, both deadlines with their countdowns, the time waited for the
 * client, the actions its status allows (each confirmed), "open an
 * incident" (source: ticket, linked to it) and the incidents it opened.
 */
export function TicketPage() {
  const { t } = useTranslation('tickets');
  const store = useStore();
  const { ticketId = '' } = useParams();
  const now = useNow(NOW_STEP_MS);
  // null: not found; undefined: still loading.
  const detail = useLiveQuery(async () => (await store.getTicket(ticketId)) ?? null, [store, ticketId]);
  const calendar = useLiveQuery(async () => (await store.getCalendar()).calendar, [store]);
  const [recording, setRecording] = useState(false);

  if (detail === undefined || detail === null) {
    return <RecordPageStatus loading={detail === undefined} notFound={t('page.notFound')} backTo="/tickets" backLabel={t('page.backToList')} />;
  }

  const { ticket } = detail;
  const clientMinutes = clientMinutesOf(detail, calendar, now);
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/tickets" size="sm">
          {t('title')}
        </Anchor>
        <Text size="sm">{ticket.subject}</Text>
      </Breadcrumbs>
      <Group gap="sm" align="center">
        <Title order={2}>{ticket.subject}</Title>
        <TicketStatusBadge status={ticket.status} size="lg" />
      </Group>
      <TicketActions ticket={ticket} clientMinutes={clientMinutes} onOpenIncident={() => setRecording(true)} />
      <TicketDeadlines detail={detail} now={now} currentWaitMinutes={ticket.status === 'waiting_client' ? clientMinutes : 0} />
      <TicketFacts detail={detail} />
      <LinkedIncidents detail={detail} />
      <RecordHistory entityId={ticket.id} />
      <NewIncidentModal opened={recording} onClose={() => setRecording(false)} ticket={{ id: ticket.id, serviceId: ticket.serviceId, subject: ticket.subject }} />
    </Stack>
  );
}

/** The incidents recorded from this ticket (source: ticket), oldest first, each a link to its page. */
function LinkedIncidents({ detail }: { detail: TicketDetail }) {
  const { t } = useTranslation('tickets');
  return (
    <SectionCard title={t('incidents.title')}>
      <CardTable
        rows={detail.incidents}
        none={t('incidents.none')}
        label={t('incidents.tableLabel')}
        minWidth={600}
        head={
          <>
            <Table.Th>{t('incidents.start')}</Table.Th>
            <Table.Th>{t('incidents.end')}</Table.Th>
            <Table.Th>{t('incidents.cause')}</Table.Th>
          </>
        }
      >
        {(incident) => (
          <Table.Tr key={incident.id}>
            <Table.Td>
              <Anchor component={Link} to={`/incidents/${incident.id}`} size="sm" aria-label={t('incidents.open', { start: formatInstant(incident.start) })}>
                {formatInstant(incident.start)}
              </Anchor>
            </Table.Td>
            <Table.Td>
              {incident.end === null ? (
                <Badge color="red" variant="light" tt="none" fw={600}>
                  {t('incidents.ongoing')}
                </Badge>
              ) : (
                formatInstant(incident.end)
              )}
            </Table.Td>
            <Table.Td>{t(`domain:cause.${incident.cause}`)}</Table.Td>
          </Table.Tr>
        )}
      </CardTable>
    </SectionCard>
  );
}
