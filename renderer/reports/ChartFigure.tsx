import { Group, Paper, SegmentedControl, Table, Title, VisuallyHidden } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ChartTable {
  columns: string[];
  /** Formatted cells; the first is the row's label. */
  rows: string[][];
}

interface Props {
  title: string;
  /** The chart itself (recharts); hidden from assistive tech, which reads the table. */
  chart: ReactNode;
  table: ChartTable;
  testId?: string;
}

/**
 * A chart that is also a table: the same data as rows and columns, always
 * in the page for screen readers (visually hidden behind the chart), and
 * shown instead of the chart when the person switches the view to "table".
 */
export function ChartFigure({ title, chart, table, testId }: Props) {
  const { t } = useTranslation('reports');
  const headingId = useId();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const dataTable = (
    <Table withTableBorder striped aria-labelledby={headingId}>
      <Table.Thead>
        <Table.Tr>
          {table.columns.map((column) => (
            <Table.Th key={column} scope="col">
              {column}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {table.rows.map((row) => (
          <Table.Tr key={row[0]}>
            {row.map((cell, i) =>
              i === 0 ? (
                <Table.Th key={i} scope="row" fw={400}>
                  {cell}
                </Table.Th>
              ) : (
                <Table.Td key={i} style={{ textAlign: 'right' }}>
                  {cell}
                </Table.Td>
              ),
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return (
    <Paper withBorder p="md" component="figure" m={0} aria-labelledby={headingId} data-testid={testId} data-view={view}>
      <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
        <Title order={3} size="h5" id={headingId} component="figcaption">
          {title}
        </Title>
        <SegmentedControl
          size="xs"
          aria-label={t('dashboard.view', { chart: title })}
          value={view}
          onChange={(value) => setView(value as 'chart' | 'table')}
          data={[
            { value: 'chart', label: t('dashboard.asChart') },
            { value: 'table', label: t('dashboard.asTable') },
          ]}
        />
      </Group>
      {view === 'chart' ? (
        <>
          <div aria-hidden="true" data-chart="">
            {chart}
          </div>
          <VisuallyHidden>{dataTable}</VisuallyHidden>
        </>
      ) : (
        dataTable
      )}
    </Paper>
  );
}

/** A printed report's chart: the chart only, no switch (the report's own tables, printed below it, hold the numbers). */
export function PrintChartFigure({ title, chart }: Pick<Props, 'title' | 'chart'>) {
  const headingId = useId();
  return (
    <figure className="print-chart" aria-labelledby={headingId}>
      <figcaption id={headingId}>{title}</figcaption>
      <div aria-hidden="true">{chart}</div>
    </figure>
  );
}
