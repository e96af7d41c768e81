import { Anchor, Button, Table, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useStore } from '../../app/services';
import { CardTable } from '../../components/CardTable';
import { SectionCard } from '../../components/SectionCard';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatInstant, formatInteger } from '../../i18n/format';
import { useNow } from '../incidents/useNow';
import { DeadlineCell } from '../tickets/DeadlineCell';
import { NewTicketModal } from '../tickets/NewTicketModal';
import { TicketStatusBadge } from '../tickets/TicketStatusBadge';

/** The client's latest tickets shown on the page; the Tickets section has them all. */
const CARD_LIMIT = 50;

/**
 * The client's support tickets (listTickets({ accountId })): running
 * deadlines first, nearest first, then the rest newest first; status and
 * deadline marked against the app clock; "New ticket" with the client filled in.
 */
export function TicketsCard({ account }: { account: { id: string; name: string } }) {
  const { t } = useTranslation('tickets');
  const language = useUiLanguage();
  const store = useStore();
  const now = useNow(60_000);
  const list = useLiveQuery(() => store.listTickets({ accountId: account.id, limit: CARD_LIMIT }), [store, account.id]);
  const [creating, setCreating] = useState(false);
  return (
    <SectionCard title={t('account.title')} actions={<Button onClick={() => setCreating(true)}>{t('create.open')}</Button>}>
      {list && list.total > list.rows.length && (
        <Text size="sm" c="dimmed">
          {t('account.shownOf', { shown: formatInteger(list.rows.length), formatted: formatInteger(list.total) })}
        </Text>
      )}
      <CardTable
        rows={list?.rows}
        none={t('account.none')}
        label={t('account.tableLabel')}
        minWidth={900}
        head={
          <>
            <Table.Th>{t('columns.subject')}</Table.Th>
            <Table.Th>{t('columns.service')}</Table.Th>
            <Table.Th>{t('columns.level')}</Table.Th>
            <Table.Th>{t('columns.status')}</Table.Th>
            <Table.Th w={230}>{t('columns.deadline')}</Table.Th>
            <Table.Th>{t('columns.created')}</Table.Th>
          </>
        }
      >
        {(row) => (
          <Table.Tr key={row.id} style={{ verticalAlign: 'top' }}>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>
              <Anchor component={Link} to={`/tickets/${row.id}`} size="sm" aria-label={t('list.openTicket', { subject: row.subject, client: account.name })}>
                {row.subject}
              </Anchor>
            </Table.Td>
            <Table.Td>{row.serviceName?.[language] ?? ''}</Table.Td>
            <Table.Td>{t(`domain:supportLevel.${row.level}`, { defaultValue: row.level })}</Table.Td>
            <Table.Td>
              <TicketStatusBadge status={row.status} />
            </Table.Td>
            <Table.Td maw={230}>
              <DeadlineCell ticket={row} now={now} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(row.createdAt)}</Table.Td>
          </Table.Tr>
        )}
      </CardTable>
      <NewTicketModal opened={creating} onClose={() => setCreating(false)} account={account} />
    </SectionCard>
  );
}
