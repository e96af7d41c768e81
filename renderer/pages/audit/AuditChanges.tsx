import { Anchor, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditChange, AuditRow } from '../../../core';
import { useStore } from '../../app/services';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatDateShort, formatInteger, formatMoney } from '../../i18n/format';
import { changeLines, shortId, type AuditNames } from './auditText';

/** Changes and postings written out per event; a renewal chunk's thousands are summed up after these. */
const CHANGES_SHOWN = 30;
const POSTINGS_SHOWN = 50;

/** The app page of a changed record: its own (account, incident, ticket), else its account's. */
function pathOf(change: AuditChange): string | null {
  const { table, id } = change.entity;
  if (table === 'accounts') return `/accounts/${id}`;
  if (table === 'incidents') return `/incidents/${id}`;
  if (table === 'tickets') return `/tickets/${id}`;
  return change.accountId === undefined ? null : `/accounts/${change.accountId}`;
}

/** The clients the shown changes and postings belong to, to be named. */
function accountsShown(row: AuditRow): string[] {
  const ids = new Set<string>();
  for (const change of row.changes.slice(0, CHANGES_SHOWN)) {
    if (change.entity.table === 'accounts') ids.add(change.entity.id);
    else if (change.accountId !== undefined) ids.add(change.accountId);
  }
  for (const posting of row.postings.slice(0, POSTINGS_SHOWN)) ids.add(posting.accountId);
  return [...ids];
}

/**
 * What one audit event changed, in the user's language: per record, its
 * fields (an insert) or its changed fields before and after (an update),
 * then the ledger entries it posted. Field names and values are translated
 * and formatted (auditText.ts); a password hash only says that it changed.
 */
export function AuditChanges({ row }: { row: AuditRow }) {
  const { t } = useTranslation('audit');
  const language = useUiLanguage();
  const store = useStore();
  const changes = row.changes.slice(0, CHANGES_SHOWN);
  const postings = row.postings.slice(0, POSTINGS_SHOWN);
  const accountIds = useMemo(() => accountsShown(row), [row]);
  const accountNames = useLiveQuery(() => store.accountNames(accountIds), [store, accountIds]);
  const tariffs = useLiveQuery(() => store.listTariffs(), [store]);
  const services = useLiveQuery(() => store.listServices(), [store]);
  const names: AuditNames = useMemo(
    () => ({ tariffs: new Map((tariffs ?? []).map((x) => [x.id, x.name])), services: new Map((services ?? []).map((x) => [x.id, x.name])) }),
    [tariffs, services],
  );
  const nameOf = (accountId: string | undefined) => (accountId === undefined ? undefined : accountNames?.[accountId]);

  return (
    <Stack gap="md">
      {row.changes.length === 0 && row.postings.length === 0 && <Text c="dimmed">{t('details.noFields')}</Text>}
      {changes.map((change, index) => {
        const ctx = { t, language, table: change.entity.table, names };
        const lines = changeLines(ctx, change);
        const account = nameOf(change.entity.table === 'accounts' ? change.entity.id : change.accountId);
        const record = `${t(`tables.${change.entity.table}`, { defaultValue: change.entity.table })} ${shortId(change.entity.id)}`;
        const path = pathOf(change);
        return (
          <Stack key={`${change.entity.table}:${change.entity.id}:${index}`} gap={4}>
            <Group gap="xs" wrap="wrap">
              <Title order={4} size="h6">
                {record}
              </Title>
              <Text size="sm" c="dimmed">
                {change.before === null ? t('details.created') : t('details.changed')}
              </Text>
              {account !== undefined &&
                (path === null ? (
                  <Text size="sm">{account}</Text>
                ) : (
                  <Anchor component={Link} to={path} size="sm">
                    {account}
                  </Anchor>
                ))}
            </Group>
            <Text size="xs" c="dimmed" title={change.entity.id}>
              {change.entity.id}
            </Text>
            {lines.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('details.noFields')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table verticalSpacing={4} striped aria-label={t('details.changesLabel', { record })} style={{ tableLayout: 'fixed' }}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={240}>{t('details.field')}</Table.Th>
                      {change.before === null ? (
                        <Table.Th>{t('details.value')}</Table.Th>
                      ) : (
                        <>
                          <Table.Th>{t('details.before')}</Table.Th>
                          <Table.Th>{t('details.after')}</Table.Th>
                        </>
                      )}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {lines.map((line) => (
                      <Table.Tr key={line.key}>
                        <Table.Td>{line.label}</Table.Td>
                        {line.before !== undefined && <Table.Td style={{ overflowWrap: 'anywhere' }}>{line.before}</Table.Td>}
                        <Table.Td style={{ overflowWrap: 'anywhere' }}>{line.after}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        );
      })}
      {row.changes.length > changes.length && (
        <Text size="sm" c="dimmed">
          {t('details.shownFirst', { shown: formatInteger(changes.length), total: formatInteger(row.changes.length) })}
        </Text>
      )}
      {postings.length > 0 && (
        <Stack gap={4}>
          <Title order={4} size="h6">
            {t('details.postings')}
          </Title>
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing={4} striped aria-label={t('details.postings')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('details.postingColumns.account')}</Table.Th>
                  <Table.Th>{t('details.postingColumns.kind')}</Table.Th>
                  <Table.Th>{t('details.postingColumns.bucket')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>{t('details.postingColumns.amount')}</Table.Th>
                  <Table.Th>{t('details.postingColumns.date')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {postings.map((posting) => {
                  const name = nameOf(posting.accountId) ?? shortId(posting.accountId);
                  return (
                    <Table.Tr key={posting.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/accounts/${posting.accountId}`} size="sm">
                          {name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{t(`domain:ledgerKind.${posting.kind}`)}</Table.Td>
                      <Table.Td>{t(`domain:bucket.${posting.bucket}`)}</Table.Td>
                      <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }} c={posting.amount < 0 ? 'red.7' : 'teal.8'} fw={500}>
                        {formatMoney(posting.amount)}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateShort(posting.businessDate)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {row.postings.length > postings.length && (
            <Text size="sm" c="dimmed">
              {t('details.shownFirst', { shown: formatInteger(postings.length), total: formatInteger(row.postings.length) })}
            </Text>
          )}
        </Stack>
      )}
      {row.omitted > 0 && (
        <Text size="sm" c="dimmed">
          {t('details.omitted', { formatted: formatInteger(row.omitted) })}
        </Text>
      )}
    </Stack>
  );
}
