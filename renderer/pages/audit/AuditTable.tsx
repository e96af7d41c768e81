import { Anchor, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditRow } from '../../../core';
import { FixedTableHead, ONE_LINE, useVirtualRows, VirtualTableBody } from '../../components/virtualRows';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatInstant, formatInteger } from '../../i18n/format';
import { actorText, commandText, recordCountsText, targetPath, targetText } from './auditText';

/** Two lines per cell at most, every row the same height (the virtualizer relies on it). */
const ROW_HEIGHT = 60;
const COLUMNS = [
  { key: 'at', width: 140 },
  { key: 'actor', width: 220 },
  { key: 'command', width: 260 },
  { key: 'record', width: undefined },
  { key: 'details', width: 130 },
] as const;

interface AuditTableProps {
  rows: AuditRow[];
  onDetails: (row: AuditRow) => void;
}

/**
 * The audit rows in a virtualized table (only the visible rows are in the
 * DOM; aria-rowcount tells the full size): when (business time), who, what
 * (the command in the user's language), which record (a link to its page
 * where it has one, with what else the operation changed), and a button
 * that opens the before/after details.
 */
export function AuditTable({ rows, onDetails }: AuditTableProps) {
  const { t } = useTranslation('audit');
  const language = useUiLanguage();
  const { scrollRef, visible } = useVirtualRows(rows.length, ROW_HEIGHT);
  const contentHeight = (rows.length + 1) * ROW_HEIGHT + 20;

  return (
    <div ref={scrollRef} style={{ height: `min(calc(100vh - 300px), ${contentHeight}px)`, minHeight: Math.min(320, contentHeight), overflow: 'auto' }}>
      <Table stickyHeader highlightOnHover verticalSpacing={6} miw={1000} style={{ tableLayout: 'fixed' }} aria-label={t('list.tableLabel')} aria-rowcount={rows.length + 1}>
        <FixedTableHead columns={COLUMNS} label={(column) => t(`columns.${column.key}`)} titled />
        <VirtualTableBody rows={rows} visible={visible} colSpan={COLUMNS.length}>
          {(row, rowIndex) => {
            const at = formatInstant(row.at);
            const who = actorText(t, row.actor, row.actorName);
            const command = commandText(t, row.command);
            const first = row.targets[0];
            const firstText = first === undefined ? '' : targetText(t, language, first);
            const path = first === undefined ? null : targetPath(first);
            const more = row.targetCount - 1;
            const counts = recordCountsText(t, row);
            return (
              <Table.Tr key={row.id} aria-rowindex={rowIndex} style={{ height: ROW_HEIGHT }}>
                <Table.Td style={ONE_LINE}>{at}</Table.Td>
                <Table.Td style={ONE_LINE} title={who}>
                  <Text size="sm" style={ONE_LINE}>
                    {row.actorName ?? who}
                  </Text>
                  {row.actorName !== null && (
                    <Text size="xs" c="dimmed" style={ONE_LINE}>
                      {row.actor}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={ONE_LINE} title={command}>
                  <Text size="sm" style={ONE_LINE}>
                    {command}
                  </Text>
                </Table.Td>
                <Table.Td style={ONE_LINE} title={[firstText, counts].filter((x) => x !== '').join(' · ')}>
                  <Text size="sm" style={ONE_LINE}>
                    {first !== undefined &&
                      (path === null ? (
                        firstText
                      ) : (
                        <Anchor component={Link} to={path} size="sm">
                          {firstText}
                        </Anchor>
                      ))}
                    {more > 0 && ` ${t('list.moreTargets', { formatted: formatInteger(more) })}`}
                  </Text>
                  <Text size="xs" c="dimmed" style={ONE_LINE}>
                    {counts}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="light" onClick={() => onDetails(row)} aria-label={t('list.detailsOf', { command, at })}>
                    {t('list.details')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          }}
        </VirtualTableBody>
      </Table>
    </div>
  );
}
