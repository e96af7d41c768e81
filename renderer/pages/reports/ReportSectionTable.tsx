import { Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { ONE_LINE, ONE_LINE_RIGHT, useVirtualRows, VirtualTableBody } from '../../components/virtualRows';
import { formatCell, type ColumnKind, type TableSection } from '../../reports/reportTable';

const ROW_HEIGHT = 34;
const RIGHT: ReadonlySet<ColumnKind> = new Set(['money', 'int', 'percent', 'bp', 'hours']);
const WIDTH: Record<ColumnKind, number | undefined> = { text: undefined, money: 140, int: 90, date: 110, instant: 140, percent: 90, bp: 100, hours: 100 };

/**
 * One table of a report on screen: virtualized (a compensation report of a
 * large incident has thousands of lines), the totals row in the footer,
 * every cell's full text in its title.
 */
export function ReportSectionTable({ section, label, empty }: { section: TableSection; label: string; empty: string }) {
  const headingId = useId();
  const { scrollRef, visible } = useVirtualRows(section.rows.length, ROW_HEIGHT);
  const style = (kind: ColumnKind) => (RIGHT.has(kind) ? ONE_LINE_RIGHT : ONE_LINE);
  return (
    <section aria-labelledby={headingId}>
      <Title order={3} size="h4" id={headingId} mb="xs">
        {section.title}
      </Title>
      <div ref={scrollRef} style={{ maxHeight: 480, overflow: 'auto' }}>
        <Table striped withTableBorder layout="fixed" aria-label={label} aria-rowcount={section.rows.length + 1 + (section.totals ? 1 : 0)} miw={section.columns.length * 110}>
          <colgroup>
            {section.columns.map((column) => (
              <col key={column.key} style={{ width: WIDTH[column.kind] }} />
            ))}
          </colgroup>
          <Table.Thead style={{ position: 'sticky', top: 0, background: 'var(--mantine-color-body)', zIndex: 1 }}>
            <Table.Tr>
              {section.columns.map((column) => (
                <Table.Th key={column.key} style={style(column.kind)} title={column.label}>
                  {column.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <VirtualTableBody rows={section.rows} visible={visible} colSpan={section.columns.length}>
            {(row, rowIndex) => (
              <Table.Tr key={rowIndex} aria-rowindex={rowIndex} style={{ height: ROW_HEIGHT }}>
                {row.map((value, i) => {
                  const text = formatCell(value, section.columns[i]!.kind);
                  return (
                    <Table.Td key={section.columns[i]!.key} style={style(section.columns[i]!.kind)} title={text}>
                      {text}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            )}
          </VirtualTableBody>
          {section.totals && (
            <Table.Tfoot>
              <Table.Tr aria-rowindex={section.rows.length + 2}>
                {section.totals.map((value, i) => (
                  <Table.Th key={section.columns[i]!.key} style={style(section.columns[i]!.kind)}>
                    {value === null ? '' : formatCell(value, section.columns[i]!.kind)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Tfoot>
          )}
        </Table>
      </div>
      {section.rows.length === 0 && (
        <Text c="dimmed" size="sm" mt="xs">
          {empty}
        </Text>
      )}
    </section>
  );
}
