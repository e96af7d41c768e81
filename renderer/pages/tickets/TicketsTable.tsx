import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TicketRow } from '../../../core';
import { FixedTableHead, ONE_LINE, useVirtualRows, VirtualTableBody } from '../../components/virtualRows';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { DeadlineCell } from './DeadlineCell';
import { TicketStatusBadge } from './TicketStatusBadge';

/** Two lines per cell at most, every row the same height (the virtualizer relies on it). */
const ROW_HEIGHT = 60;
const COLUMNS = [
  { key: 'deadline', width: 222 },
  { key: 'client', width: undefined },
  { key: 'service', width: 120 },
  { key: 'level', width: 130 },
  { key: 'subject', width: undefined },
  { key: 'status', width: 200 },
  { key: 'assignee', width: 96 },
] as const;

interface TicketsTableProps {
  rows: TicketRow[];
  /** The app clock's now (epoch ms): overdue and "due within an hour" are marked against it. */
  now: number;
}

/**
 * The tickets in a virtualized table, in the store's order (running
 * deadlines first, nearest first; then the rest newest first). The
 * deadline cell says which deadline runs (response or resolution), when,
 * and how far off it is, marked "overdue" or "due within an hour".
 */
export function TicketsTable({ rows, now }: TicketsTableProps) {
  const { t } = useTranslation('tickets');
  const language = useUiLanguage();
  const { scrollRef, visible } = useVirtualRows(rows.length, ROW_HEIGHT);
  const contentHeight = (rows.length + 1) * ROW_HEIGHT + 20;

  return (
    <div ref={scrollRef} style={{ height: `min(calc(100vh - 260px), ${contentHeight}px)`, minHeight: Math.min(320, contentHeight), overflow: 'auto' }}>
      <Table stickyHeader highlightOnHover verticalSpacing={6} miw={1080} style={{ tableLayout: 'fixed' }} aria-label={t('list.tableLabel')} aria-rowcount={rows.length + 1}>
        <FixedTableHead columns={COLUMNS} label={(column) => t(`columns.${column.key}`)} titled />
        <VirtualTableBody rows={rows} visible={visible} colSpan={COLUMNS.length}>
          {(row, rowIndex) => {
            const service = row.serviceName?.[language] ?? '';
            const level = t(`domain:supportLevel.${row.level}`, { defaultValue: row.level });
            const subject = row.subject;
            return (
              <Table.Tr key={row.id} aria-rowindex={rowIndex} style={{ height: ROW_HEIGHT }}>
                <Table.Td style={ONE_LINE}>
                  <DeadlineCell ticket={row} now={now} />
                </Table.Td>
                <Table.Td style={ONE_LINE} title={row.accountName}>
                  <Anchor component={Link} to={`/accounts/${row.accountId}`} size="sm">
                    {row.accountName}
                  </Anchor>
                  {row.tariffName && (
                    <Text size="xs" c="dimmed" style={ONE_LINE}>
                      {row.tariffName[language]}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={ONE_LINE} title={service}>
                  {service}
                </Table.Td>
                <Table.Td style={ONE_LINE} title={level}>
                  {level}
                </Table.Td>
                <Table.Td style={ONE_LINE} title={subject}>
                  <Anchor component={Link} to={`/tickets/${row.id}`} fw={500} size="sm" aria-label={t('list.openTicket', { subject, client: row.accountName })}>
                    {subject}
                  </Anchor>
                  {row.reopenedCount > 0 && (
                    <Text size="xs" c="dimmed" style={ONE_LINE}>
                      {t('list.reopened', { count: row.reopenedCount })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={ONE_LINE}>
                  <TicketStatusBadge status={row.status} />
                </Table.Td>
                <Table.Td style={ONE_LINE} title={row.assignee ?? t('list.unassigned')}>
                  {row.assignee ?? (
                    <Text span size="sm" c="dimmed">
                      {t('list.unassigned')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          }}
        </VirtualTableBody>
      </Table>
    </div>
  );
}
