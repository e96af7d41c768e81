import { Alert, Button, Group } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentKind } from '../../../shared/domain';
import { useStore } from '../../app/services';
import { SectionCard } from '../../components/SectionCard';
import { DocumentsTable } from '../documents/DocumentsTable';
import { IssueDocumentModal } from '../documents/IssueDocumentModal';

/** The client's latest documents shown on the page; the Documents section has them all. */
const CARD_LIMIT = 50;

/**
 * The client's documents (invoices, acts of services, reconciliation acts),
 * newest first, with "issue" for each kind; each row prints in any language
 * and, for managers, can be corrected.
 */
export function DocumentsCard({ accountId }: { accountId: string }) {
  const { t } = useTranslation('documents');
  const store = useStore();
  const list = useLiveQuery(() => store.listDocuments({ accountId, limit: CARD_LIMIT }), [store, accountId]);
  const requisites = useLiveQuery(async () => ({ value: await store.getProviderRequisites() }), [store]);
  const [issuing, setIssuing] = useState<DocumentKind | null>(null);
  const missing = requisites !== undefined && requisites.value === null;
  const actions = (
    <Group gap="xs">
      <Button variant="light" disabled={missing} onClick={() => setIssuing('invoice')}>
        {t('card.issueInvoice')}
      </Button>
      <Button variant="light" disabled={missing} onClick={() => setIssuing('act')}>
        {t('card.issueAct')}
      </Button>
      <Button variant="light" disabled={missing} onClick={() => setIssuing('reconciliation')}>
        {t('card.issueReconciliation')}
      </Button>
    </Group>
  );
  return (
    <SectionCard title={t('card.title')} actions={actions}>
      {missing && <Alert color="yellow">{t('card.requisitesMissing')}</Alert>}
      <DocumentsTable rows={list?.rows} none={t('card.none')} label={t('card.tableLabel')} />
      {issuing && <IssueDocumentModal kind={issuing} accountId={accountId} onClose={() => setIssuing(null)} />}
    </SectionCard>
  );
}
