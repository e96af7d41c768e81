import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PLANNED_NOTICE_HOURS } from '../../../shared/billing';
import { useTranslation } from 'react-i18next';
import { FactsTable, type Fact } from '../../components/FactsTable';
import { SectionCard } from '../../components/SectionCard';
import { formatInstant, formatInteger } from '../../i18n/format';
import { clausesOf, exclusionClause, formatDuration, formatMonth } from './CompensationTerms';
import type { IncidentDetail } from './IncidentModel';

/**
 * The incident's facts in a two-column table (a row header per fact, so a
 * screen reader reads "Start 09.03.2026 01:00"): start and end in business
 * time, duration and full hours, cause, what the terms give for it (the
 * rule or the exclusion with its clause), the month whose cap applies,
 * the planned-works notice, source, affected subscriptions and notes.
 */
export function IncidentDetails({ detail }: { detail: IncidentDetail }) {
  const { t } = useTranslation('compensations');
  const { incident, service, policy } = detail;
  const clauses = clausesOf(service);

  const compensation = detail.exclusion
    ? (() => {
        const reason = t(`exclusion.${detail.exclusion}`, { hours: service.policy.plannedWorks?.noticeHours ?? PLANNED_NOTICE_HOURS });
        const clause = exclusionClause(detail.exclusion, clauses);
        return clause ? t('details.excluded', { reason, clause }) : t('details.excludedNoClause', { reason });
      })()
    : policy
      ? clauses
        ? t('details.rule', { percent: policy.percentPerHour, cap: policy.monthlyCapPercent, clause: clauses.rule })
        : t('details.ruleNoClause', { percent: policy.percentPerHour, cap: policy.monthlyCapPercent })
      : t('details.noCompensation');

  const rows: Fact[] = [
    { key: 'start', label: t('details.start'), value: formatInstant(incident.start) },
    { key: 'end', label: t('details.end'), value: incident.end === null ? t('details.stillOpen') : formatInstant(incident.end) },
    ...(detail.durationMinutes === null
      ? []
      : [{ key: 'duration', label: t('details.duration'), value: t('details.durationValue', { duration: formatDuration(t, detail.durationMinutes), hours: formatInteger(detail.hours ?? 0) }) }]),
    { key: 'cause', label: t('details.cause'), value: t(`domain:cause.${incident.cause}`) },
    ...(detail.planned ? [{ key: 'planned', label: t('details.planned'), value: <PlannedNoticeText detail={detail} /> }] : []),
    { key: 'compensation', label: t('details.compensation'), value: compensation },
    ...(policy ? [{ key: 'month', label: t('details.capMonth'), value: formatMonth(t, detail.month) }] : []),
    {
      key: 'source',
      label: t('details.source'),
      value:
        incident.ticketId === null ? (
          t(`domain:incidentSource.${incident.source}`)
        ) : (
          <Anchor component={Link} to={`/tickets/${incident.ticketId}`}>
            {t('details.sourceTicketLink')}
          </Anchor>
        ),
    },
    { key: 'affected', label: t('details.affected'), value: formatInteger(incident.subscriptionIds.length) },
    ...(incident.notes.trim() === '' ? [] : [{ key: 'notes', label: t('details.notes'), value: <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{incident.notes}</span> }]),
  ];

  return (
    <SectionCard title={t('details.title')}>
      <FactsTable rows={rows} label={t('details.tableLabel')} labelWidth={230} />
      <Text size="xs" c="dimmed">
        {t('details.timeZone')}
      </Text>
    </SectionCard>
  );
}

/** Planned works: when they were announced, how long ahead, and whether that makes them downtime (48-hour rule). */
function PlannedNoticeText({ detail }: { detail: IncidentDetail }) {
  const { t } = useTranslation('compensations');
  const planned = detail.planned!;
  const required = planned.requiredHours;
  if (planned.announcedAt === null || planned.noticeMinutes === null) return <>{t('planned.notAnnounced', { required })}</>;
  const at = formatInstant(planned.announcedAt);
  if (planned.noticeMinutes < 0) return <>{t('planned.announcedAfter', { at })}</>;
  const notice = formatDuration(t, planned.noticeMinutes);
  if (planned.countsAsDowntime) return <>{t('planned.announcedShort', { at, notice, required })}</>;
  const clause = exclusionClause('planned_announced', clausesOf(detail.service)) ?? t('table.unknown');
  return <>{t('planned.announcedInTime', { at, notice, required, clause })}</>;
}
