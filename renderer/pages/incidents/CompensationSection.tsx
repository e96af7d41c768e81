import { Button, NativeSelect, SimpleGrid, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { SectionCard } from '../../components/SectionCard';
import { StatTile } from '../../components/StatTile';
import { formatInteger, formatMoney } from '../../i18n/format';
import { ApproveAllModal, ApproveCompensationModal, OverrideDurationModal, RejectCompensationModal } from './CompensationDecisions';
import { CompensationTable, type LineAction } from './CompensationTable';
import { COMPENSATION_STATUSES, STATUS_COLOR, totalsOf, type CompensationLineView, type CompensationStatus, type IncidentDetail } from './IncidentModel';

type Decision = { action: LineAction; line: CompensationLineView } | null;

/**
 * The incident's compensations: totals per status (count and amount),
 * "approve all" (one command for every requested line, confirmed with
 * their count and total), a status filter and the virtualized table with
 * per-line approve, reject with a reason, and approve with an agreed
 * duration.
 */
export function CompensationSection({ detail }: { detail: IncidentDetail }) {
  const { t } = useTranslation('compensations');
  const [status, setStatus] = useState<CompensationStatus | ''>('');
  const [decision, setDecision] = useState<Decision>(null);
  const [approvingAll, setApprovingAll] = useState(false);
  // Compensation decisions are a manager's (§6); an operator proposes and sees them.
  const canDecide = useCan('manager');
  const totals = totalsOf(detail.lines);
  const lines = status === '' ? detail.lines : detail.lines.filter((line) => line.status === status);
  // The dialog follows the live line: once decided elsewhere it closes rather than offer a stale decision.
  const current = decision ? detail.lines.find((line) => line.id === decision.line.id && line.status === 'requested') : undefined;
  const open = (action: LineAction) => (current && decision?.action === action ? current : null);
  const close = () => setDecision(null);

  return (
    <SectionCard
      title={t('summary.title')}
      actions={
        canDecide ? (
          <Button onClick={() => setApprovingAll(true)} disabled={totals.count.requested === 0} aria-label={t('approveAll.openNamed')}>
            {t('approveAll.open')}
          </Button>
        ) : undefined
      }
    >
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" role="group" aria-label={t('summary.label')}>
        {COMPENSATION_STATUSES.map((s) => (
          <StatTile
            key={s}
            valueSize="lg"
            label={t(`summary.${s}`)}
            value={formatMoney(totals.amount[s])}
            note={t('summary.lines', { count: totals.count[s], formatted: formatInteger(totals.count[s]) })}
            color={totals.count[s] > 0 ? STATUS_COLOR[s] : undefined}
          />
        ))}
        <StatTile
          valueSize="lg"
          label={t('summary.allAmount')}
          value={formatMoney(totals.amount.requested + totals.amount.approved + totals.amount.rejected)}
          note={t('summary.lines', { count: detail.lines.length, formatted: formatInteger(detail.lines.length) })}
        />
      </SimpleGrid>
      <NativeSelect
        label={t('filter.status')}
        value={status}
        onChange={(event) => setStatus(event.currentTarget.value as CompensationStatus | '')}
        data={[
          { value: '', label: t('filter.all', { formatted: formatInteger(detail.lines.length) }) },
          ...COMPENSATION_STATUSES.map((s) => ({ value: s, label: t(`filter.${s}`, { formatted: formatInteger(totals.count[s]) }) })),
        ]}
        w={280}
      />
      {lines.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('filter.noneForFilter')}
        </Text>
      ) : (
        <CompensationTable detail={detail} lines={lines} onAction={(action, line) => setDecision({ action, line })} />
      )}
      <ApproveCompensationModal detail={detail} line={open('approve')} onClose={close} />
      <RejectCompensationModal line={open('reject')} onClose={close} />
      <OverrideDurationModal detail={detail} line={open('override')} onClose={close} />
      <ApproveAllModal
        incidentId={detail.incident.id}
        count={totals.count.requested}
        amount={totals.amount.requested}
        opened={approvingAll && totals.count.requested > 0}
        onClose={() => setApprovingAll(false)}
      />
    </SectionCard>
  );
}
