import { Anchor, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Store } from '../../../core';
import { FixedTableHead, ONE_LINE, useVirtualRows, VirtualTableBody } from '../../components/virtualRows';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatInstant, formatInteger, formatMoney } from '../../i18n/format';
import { formatDuration, minutesBetween, noticeText, plannedNotice } from './incidentTime';

export type IncidentRow = Awaited<ReturnType<Store['listIncidents']>>['rows'][number];

/** Two lines per cell at most, every row the same height (the virtualizer relies on it). */
const ROW_HEIGHT = 60;
const COLUMNS = [
  { key: 'service', width: undefined },
  { key: 'start', width: 134 },
  { key: 'end', width: 134 },
  { key: 'duration', width: 112 },
  { key: 'cause', width: 220 },
  { key: 'affected', width: 104 },
  { key: 'compensation', width: 224 },
] as const;

interface IncidentsTableProps {
  rows: IncidentRow[];
  /** The app clock's now (epoch ms): running durations of open incidents. */
  now: number;
  onClose: (row: IncidentRow) => void;
}

/**
 * The incidents in a virtualized table (only the visible rows are in the
 * DOM; spacer rows keep the scroll height and the table's roles,
 * aria-rowcount tells the full size). Each row links to its incident page;
 * an open one has its "close" action where the end would be. The columns
 * fit a 1366-pixel window beside the navbar.
 */
export function IncidentsTable({ rows, now, onClose }: IncidentsTableProps) {
  const { t } = useTranslation('incidents');
  const language = useUiLanguage();
  const { scrollRef, visible } = useVirtualRows(rows.length, ROW_HEIGHT);
  const contentHeight = (rows.length + 1) * ROW_HEIGHT + 20;

  return (
    <div ref={scrollRef} style={{ height: `min(calc(100vh - 240px), ${contentHeight}px)`, minHeight: Math.min(320, contentHeight), overflow: 'auto' }}>
      <Table stickyHeader highlightOnHover verticalSpacing={6} miw={1080} style={{ tableLayout: 'fixed' }} aria-label={t('list.tableLabel')} aria-rowcount={rows.length + 1}>
        <FixedTableHead columns={COLUMNS} label={(column) => t(`columns.${column.key}`)} titled />
        <VirtualTableBody rows={rows} visible={visible} colSpan={COLUMNS.length}>
          {(row, rowIndex) => {
            const service = row.serviceName?.[language] ?? '';
            const start = formatInstant(row.start);
            const names = { service, start };
            const open = row.end === null;
            const minutes = row.durationMinutes ?? minutesBetween(Date.parse(row.start), Math.max(now, Date.parse(row.start)));
            const cause = t(`domain:cause.${row.cause}`);
            const causeNote = causeNoteOf(row);
            const compensation = compensationText(row);
            return (
              <Table.Tr key={row.id} aria-rowindex={rowIndex} style={{ height: ROW_HEIGHT }}>
                <Table.Td style={ONE_LINE} title={service}>
                  <Anchor component={Link} to={`/incidents/${row.id}`} fw={500} size="sm" aria-label={t('list.openIncident', names)}>
                    {service}
                  </Anchor>
                  <Text size="xs" c="dimmed" style={ONE_LINE}>
                    {t(`domain:incidentSource.${row.source}`)}
                  </Text>
                </Table.Td>
                <Table.Td style={ONE_LINE}>{start}</Table.Td>
                <Table.Td style={ONE_LINE}>
                  {row.end === null ? (
                    // The missing end is where the incident is closed.
                    <Stack gap={4} align="flex-start">
                      <Badge color="red" variant="light" tt="none" fw={600}>
                        {t('list.ongoing')}
                      </Badge>
                      <Button size="compact-xs" variant="light" onClick={() => onClose(row)} aria-label={t('list.closeIncident', names)}>
                        {t('list.close')}
                      </Button>
                    </Stack>
                  ) : (
                    formatInstant(row.end)
                  )}
                </Table.Td>
                <Table.Td style={ONE_LINE} title={formatDuration(t, minutes)}>
                  <Text size="sm" style={ONE_LINE}>
                    {formatDuration(t, minutes)}
                  </Text>
                  {open && (
                    <Text size="xs" c="dimmed" style={ONE_LINE}>
                      {t('list.soFar')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={ONE_LINE} title={causeNote === null ? cause : `${cause}. ${causeNote}`}>
                  <Text size="sm" style={ONE_LINE}>
                    {cause}
                  </Text>
                  {causeNote !== null && (
                    <Text size="xs" c={row.exclusion === null ? 'orange.8' : 'dimmed'} style={ONE_LINE}>
                      {causeNote}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={ONE_LINE}>{t('list.affected', { count: row.affectedCount, formatted: formatInteger(row.affectedCount) })}</Table.Td>
                <Table.Td style={ONE_LINE} title={compensation.join(' · ')}>
                  <Text size="sm" style={ONE_LINE}>
                    {compensation[0]}
                  </Text>
                  {compensation[1] !== undefined && (
                    <Text size="xs" c="dimmed" style={ONE_LINE}>
                      {compensation[1]}
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

  /** Planned works: the announcement and the 48-hour verdict; other excluded causes: "not compensated". */
  function causeNoteOf(row: IncidentRow): string | null {
    if (row.cause === 'planned') {
      const verdict = plannedNotice(Date.parse(row.start), row.announcedAt === null ? null : Date.parse(row.announcedAt));
      // The store's verdict (the service's own notice hours) decides; the hours come from the record.
      return noticeText(t, verdict.kind === 'before' ? { ...verdict, counts: row.exclusion !== 'planned_announced' } : verdict, 'short');
    }
    return row.exclusion === null ? null : t('list.causeExcluded');
  }

  /** The proposal state in one or two lines: none, not applicable, or counts and amounts per decision. */
  function compensationText(row: IncidentRow): [string, string?] {
    if (row.proposal === 'not_applicable') return [t('compensation.notApplicable')];
    if (row.proposal === 'none' || row.compensation === null) return [row.end === null ? t('compensation.afterClosing') : t('compensation.none')];
    const c = row.compensation;
    return [
      t('compensation.requested', { count: formatInteger(c.requested), amount: formatMoney(c.amountRequested) }),
      t('compensation.decided', { approved: formatInteger(c.approved), amount: formatMoney(c.amountApproved), rejected: formatInteger(c.rejected) }),
    ];
  }
}
