import { Anchor, Badge, Table } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Account } from '../../store';
import { formatPhone } from './phone';
import { statusColor } from './statusColor';

const ROW_HEIGHT = 41;

/**
 * Search results in a virtualized table: only the visible rows are in the
 * DOM, so thousands of matches scroll smoothly. Spacer rows above and below
 * keep the scroll height and leave the table markup (and its roles) intact.
 */
export function AccountsTable({ accounts }: { accounts: Account[] }) {
  const { t } = useTranslation('accounts');
  const navigate = useNavigate();
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to re-render this component on scroll
  const virtualizer = useVirtualizer({
    count: accounts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <div ref={scrollRef} style={{ height: 'calc(100vh - 250px)', minHeight: 240, overflow: 'auto' }}>
      <Table stickyHeader highlightOnHover verticalSpacing={8} aria-label={t('list.tableLabel')} aria-rowcount={accounts.length + 1}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.name')}</Table.Th>
            <Table.Th>{t('fields.kind')}</Table.Th>
            <Table.Th>{t('fields.iinBin')}</Table.Th>
            <Table.Th>{t('fields.phone')}</Table.Th>
            <Table.Th>{t('fields.email')}</Table.Th>
            <Table.Th>{t('fields.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {paddingTop > 0 && (
            <tr aria-hidden="true">
              <td colSpan={6} style={{ height: paddingTop, padding: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const account = accounts[item.index];
            if (!account) return null;
            return (
              <Table.Tr
                key={account.id}
                aria-rowindex={item.index + 2}
                style={{ cursor: 'pointer', height: ROW_HEIGHT }}
                onClick={() => void navigate(`/accounts/${account.id}`)}
              >
                <Table.Td>
                  <Anchor component={Link} to={`/accounts/${account.id}`} onClick={(e) => e.stopPropagation()} fw={500}>
                    {account.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`domain:accountKind.${account.kind}`)}</Table.Td>
                <Table.Td ff="monospace">{account.iinBin}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{account.phone ? formatPhone(account.phone) : ''}</Table.Td>
                <Table.Td>{account.email ?? ''}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={statusColor(account.status)}>
                    {t(`domain:accountStatus.${account.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            );
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden="true">
              <td colSpan={6} style={{ height: paddingBottom, padding: 0 }} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}
