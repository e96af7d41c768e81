import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export interface QuoteLine {
  key: string;
  label: string;
  value: ReactNode;
  /** The line that says what is posted: set in bold. */
  strong?: boolean;
}

/** A quote line by line: a row header per line (screen readers and tests read "label value" as one row). */
export function QuoteTable({ label, lines }: { label: string; lines: QuoteLine[] }) {
  return (
    <Table variant="vertical" layout="fixed" withTableBorder verticalSpacing={6} aria-label={label}>
      <Table.Tbody>
        {lines.map((line) => (
          <Table.Tr key={line.key}>
            <Table.Th w={230} scope="row" fw={500}>
              {line.label}
            </Table.Th>
            <Table.Td fw={line.strong ? 700 : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {line.value}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
