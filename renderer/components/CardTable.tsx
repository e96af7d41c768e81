import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface CardTableProps<T> {
  /** Undefined while they load: nothing is shown yet. */
  rows: readonly T[] | undefined;
  /** Said instead of the table when there are no rows. */
  none: string;
  /** The table's accessible name. */
  label: string;
  /** Below this width the table scrolls sideways. */
  minWidth: number;
  striped?: boolean;
  /** The header cells. */
  head: ReactNode;
  /** One keyed `<Table.Tr>` per row. */
  children: (row: T) => ReactNode;
}

/** A card's short table (every row rendered, no virtualizing), or a dimmed line when it has no rows. */
export function CardTable<T>({ rows, none, label, minWidth, striped, head, children }: CardTableProps<T>) {
  if (rows === undefined) return null;
  if (rows.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {none}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table verticalSpacing={6} striped={striped} aria-label={label}>
        <Table.Thead>
          <Table.Tr>{head}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>{rows.map((row) => children(row))}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
