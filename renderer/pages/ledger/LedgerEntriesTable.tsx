import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { addDays } from '../../../shared/billing';
import type { Service, Store } from '../../../core';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatDateShort, formatInstant, formatMoney } from '../../i18n/format';
import { FixedTableHead, ONE_LINE, ONE_LINE_RIGHT, useVirtualRows, VirtualTableBody } from '../../components/virtualRows';

type LedgerRow = Awaited<ReturnType<Store['listLedgerEntries']>>['entries'][number];

const ROW_HEIGHT = 41;
const COLUMNS = [
  { key: 'date', width: 104 },
  { key: 'client', width: undefined },
  { key: 'kind', width: 210 },
  { key: 'bucket', width: 96 },
  { key: 'service', width: 190 },
  { key: 'amount', width: 140, right: true },
  { key: 'links', width: undefined },
] as const;

/**
 * Ledger entries of all clients in a virtualized table (only the visible
 * rows are in the DOM): fixed layout and one-line cells, so every row has
 * the height the virtualizer expects; long texts are cut with an ellipsis
 * and kept whole in the cell's title.
 */
export function LedgerEntriesTable({ entries, services }: { entries: LedgerRow[]; services: Service[] }) {
  const { t } = useTranslation('ledger');
  const language = useUiLanguage();
  const serviceName = new Map(services.map((s) => [s.id, s.name[language]]));
  const { scrollRef, visible } = useVirtualRows(entries.length, ROW_HEIGHT);
  // A short list takes only its own height (and room for a sideways scrollbar on narrow windows).
  const contentHeight = (entries.length + 1) * ROW_HEIGHT + 20;

  const basisOf = (entry: LedgerRow): string => {
    const parts: string[] = [];
    if (entry.period) parts.push(t('links.period', { from: formatDateShort(entry.period.start), to: formatDateShort(addDays(entry.period.end, -1)) }));
    if (entry.method) parts.push(t(`domain:paymentMethod.${entry.method}`));
    if (entry.reference) parts.push(t('links.reference', { reference: entry.reference }));
    if (entry.incidentId) parts.push(t('links.incident'));
    if (entry.refundId) parts.push(t('links.refund'));
    return parts.join(' · ');
  };

  return (
    <div ref={scrollRef} style={{ height: `min(calc(100vh - 260px), ${contentHeight}px)`, minHeight: Math.min(300, contentHeight), overflow: 'auto' }}>
      <Table stickyHeader highlightOnHover verticalSpacing={8} miw={1040} style={{ tableLayout: 'fixed' }} aria-label={t('section.tableLabel')} aria-rowcount={entries.length + 1}>
        <FixedTableHead columns={COLUMNS} label={(column) => t(`columns.${column.key}`)} />
        <VirtualTableBody rows={entries} visible={visible} colSpan={COLUMNS.length}>
          {(entry, rowIndex) => {
            const service = entry.serviceId === undefined ? '' : (serviceName.get(entry.serviceId) ?? '');
            const basis = basisOf(entry);
            return (
              <Table.Tr key={entry.id} aria-rowindex={rowIndex} style={{ height: ROW_HEIGHT }}>
                <Table.Td style={ONE_LINE} title={formatInstant(entry.at)}>
                  {formatDateShort(entry.businessDate)}
                </Table.Td>
                <Table.Td style={ONE_LINE} title={entry.accountName}>
                  <Anchor component={Link} to={`/accounts/${entry.accountId}`} fw={500}>
                    {entry.accountName}
                  </Anchor>
                </Table.Td>
                <Table.Td style={ONE_LINE} title={t(`domain:ledgerKind.${entry.kind}`)}>
                  {t(`domain:ledgerKind.${entry.kind}`)}
                </Table.Td>
                <Table.Td style={ONE_LINE}>{t(`domain:bucket.${entry.bucket}`)}</Table.Td>
                <Table.Td style={ONE_LINE} title={service}>
                  {service || '—'}
                </Table.Td>
                <Table.Td style={ONE_LINE_RIGHT} c={entry.amount < 0 ? 'red.7' : 'teal.8'} fw={500}>
                  {formatMoney(entry.amount)}
                </Table.Td>
                <Table.Td style={ONE_LINE} title={basis} c="dimmed">
                  {basis}
                </Table.Td>
              </Table.Tr>
            );
          }}
        </VirtualTableBody>
      </Table>
    </div>
  );
}
