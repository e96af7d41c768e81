import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TicketDetail } from '../../../core';
import { FactsTable, type Fact } from '../../components/FactsTable';
import { SectionCard } from '../../components/SectionCard';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatInstant } from '../../i18n/format';
import { formatDuration } from '../incidents/incidentTime';
import { countdownText, DEADLINE_COLOR, deadlineState, targetText } from './ticketDeadline';

/** The ticket's facts: client, subscription, service, level with its targets and clock, when it came in, who has it. */
export function TicketFacts({ detail }: { detail: TicketDetail }) {
  const { t } = useTranslation('tickets');
  const language = useUiLanguage();
  const { ticket, account, subscription, tariff, service, target } = detail;
  const rows: Fact[] = [
    {
      key: 'client',
      label: t('facts.client'),
      value: account ? (
        <Anchor component={Link} to={`/accounts/${account.id}`}>
          {account.name}
        </Anchor>
      ) : (
        t('facts.unknown')
      ),
    },
    {
      key: 'subscription',
      label: t('facts.subscription'),
      value: subscription
        ? t('facts.subscriptionValue', { tariff: tariff?.name[language] ?? t('facts.unknown'), status: t(`domain:subscriptionStatus.${subscription.status}`) })
        : t('facts.unknown'),
    },
    { key: 'service', label: t('facts.service'), value: service?.name[language] ?? t('facts.unknown') },
    { key: 'level', label: t('facts.level'), value: t(`domain:supportLevel.${ticket.level}`, { defaultValue: ticket.level }) },
    { key: 'target', label: t('facts.target'), value: target ? targetText(t, target) : t('facts.targetGone') },
    { key: 'createdAt', label: t('facts.createdAt'), value: formatInstant(ticket.createdAt) },
    { key: 'assignee', label: t('facts.assignee'), value: ticket.assignee ?? t('list.unassigned') },
    ...(ticket.reopenedCount > 0 ? [{ key: 'reopened', label: t('facts.reopened'), value: t('facts.reopenedValue', { count: ticket.reopenedCount }) }] : []),
    ...(ticket.description.trim() === ''
      ? []
      : [{ key: 'description', label: t('facts.description'), value: <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{ticket.description}</span> }]),
  ];
  return (
    <SectionCard title={t('facts.title')}>
      <FactsTable rows={rows} label={t('facts.tableLabel')} />
    </SectionCard>
  );
}

/** A deadline that still runs: its countdown, marked overdue or due within the hour. */
function Running({ dueAt, now }: { dueAt: string; now: number }) {
  const { t } = useTranslation('tickets');
  const state = deadlineState(dueAt, now);
  const minutes = Math.floor(Math.abs(Date.parse(dueAt) - now) / 60_000);
  return (
    <Group gap={8} wrap="nowrap" component="span">
      {state !== 'ok' && (
        <Badge size="sm" variant="filled" color={DEADLINE_COLOR[state]} tt="none" fw={600} styles={{ label: { overflow: 'visible' } }}>
          {t(`deadline.state.${state}`)}
        </Badge>
      )}
      <Text span size="sm" c={state === 'ok' ? undefined : `${DEADLINE_COLOR[state]}.8`}>
        {countdownText(t, { state, minutes })}
      </Text>
    </Group>
  );
}

/** When something was done against its deadline: in time, or how late. */
function Met({ at, dueAt }: { at: string; dueAt: string }) {
  const { t } = useTranslation('tickets');
  const late = Math.floor((Date.parse(at) - Date.parse(dueAt)) / 60_000);
  return (
    <Text span size="sm" c={late > 0 ? 'red.8' : 'teal.8'}>
      {late > 0 ? t('deadline.metLate', { at: formatInstant(at), duration: formatDuration(t, late) }) : t('deadline.metInTime', { at: formatInstant(at) })}
    </Text>
  );
}

interface DeadlinesProps {
  detail: TicketDetail;
  /** The app clock's now (epoch ms). */
  now: number;
  /** Open minutes of the level's clock in the current wait for the client (0 when not waiting). */
  currentWaitMinutes: number;
}

/**
 * The two deadlines: response (until the first response) and resolution
 * (moved by the open time spent waiting for the client, 001 §7.2), each
 * with its countdown while it runs, or when it was met; the time waited.
 */
export function TicketDeadlines({ detail, now, currentWaitMinutes }: DeadlinesProps) {
  const { t } = useTranslation('tickets');
  const { ticket, target } = detail;
  const clock = target?.clock ?? '24x7';
  const running = ticket.status === 'open';

  const response = (
    <Group gap="md" wrap="wrap">
      <Text span size="sm" fw={500}>
        {formatInstant(ticket.responseDueAt)}
      </Text>
      {ticket.firstResponseAt !== null ? <Met at={ticket.firstResponseAt} dueAt={ticket.responseDueAt} /> : running ? <Running dueAt={ticket.responseDueAt} now={now} /> : null}
    </Group>
  );

  const resolutionDueAt = ticket.resolutionDueAt;
  const resolution =
    resolutionDueAt === null ? (
      <Text span size="sm">
        {t('deadline.resolutionNotSet')}
      </Text>
    ) : (
      <Stack gap={2}>
        <Group gap="md" wrap="wrap">
          <Text span size="sm" fw={500}>
            {formatInstant(resolutionDueAt)}
          </Text>
          {ticket.resolvedAt !== null ? (
            <Met at={ticket.resolvedAt} dueAt={resolutionDueAt} />
          ) : ticket.status === 'waiting_client' ? (
            <Text span size="sm" c="dimmed">
              {t('deadline.stoppedWaiting')}
            </Text>
          ) : running && ticket.firstResponseAt !== null ? (
            <Running dueAt={resolutionDueAt} now={now} />
          ) : running ? (
            <Text span size="sm" c="dimmed">
              {t('deadline.afterResponse')}
            </Text>
          ) : null}
        </Group>
        {ticket.waitingOpenMinutes > 0 && (
          <Text size="xs" c="dimmed">
            {t('deadline.movedBy', { duration: formatDuration(t, ticket.waitingOpenMinutes) })}
          </Text>
        )}
      </Stack>
    );

  const waited = (
    <Stack gap={2}>
      <Text span size="sm">
        {formatDuration(t, ticket.waitingOpenMinutes)}
      </Text>
      {ticket.status === 'waiting_client' && ticket.waitingSince !== null && (
        <Text size="xs" c="dimmed">
          {t('waited.current', { since: formatInstant(ticket.waitingSince), duration: formatDuration(t, currentWaitMinutes) })}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {clock === 'business' ? t('waited.businessNote') : t('waited.wallNote')}
      </Text>
    </Stack>
  );

  const rows: Fact[] = [
    { key: 'response', label: t('deadline.response'), value: response },
    { key: 'resolution', label: t('deadline.resolution'), value: resolution },
    { key: 'waited', label: t('waited.label'), value: waited },
    ...(ticket.resolvedAt !== null ? [{ key: 'resolved', label: t('facts.resolvedAt'), value: formatInstant(ticket.resolvedAt) }] : []),
    ...(ticket.closedAt !== null ? [{ key: 'closed', label: t('facts.closedAt'), value: formatInstant(ticket.closedAt) }] : []),
  ];
  return (
    <SectionCard title={t('deadline.title')}>
      <FactsTable rows={rows} label={t('deadline.tableLabel')} />
      <Text size="xs" c="dimmed">
        {t('timeZone')}
      </Text>
    </SectionCard>
  );
}
