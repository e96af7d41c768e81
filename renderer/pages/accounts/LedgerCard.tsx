import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../shared/billing';
import { CardTable } from '../../components/CardTable';
import { SectionCard } from '../../components/SectionCard';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatDateShort, formatInstant, formatMoney } from '../../i18n/format';
import type { LedgerEntry, SubscriptionView } from '../../../core';

/** The account's latest ledger entries, newest first; an entry's links say what it belongs to. */
export function LedgerCard({ entries, subscriptions, limit }: { entries: LedgerEntry[]; subscriptions: SubscriptionView[]; limit: number }) {
  const { t } = useTranslation('ledger');
  const language = useUiLanguage();
  const subscriptionName = (id: string | undefined) => {
    const subscription = subscriptions.find((s) => s.id === id);
    return subscription ? `${subscription.service.name[language]} · ${subscription.tariff.name[language]}` : null;
  };
  const linksOf = (entry: LedgerEntry): string[] => {
    const links: string[] = [];
    const subscription = subscriptionName(entry.subscriptionId);
    if (subscription) links.push(subscription);
    if (entry.period) {
      links.push(t('links.period', { from: formatDateShort(entry.period.start), to: formatDateShort(addDays(entry.period.end, -1)) }));
    }
    if (entry.method) links.push(t(`domain:paymentMethod.${entry.method}`));
    if (entry.reference) links.push(t('links.reference', { reference: entry.reference }));
    if (entry.incidentId) links.push(t('links.incident'));
    if (entry.refundId) links.push(t('links.refund'));
    return links;
  };

  return (
    <SectionCard title={t('title')}>
      <CardTable
        rows={entries}
        none={t('none')}
        label={t('title')}
        minWidth={720}
        striped
        head={
          <>
            <Table.Th>{t('columns.date')}</Table.Th>
            <Table.Th>{t('columns.kind')}</Table.Th>
            <Table.Th>{t('columns.bucket')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('columns.amount')}</Table.Th>
            <Table.Th>{t('columns.links')}</Table.Th>
          </>
        }
      >
        {(entry) => (
          <Table.Tr key={entry.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }} title={formatInstant(entry.at)}>
              {formatDateShort(entry.businessDate)}
            </Table.Td>
            <Table.Td>{t(`domain:ledgerKind.${entry.kind}`)}</Table.Td>
            <Table.Td>{t(`domain:bucket.${entry.bucket}`)}</Table.Td>
            <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }} c={entry.amount < 0 ? 'red.7' : 'teal.8'} fw={500}>
              {formatMoney(entry.amount)}
            </Table.Td>
            <Table.Td>
              <Text size="sm" c="dimmed">
                {linksOf(entry).join(' · ')}
              </Text>
            </Table.Td>
          </Table.Tr>
        )}
      </CardTable>
      {entries.length >= limit && (
        <Text size="xs" c="dimmed">
          {t('latestOnly', { count: limit })}
        </Text>
      )}
    </SectionCard>
  );
}
