import { Center, Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BUCKETS, type Bucket, type LedgerKind, type Store } from '../../../core';
import { SectionCard } from '../../components/SectionCard';
import { formatInteger, formatMoney } from '../../i18n/format';

type LedgerTotals = Awaited<ReturnType<Store['ledgerTotals']>>;

interface Cell {
  sum: number;
  count: number;
}

const EMPTY: Cell = { sum: 0, count: 0 };
const add = (a: Cell, b: Cell): Cell => ({ sum: a.sum + b.sum, count: a.count + b.count });

/** Totals for the filter: one row per kind, a sum and a count per bucket and for both, and a total row. */
export function LedgerTotalsCard({ totals }: { totals: LedgerTotals | undefined }) {
  const { t } = useTranslation('ledger');
  const rows = new Map<LedgerKind, Record<Bucket, Cell>>();
  for (const line of totals?.lines ?? []) {
    const row = rows.get(line.kind) ?? { money: EMPTY, bonus: EMPTY };
    row[line.bucket] = { sum: line.sum, count: line.count };
    rows.set(line.kind, row);
  }
  const column = (bucket: Bucket) => [...rows.values()].reduce((sum, row) => add(sum, row[bucket]), EMPTY);
  const totalRow = { money: column('money'), bonus: column('bonus') };

  return (
    <SectionCard title={t('section.totals.title')}>
      {totals === undefined ? (
        <Center p="sm">
          <Loader size="sm" aria-label={t('common:loading')} />
        </Center>
      ) : rows.size === 0 ? (
        <Text c="dimmed" size="sm">
          {t('section.totals.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing={6} aria-label={t('section.totals.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('section.totals.kind')}</Table.Th>
                {BUCKETS.map((bucket) => (
                  <Table.Th key={bucket} style={{ textAlign: 'right' }}>
                    {t(`domain:bucket.${bucket}`)}
                  </Table.Th>
                ))}
                <Table.Th style={{ textAlign: 'right' }}>{t('section.totals.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...rows].map(([kind, row]) => (
                <Table.Tr key={kind}>
                  <Table.Th scope="row" fw={500}>
                    {t(`domain:ledgerKind.${kind}`)}
                  </Table.Th>
                  {BUCKETS.map((bucket) => (
                    <TotalCell key={bucket} cell={row[bucket]} />
                  ))}
                  <TotalCell cell={add(row.money, row.bonus)} strong />
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">{t('section.totals.total')}</Table.Th>
                {BUCKETS.map((bucket) => (
                  <TotalCell key={bucket} cell={totalRow[bucket]} strong />
                ))}
                <TotalCell cell={add(totalRow.money, totalRow.bonus)} strong />
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}

function TotalCell({ cell, strong = false }: { cell: Cell; strong?: boolean }) {
  const { t } = useTranslation('ledger');
  if (cell.count === 0) {
    return (
      <Table.Td style={{ textAlign: 'right' }} c="dimmed">
        —
      </Table.Td>
    );
  }
  return (
    <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
      <Text size="sm" fw={strong ? 700 : 500} c={cell.sum < 0 ? 'red.7' : 'teal.8'}>
        {formatMoney(cell.sum)}
      </Text>
      <Text size="xs" c="dimmed">
        {t('section.totals.entries', { count: cell.count, formatted: formatInteger(cell.count) })}
      </Text>
    </Table.Td>
  );
}
