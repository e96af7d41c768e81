import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PLANNED_NOTICE_HOURS } from '../../../shared/billing';
import { useStore } from '../../app/services';
import { CardTable } from '../../components/CardTable';
import { SectionCard } from '../../components/SectionCard';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatInstant, formatMoney } from '../../i18n/format';
import { ALL_CASH_CLAUSES, asExclusion, formatDuration, formatMonth } from '../incidents/CompensationTerms';
import { STATUS_COLOR } from '../incidents/IncidentModel';

/**
 * The client's downtime compensations (domain-rules §4.3), newest first
 * (`compensationsOfAccount`): the incident (a link to its page), service,
 * the month whose cap it counts against, full hours, amount or exclusion,
 * and the decision. Approved ones are the client's bonuses, which the next
 * renewal spends first.
 */
export function CompensationsCard({ accountId }: { accountId: string }) {
  const { t } = useTranslation('compensations');
  const language = useUiLanguage();
  const store = useStore();
  const rows = useLiveQuery(() => store.compensationsOfAccount(accountId), [store, accountId]);

  return (
    <SectionCard title={t('account.title')}>
      <Text size="sm" c="dimmed">
        {t('account.bonusNote', { clause: ALL_CASH_CLAUSES })}
      </Text>
      <CardTable
        rows={rows}
        none={t('account.none')}
        label={t('account.tableLabel')}
        minWidth={860}
        head={
          <>
            <Table.Th>{t('account.columns.incident')}</Table.Th>
            <Table.Th>{t('account.columns.service')}</Table.Th>
            <Table.Th>{t('account.columns.month')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('account.columns.hours')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('account.columns.amount')}</Table.Th>
            <Table.Th>{t('account.columns.status')}</Table.Th>
          </>
        }
      >
        {(row) => {
          const exclusion = row.quote.excluded ? asExclusion(row.quote.reason) : null;
          const reason = row.decisionReason ?? '';
          return (
            <Table.Tr key={row.id} style={{ verticalAlign: 'top' }}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {row.incidentStart === null ? (
                  t('account.incidentUnknown')
                ) : (
                  <Anchor component={Link} to={`/incidents/${row.incidentId}`} size="sm">
                    {t('account.incidentLink', { start: formatInstant(row.incidentStart) })}
                  </Anchor>
                )}
                {row.cause && (
                  <Text size="xs" c="dimmed">
                    {t(`domain:cause.${row.cause}`)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{row.serviceName?.[language] ?? t('table.unknown')}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatMonth(t, row.month)}</Table.Td>
              <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                {t('table.hours', { hours: row.quote.hours })}
                {row.overrideMinutes !== null && (
                  <Text size="xs" c="dimmed">
                    {t('table.agreed', { duration: formatDuration(t, row.overrideMinutes) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }} fw={500}>
                {formatMoney(row.quote.amount)}
                {exclusion && (
                  <Text size="xs" c="orange.8" title={t(`exclusion.${exclusion}`, { hours: PLANNED_NOTICE_HOURS })}>
                    {t(`exclusionShort.${exclusion}`)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATUS_COLOR[row.status]} tt="none" fw={600} styles={{ label: { overflow: 'visible' } }}>
                  {t(`domain:decisionStatus.${row.status}`)}
                </Badge>
                {row.decidedAt !== null && (
                  <Text size="xs" c="dimmed">
                    {t('table.decided', { who: row.decidedBy ?? '', when: formatInstant(row.decidedAt) })}
                  </Text>
                )}
                {reason !== '' && (
                  <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                    {row.overrideMinutes !== null ? t('table.overrideReason', { reason }) : t('table.reason', { reason })}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          );
        }}
      </CardTable>
    </SectionCard>
  );
}
