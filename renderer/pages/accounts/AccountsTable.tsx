import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { StatusBadge } from '../../components/StatusBadge';
import type { Account } from '../../../core';
import { formatPhone } from './phone';
import { FixedTableHead, ONE_LINE, useVirtualRows, VirtualTableBody } from '../../components/virtualRows';

const ROW_HEIGHT = 41;

/** Fixed layout and one-line cells: every row has the same height, which the virtualizer relies on. */
// Identifiers, phones and statuses get the width they need; name and e-mail share the rest.
const COLUMNS = [
  { key: 'name', width: undefined },
  { key: 'kind', width: 170 },
  { key: 'iinBin', width: 140 },
  { key: 'phone', width: 155 },
  { key: 'email', width: undefined },
  { key: 'status', width: 150 },
] as const;

/**
 * Search results in a virtualized table: only the visible rows are in the
 * DOM, so thousands of matches scroll smoothly. Spacer rows above and below
 * keep the scroll height and leave the table markup (and its roles) intact.
 */
export function AccountsTable({ accounts }: { accounts: Account[] }) {
  const { t } = useTranslation('accounts');
  const navigate = useNavigate();
  const { scrollRef, visible } = useVirtualRows(accounts.length, ROW_HEIGHT);

  return (
    <div ref={scrollRef} style={{ height: 'calc(100vh - 250px)', minHeight: 240, overflow: 'auto' }}>
      <Table
        stickyHeader
        highlightOnHover
        verticalSpacing={8}
        miw={960}
        style={{ tableLayout: 'fixed' }}
        aria-label={t('list.tableLabel')}
        aria-rowcount={accounts.length + 1}
      >
        <FixedTableHead columns={COLUMNS} label={(column) => t(`fields.${column.key}`)} />
        <VirtualTableBody rows={accounts} visible={visible} colSpan={COLUMNS.length}>
          {(account, rowIndex) => {
            const phone = account.phone ? formatPhone(account.phone) : '';
            return (
              <Table.Tr
                key={account.id}
                aria-rowindex={rowIndex}
                style={{ cursor: 'pointer', height: ROW_HEIGHT }}
                onClick={() => void navigate(`/accounts/${account.id}`)}
              >
                <Table.Td style={ONE_LINE} title={account.name}>
                  <Anchor component={Link} to={`/accounts/${account.id}`} onClick={(e) => e.stopPropagation()} fw={500}>
                    {account.name}
                  </Anchor>
                </Table.Td>
                <Table.Td style={ONE_LINE} title={t(`domain:accountKind.${account.kind}`)}>
                  {t(`domain:accountKind.${account.kind}`)}
                </Table.Td>
                <Table.Td style={ONE_LINE} ff="monospace">
                  {account.iinBin}
                </Table.Td>
                <Table.Td style={ONE_LINE}>{phone}</Table.Td>
                <Table.Td style={ONE_LINE} title={account.email}>
                  {account.email ?? ''}
                </Table.Td>
                <Table.Td style={ONE_LINE}>
                  <StatusBadge status={account.status} label={t(`domain:accountStatus.${account.status}`)} />
                </Table.Td>
              </Table.Tr>
            );
          }}
        </VirtualTableBody>
      </Table>
    </div>
  );
}
