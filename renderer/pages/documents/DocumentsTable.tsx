import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DocumentSummary } from '../../../core';
import { useCan } from '../../app/session';
import { CardTable } from '../../components/CardTable';
import { formatDateShort, formatMoney } from '../../i18n/format';
import { IssueDocumentModal } from './IssueDocumentModal';
import { PrintDocumentModal } from './PrintDocumentModal';

interface Props {
  rows: DocumentSummary[] | undefined;
  none: string;
  label: string;
  /** The register lists every client: a column with the client's name. */
  withClient?: boolean;
}

/**
 * Issued documents with their actions: print or save as PDF (anyone), and
 * correct (managers: a new document of the same kind that names this one).
 * Shared by the client's Documents card and the Documents section.
 */
export function DocumentsTable({ rows, none, label, withClient = false }: Props) {
  const { t } = useTranslation('documents');
  const canCorrect = useCan('manager');
  const [printing, setPrinting] = useState<DocumentSummary | null>(null);
  const [correcting, setCorrecting] = useState<DocumentSummary | null>(null);
  return (
    <>
      <CardTable
        rows={rows}
        none={none}
        label={label}
        minWidth={withClient ? 1000 : 820}
        head={
          <>
            <Table.Th>{t('columns.number')}</Table.Th>
            <Table.Th>{t('columns.kind')}</Table.Th>
            {withClient && <Table.Th>{t('columns.client')}</Table.Th>}
            <Table.Th>{t('columns.issuedOn')}</Table.Th>
            <Table.Th ta="right">{t('columns.total')}</Table.Th>
            <Table.Th>{t('columns.issuedBy')}</Table.Th>
            <Table.Th>{t('columns.actions')}</Table.Th>
          </>
        }
      >
        {(row) => (
          <Table.Tr key={row.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Text size="sm" fw={500}>
                {row.displayNumber}
              </Text>
              {row.correctsId && (
                <Text size="xs" c="dimmed">
                  {t('corrects', { number: row.correctsNumber ?? '' })}
                </Text>
              )}
              {rows?.some((other) => other.correctsId === row.id) && (
                <Text size="xs" c="orange">
                  {t('correctedBy', { number: rows.find((other) => other.correctsId === row.id)!.displayNumber })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{t(`kind.${row.kind}`)}</Table.Td>
            {withClient && (
              <Table.Td>
                <Anchor component={Link} to={`/accounts/${row.accountId}`} size="sm" aria-label={t('actions.openClient', { name: row.clientName })}>
                  {row.clientName}
                </Anchor>
              </Table.Td>
            )}
            <Table.Td>{formatDateShort(row.issuedOn)}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {formatMoney(row.total)}
            </Table.Td>
            <Table.Td>{row.issuedBy}</Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Button size="compact-sm" variant="light" aria-label={t('actions.printOf', { number: row.displayNumber })} onClick={() => setPrinting(row)}>
                  {t('actions.print')}
                </Button>
                {canCorrect && (
                  <Button size="compact-sm" variant="subtle" aria-label={t('actions.correctOf', { number: row.displayNumber })} onClick={() => setCorrecting(row)}>
                    {t('actions.correct')}
                  </Button>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      </CardTable>
      <PrintDocumentModal documentId={printing?.id ?? null} displayNumber={printing?.displayNumber ?? ''} language={printing?.language ?? 'kk'} onClose={() => setPrinting(null)} />
      {correcting && <IssueDocumentModal kind={correcting.kind} accountId={correcting.accountId} corrects={correcting} onClose={() => setCorrecting(null)} />}
    </>
  );
}
