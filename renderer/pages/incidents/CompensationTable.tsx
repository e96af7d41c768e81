import { ActionIcon, Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { PLANNED_NOTICE_HOURS } from '../../../shared/billing';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { Link } from 'react-router';
import { FixedTableHead, ONE_LINE, ONE_LINE_RIGHT, useVirtualRows, VirtualTableBody } from '../../components/virtualRows';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatInstant, formatMoney } from '../../i18n/format';
import { ApproveIcon, DurationIcon, RejectIcon } from '../../components/icons';
import { asExclusion, capOf, clausesOf, exclusionClause, feeText, formatDuration, isCapped } from './CompensationTerms';
import { STATUS_COLOR, type CompensationLineView, type IncidentDetail } from './IncidentModel';

/** Two lines per cell (value and a note), one constant height: the virtualizer relies on it. */
const ROW_HEIGHT = 58;

/** In the order of the calculation: fee × full hours × percent, less what the month's cap already took, gives the amount. */
const COLUMNS = [
  { key: 'client', width: 210, right: false },
  { key: 'fee', width: 125, right: true },
  { key: 'hours', width: 135, right: true },
  { key: 'percent', width: 85, right: true },
  { key: 'used', width: 140, right: true },
  { key: 'amount', width: 165, right: true },
  { key: 'decision', width: 185, right: false },
  { key: 'reason', width: 220, right: false },
] as const;
const TABLE_WIDTH = COLUMNS.reduce((sum, column) => sum + column.width, 0);

export type LineAction = 'approve' | 'reject' | 'override';

interface CompensationTableProps {
  detail: IncidentDetail;
  lines: CompensationLineView[];
  onAction: (action: LineAction, line: CompensationLineView) => void;
}

/**
 * The compensation lines of an incident (one per affected subscription,
 * thousands for an incident of a whole service) in a virtualized table:
 * only the visible rows are in the DOM, spacer rows keep the scroll height
 * and the table's roles, aria-rowcount tells the full size.
 */
export function CompensationTable({ detail, lines, onAction }: CompensationTableProps) {
  const { t } = useTranslation('compensations');
  const { scrollRef, visible } = useVirtualRows(lines.length, ROW_HEIGHT);
  const height = Math.min(640, (lines.length + 1) * ROW_HEIGHT + 8);

  return (
    <div ref={scrollRef} style={{ height, minHeight: 2 * ROW_HEIGHT, overflow: 'auto' }}>
      <Table stickyHeader highlightOnHover verticalSpacing={6} miw={TABLE_WIDTH} style={{ tableLayout: 'fixed' }} aria-label={t('table.label')} aria-rowcount={lines.length + 1}>
        <FixedTableHead columns={COLUMNS} label={(column) => t(`table.columns.${column.key}`)} titled />
        <VirtualTableBody rows={lines} visible={visible} colSpan={COLUMNS.length}>
          {(line, rowIndex) => <CompensationRow key={line.id} detail={detail} line={line} rowIndex={rowIndex} onAction={onAction} />}
        </VirtualTableBody>
      </Table>
    </div>
  );
}

/** A value with a dimmed note below it, each clipped to one line. */
function Cell({ main, note, strong, color, title }: { main: ReactNode; note?: ReactNode; strong?: boolean; color?: string; title?: string }) {
  return (
    <div title={title}>
      <Text size="sm" fw={strong ? 600 : undefined} c={color} style={ONE_LINE}>
        {main}
      </Text>
      <Text size="xs" c="dimmed" style={ONE_LINE}>
        {note ?? '\u00a0'}
      </Text>
    </div>
  );
}

