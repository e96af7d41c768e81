import { ActionIcon, Anchor, Group, Table, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { Link } from 'react-router';
import { StatusBadge } from '../../components/StatusBadge';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatDateShort, formatMoney } from '../../i18n/format';
import type { Store } from '../../../core';
import { CancelIcon, SwitchTariffIcon } from '../../components/icons';
import { periodText } from './subscriptionTarget';
import { FixedTableHead, ONE_LINE, useVirtualRows, VirtualTableBody } from '../../components/virtualRows';

export type SubscriptionRow = Awaited<ReturnType<Store['listSubscriptions']>>['rows'][number];

const ROW_HEIGHT = 45;

/** Fixed layout and one-line cells: every row has the same height, which the virtualizer relies on. */
const COLUMNS = [
  { key: 'client', width: undefined },
  { key: 'service', width: undefined },
  { key: 'tariff', width: 140 },
  { key: 'status', width: 150 },
  { key: 'period', width: 200 },
  { key: 'periodPrice', width: 150 },
  { key: 'autoRenew', width: 125 },
  { key: 'scheduled', width: 190 },
  { key: 'actions', width: 104 },
] as const;

/** The actions stay in view when the table scrolls sideways on a narrow window. */
const STICKY_END: CSSProperties = { position: 'sticky', right: 0, background: 'var(--mantine-color-body)', boxShadow: '-1px 0 0 var(--mantine-color-default-border)' };

interface SubscriptionsTableProps {
  rows: SubscriptionRow[];
  onChangeTariff: (row: SubscriptionRow) => void;
  onCancel: (row: SubscriptionRow) => void;
}

/**
 * Every matching subscription in a virtualized table (like the accounts
 * list): only the visible rows are in the DOM; spacer rows keep the scroll
 * height and the table's roles, aria-rowcount tells the full size.
 */
export function SubscriptionsTable({ rows, onChangeTariff, onCancel }: SubscriptionsTableProps) {
  const { t } = useTranslation('subscriptions');
  const language = useUiLanguage();
  // Tariff changes and cancellations are a manager's (§6).
  const canManage = useCan('manager');
  const { scrollRef, visible } = useVirtualRows(rows.length, ROW_HEIGHT);

  return (
    <div ref={scrollRef} style={{ height: 'calc(100vh - 360px)', minHeight: 280, overflow: 'auto' }}>
      <Table stickyHeader highlightOnHover verticalSpacing={8} miw={1400} style={{ tableLayout: 'fixed' }} aria-label={t('list.tableLabel')} aria-rowcount={rows.length + 1}>
        <FixedTableHead columns={COLUMNS} label={(column) => t(`columns.${column.key}`)} titled extraStyle={(column) => (column.key === 'actions' ? STICKY_END : undefined)} />
        <VirtualTableBody rows={rows} visible={visible} colSpan={COLUMNS.length}>
          {(row, rowIndex) => {
            const service = row.serviceName[language];
            const names = { client: row.accountName, service };
            const scheduled = row.scheduledTariffName && row.currentPeriod ? t('scheduledChange', { tariff: row.scheduledTariffName[language], date: formatDateShort(row.currentPeriod.end) }) : '';
            return (
              <Table.Tr key={row.id} aria-rowindex={rowIndex} style={{ height: ROW_HEIGHT }}>
                <Table.Td style={ONE_LINE} title={`${row.accountName} · ${row.accountIinBin}`}>
                  <Anchor component={Link} to={`/accounts/${row.accountId}`} fw={500} size="sm">
                    {row.accountName}
                  </Anchor>
                </Table.Td>
                <Table.Td style={ONE_LINE} title={service}>
                  {service}
                </Table.Td>
                <Table.Td style={ONE_LINE} title={row.tariffName[language]}>
                  {row.tariffName[language]}
                </Table.Td>
                <Table.Td style={ONE_LINE}>
                  <StatusBadge status={row.status} label={t(`domain:subscriptionStatus.${row.status}`)} />
                </Table.Td>
                <Table.Td style={ONE_LINE}>{row.currentPeriod ? periodText(row.currentPeriod) : t('startsOn', { date: formatDateShort(row.startDate) })}</Table.Td>
                <Table.Td style={ONE_LINE}>{row.price === null ? '—' : t(`perPeriod.${row.billingMonths}`, { price: formatMoney(row.price) })}</Table.Td>
                <Table.Td style={ONE_LINE}>{row.autoRenew ? t('common:yes') : t('common:no')}</Table.Td>
                <Table.Td style={ONE_LINE} title={scheduled}>
                  {scheduled === '' ? (
                    <Text span c="dimmed" size="sm">
                      —
                    </Text>
                  ) : (
                    scheduled
                  )}
                </Table.Td>
                <Table.Td style={{ ...ONE_LINE, ...STICKY_END }}>
                  <Group gap={6} wrap="nowrap">
                    {canManage && row.status === 'active' && (
                      <ActionIcon variant="light" size="md" aria-label={t('row.changeTariffFor', names)} title={t('row.changeTariffFor', names)} onClick={() => onChangeTariff(row)}>
                        <SwitchTariffIcon />
                      </ActionIcon>
                    )}
                    {canManage && (row.status === 'active' || row.status === 'suspended' || row.status === 'pending_payment') && (
                      <ActionIcon variant="light" color="red" size="md" aria-label={t('row.cancelFor', names)} title={t('row.cancelFor', names)} onClick={() => onCancel(row)}>
                        <CancelIcon />
                      </ActionIcon>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          }}
        </VirtualTableBody>
      </Table>
    </div>
  );
}
