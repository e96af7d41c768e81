import { Table } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type CSSProperties, type ReactNode } from 'react';

/**
 * The rows of a long table that are on screen (@tanstack/react-virtual),
 * with the heights of the spacer rows above and below them, so the table
 * keeps its real markup and roles while only a screenful is in the DOM.
 * Rows have one constant height (fixed table layout). `scrollRef` goes on
 * the scrolling box, `visible` to the table's VirtualTableBody.
 */
export function useVirtualRows(count: number, rowHeight: number) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to re-render this component on scroll
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  return {
    scrollRef,
    visible: {
      items,
      paddingTop: items[0]?.start ?? 0,
      paddingBottom: virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0),
    },
  };
}

type VisibleRows = ReturnType<typeof useVirtualRows>['visible'];

/** A cell's text on one line, cut with an ellipsis: every row keeps the one height the virtualizer expects (keep the whole text in the cell's title). */
export const ONE_LINE: CSSProperties = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' };
export const ONE_LINE_RIGHT: CSSProperties = { ...ONE_LINE, textAlign: 'right' };

/** A spacer row standing in for the rows above or below the visible ones; hidden from assistive tech. */
function SpacerRow({ height, colSpan }: { height: number; colSpan: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true">
      <td colSpan={colSpan} style={{ height, padding: 0 }} />
    </tr>
  );
}

interface VirtualTableBodyProps<T> {
  rows: readonly T[];
  visible: VisibleRows;
  colSpan: number;
  /**
   * One visible row as a keyed `<Table.Tr>`. `rowIndex` is its aria-rowindex
   * among all rows (the header row is 1), which with the table's
   * aria-rowcount tells assistive tech where it is in the full list.
   */
  children: (row: T, rowIndex: number) => ReactNode;
}

/** A virtualized table's body: the visible rows between the spacer rows that keep the scroll height. */
export function VirtualTableBody<T>({ rows, visible, colSpan, children }: VirtualTableBodyProps<T>) {
  return (
    <Table.Tbody>
      <SpacerRow height={visible.paddingTop} colSpan={colSpan} />
      {visible.items.map((item) => {
        const row = rows[item.index];
        return row === undefined ? null : children(row, item.index + 2);
      })}
      <SpacerRow height={visible.paddingBottom} colSpan={colSpan} />
    </Table.Tbody>
  );
}

/** A column of a fixed-layout table: its width in pixels (undefined: a share of the rest); `right` for amounts and counts. */
export interface TableColumn {
  key: string;
  width: number | undefined;
  right?: boolean;
}

interface FixedTableHeadProps<C extends TableColumn> {
  columns: readonly C[];
  label: (column: C) => string;
  /** Each label also in its cell's title, for columns too narrow to show it whole. */
  titled?: boolean;
  /** More style for a column's header cell (a column that sticks to the edge). */
  extraStyle?: (column: C) => CSSProperties | undefined;
}

/** The column widths (`<colgroup>`) and the header row of a fixed-layout table, labels on one line. */
export function FixedTableHead<C extends TableColumn>({ columns, label, titled = false, extraStyle }: FixedTableHeadProps<C>) {
  return (
    <>
      <colgroup>
        {columns.map((column) => (
          <col key={column.key} style={{ width: column.width }} />
        ))}
      </colgroup>
      <Table.Thead>
        <Table.Tr>
          {columns.map((column) => (
            <Table.Th key={column.key} style={{ ...(column.right ? ONE_LINE_RIGHT : ONE_LINE), ...extraStyle?.(column) }} title={titled ? label(column) : undefined}>
              {label(column)}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
    </>
  );
}