function CompensationRow({ detail, line, rowIndex, onAction }: { detail: IncidentDetail; line: CompensationLineView; rowIndex: number; onAction: (action: LineAction, line: CompensationLineView) => void }) {
  const { t } = useTranslation('compensations');
  const language = useUiLanguage();
  const canDecide = useCan('manager');
  const clauses = clausesOf(detail.service);
  const noticeHours = detail.service.policy.plannedWorks?.noticeHours ?? PLANNED_NOTICE_HOURS;
  const amount = formatMoney(line.quote.amount);
  const named = { client: line.accountName, amount };
  const fee = line.monthlyFee ? feeText(t, line.monthlyFee) : null;
  const exclusion = line.quote.excluded ? asExclusion(line.quote.reason) : null;
  const clause = exclusion ? exclusionClause(exclusion, clauses) : null;
  const tariff = line.tariff?.name[language] ?? t('table.unknown');
  const incidentMinutes = detail.durationMinutes ?? line.minutes;

  let amountCell: ReactNode;
  if (line.quote.excluded) {
    const full = exclusion ? t(`exclusion.${exclusion}`, { hours: noticeHours }) : (line.quote.reason ?? '');
    amountCell = (
      <Cell
        main={exclusion ? t(`exclusionShort.${exclusion}`) : full}
        note={clause ? `${formatMoney(0)} · ${clause}` : formatMoney(0)}
        color="orange.8"
        title={clause ? `${full} (${clause})` : full}
      />
    );
  } else {
    const capped = line.monthlyFee !== null && isCapped(line.quote.amount, line.monthlyFee, line.percent);
    amountCell = <Cell main={amount} note={capped ? t('table.capped') : undefined} strong />;
  }

  const reason = line.decisionReason ?? '';
  const reasonText = reason === '' ? '' : line.overrideMinutes !== null ? t('table.overrideReason', { reason }) : reason;

  return (
    <Table.Tr aria-rowindex={rowIndex} style={{ height: ROW_HEIGHT }}>
      <Table.Td style={ONE_LINE}>
        <Cell
          main={
            <Anchor component={Link} to={`/accounts/${line.accountId}`} fw={500} size="sm">
              {line.accountName}
            </Anchor>
          }
          note={tariff}
          title={`${line.accountName} · ${tariff}`}
        />
      </Table.Td>
      <Table.Td style={ONE_LINE_RIGHT}>{fee ? <Cell main={fee.main} note={fee.note} /> : <Cell main={t('table.unknown')} />}</Table.Td>
      <Table.Td style={ONE_LINE_RIGHT}>
        <Cell
          main={t('table.hours', { hours: line.hours })}
          note={line.overrideMinutes !== null ? t('table.agreed', { duration: formatDuration(t, line.overrideMinutes) }) : t('table.ofDuration', { duration: formatDuration(t, incidentMinutes) })}
        />
      </Table.Td>
      <Table.Td style={ONE_LINE_RIGHT}>
        {line.quote.excluded ? (
          <Cell main={t('table.unknown')} />
        ) : (
          <Cell main={t('table.percent', { percent: line.percent })} note={t('table.percentOf', { per: line.percentPerHour, hours: line.hours })} />
        )}
      </Table.Td>
      <Table.Td style={ONE_LINE_RIGHT}>
        <Cell main={formatMoney(line.usedByOthers)} note={line.monthlyFee ? t('table.usedCap', { cap: formatMoney(capOf(line.monthlyFee, line.monthlyCapPercent)) }) : undefined} />
      </Table.Td>
      <Table.Td style={ONE_LINE_RIGHT}>{amountCell}</Table.Td>
      <Table.Td style={ONE_LINE}>
        {/* The decision: the status, then who decided and when, or the three ways to decide a requested line. */}
        <Badge variant="light" color={STATUS_COLOR[line.status]} tt="none" fw={600} styles={{ root: { flexShrink: 0 }, label: { overflow: 'visible' } }}>
          {t(`domain:decisionStatus.${line.status}`)}
        </Badge>
        {line.status === 'requested' ? (
          canDecide ? (
            <Group gap={6} wrap="nowrap" mt={4}>
              <ActionIcon variant="filled" size="sm" aria-label={t('approve.openNamed', named)} title={t('approve.openNamed', named)} onClick={() => onAction('approve', line)}>
                <ApproveIcon />
              </ActionIcon>
              <ActionIcon variant="light" color="red" size="sm" aria-label={t('reject.openNamed', named)} title={t('reject.openNamed', named)} onClick={() => onAction('reject', line)}>
                <RejectIcon />
              </ActionIcon>
              {/* An excluded line is 0 by its cause, whatever its duration: the store refuses an override. */}
              {!line.quote.excluded && (
                <ActionIcon variant="default" size="sm" aria-label={t('override.openNamed', named)} title={t('override.openNamed', named)} onClick={() => onAction('override', line)}>
                  <DurationIcon />
                </ActionIcon>
              )}
            </Group>
          ) : null
        ) : (
          <Text size="xs" c="dimmed" style={ONE_LINE}>
            {t('table.decided', { who: line.decidedBy ?? '', when: formatInstant(line.decidedAt ?? line.requestedAt) })}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={ONE_LINE} title={reasonText}>
        <Text size="sm" style={{ overflow: 'hidden', display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
          {reasonText}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
