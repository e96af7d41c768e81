import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Fact {
  key: string;
  label: string;
  value: ReactNode;
}

/** A two-column table of a record's facts: a row header per fact, so a screen reader reads "Start 09.03.2026 01:00". */
export function FactsTable({ rows, label, labelWidth = 240 }: { rows: readonly Fact[]; label: string; labelWidth?: number }) {
  return (
    <Table variant="vertical" layout="fixed" withTableBorder verticalSpacing={6} aria-label={label} maw={980}>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key}>
            <Table.Th w={labelWidth} scope="row" fw={500}>
              {row.label}
            </Table.Th>
            <Table.Td>{row.value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
