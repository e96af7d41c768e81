import { Alert, Button, Group, Modal, NativeSelect, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../core';
import { DOCUMENT_LANGUAGES, type DocumentContent, type DocumentKind, type DocumentLanguage, type IssuedDocument } from '../../../shared/domain';
import { useStore } from '../../app/services';
import { ModalCommandForm } from '../../components/ModalCommandForm';
import { useBusinessToday } from '../../hooks/useBusinessToday';
import { useCommandMutation } from '../../hooks/useCommandMutation';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { commandErrorText } from '../../i18n/commandErrors';
import { formatMoney } from '../../i18n/format';
import { parseMoneyInput } from '../../i18n/parseMoney';
import { PrintDocumentModal } from './PrintDocumentModal';

interface Props {
  kind: DocumentKind;
  accountId: string;
  /** A correction of this document (managers), or a new document. */
  corrects?: DocumentSummary;
  onClose: () => void;
}

interface Values {
  mode: 'subscription' | 'amount';
  subscriptionId: string;
  amount: string;
  descriptionKk: string;
  descriptionRu: string;
  from: string;
  to: string;
  language: DocumentLanguage | '';
}

/**
 * Issues one document for a client (or a correction of one): the inputs of
 * its kind, the language, and what the document will hold (the store's
 * preview of the same builder, refused the same way) before "Issue". Once
 * issued, it offers printing.
 */
export function IssueDocumentModal({ kind, accountId, corrects, onClose }: Props) {
  const { t } = useTranslation('documents');
  const [issued, setIssued] = useState<IssuedDocument | null>(null);
  const [printing, setPrinting] = useState(false);
  const title = corrects ? t('issue.correctTitle', { number: corrects.displayNumber }) : t(`issue.titles.${kind}`);
  if (issued && printing) {
    return <PrintDocumentModal documentId={issued.id} displayNumber={issued.displayNumber} language={issued.language} onClose={onClose} />;
  }
  return (
    <Modal opened onClose={onClose} title={issued ? t('issue.issuedTitle') : title} size="lg">
      {issued ? (
        <Stack>
          <Text role="status">{t('issue.issuedText', { kind: t(`kind.${issued.kind}`), number: issued.displayNumber })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('issue.done')}
            </Button>
            <Button onClick={() => setPrinting(true)}>{t('actions.print')}</Button>
          </Group>
        </Stack>
      ) : (
        <IssueForm kind={kind} accountId={accountId} corrects={corrects} onCancel={onClose} onIssued={setIssued} />
      )}
    </Modal>
  );
}

function startOfYear(today: string): string {
  return `${today.slice(0, 4)}-01-01`;
}

function startOfMonth(today: string): string {
  return `${today.slice(0, 7)}-01`;
}

function IssueForm({ kind, accountId, corrects, onCancel, onIssued }: Omit<Props, 'onClose'> & { onCancel: () => void; onIssued: (document: IssuedDocument) => void }) {
  const { t } = useTranslation('documents');
  const language = useUiLanguage();
  const store = useStore();
  const today = useBusinessToday();
  const [values, setValues] = useState<Values>(() => ({
    mode: 'subscription',
    subscriptionId: '',
    amount: '',
    descriptionKk: '',
    descriptionRu: '',
    from: kind === 'reconciliation' ? startOfYear(today) : startOfMonth(today),
    to: today,
    language: corrects?.language ?? '',
  }));
  const set = (patch: Partial<Values>) => setValues((current) => ({ ...current, ...patch }));
  const view = useLiveQuery(() => store.getAccountView(accountId), [store, accountId]);
  const documentLanguage: DocumentLanguage = values.language === '' ? (view?.account.language ?? 'kk') : values.language;

  const amount = parseMoneyInput(values.amount);
  const amountError = kind === 'invoice' && values.mode === 'amount' && values.amount !== '' && (!amount.ok || amount.tiyn <= 0) ? t('issue.amountInvalid') : null;
  const input = (): Record<string, unknown> => {
    const base = { language: documentLanguage };
    if (kind !== 'invoice') return { ...base, accountId, from: values.from, to: values.to };
    if (values.mode === 'subscription') return { ...base, accountId, subscriptionId: values.subscriptionId === '' ? undefined : values.subscriptionId };
    return { ...base, accountId, amount: amount.ok ? amount.tiyn : undefined, description: { kk: values.descriptionKk, ru: values.descriptionRu } };
  };
  const [debounced] = useDebouncedValue(JSON.stringify(input()), 250);
  const preview = useQuery({
    queryKey: ['documentPreview', kind, debounced, today],
    queryFn: () => {
      const previewInput = JSON.parse(debounced) as Record<string, unknown>;
      return kind === 'invoice' ? store.previewInvoice(previewInput, today) : kind === 'act' ? store.previewAct(previewInput, today) : store.previewReconciliation(previewInput, today);
    },
    retry: false,
  });

  const mutation = useCommandMutation(
    (vars: Record<string, unknown>, opId) => {
      if (corrects) {
        const { accountId: _accountId, ...rest } = vars;
        return store.correctDocument({ ...rest, documentId: corrects.id, opId } as Parameters<typeof store.correctDocument>[0]);
      }
      const command = kind === 'invoice' ? store.issueInvoice : kind === 'act' ? store.issueAct : store.issueReconciliationAct;
      return command({ ...vars, opId } as never) as Promise<IssuedDocument>;
    },
    { onSuccess: onIssued },
  );
  const submit = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    if (amountError) return;
    mutation.submit(input());
  };

  const subscriptions = view?.subscriptions ?? [];
  return (
    <ModalCommandForm onSubmit={submit} mutation={mutation} submitLabel={t('issue.submit')} onCancel={onCancel} canSubmit={preview.isSuccess}>
      {kind === 'invoice' && (
        <>
          <SegmentedControl
            aria-label={t('issue.mode')}
            value={values.mode}
            onChange={(mode) => set({ mode: mode as Values['mode'] })}
            data={[
              { value: 'subscription', label: t('issue.modeSubscription') },
              { value: 'amount', label: t('issue.modeAmount') },
            ]}
          />
          {values.mode === 'subscription' ? (
            <NativeSelect
              label={t('issue.subscription')}
              value={values.subscriptionId}
              onChange={(event) => set({ subscriptionId: event.currentTarget.value })}
              data={[
                { value: '', label: t('issue.subscriptionChoose') },
                ...subscriptions.map((s) => ({ value: s.id, label: t('issue.subscriptionOption', { service: s.service.name[language], tariff: s.tariff.name[language] }) })),
              ]}
            />
          ) : (
            <>
              <TextInput label={t('issue.amount')} value={values.amount} onChange={(event) => set({ amount: event.currentTarget.value })} error={amountError} inputMode="decimal" />
              <TextInput label={t('issue.descriptionKk')} value={values.descriptionKk} onChange={(event) => set({ descriptionKk: event.currentTarget.value })} />
              <TextInput label={t('issue.descriptionRu')} value={values.descriptionRu} onChange={(event) => set({ descriptionRu: event.currentTarget.value })} />
            </>
          )}
        </>
      )}
      {kind !== 'invoice' && (
        <Group grow>
          <TextInput type="date" label={t('issue.from')} value={values.from} onChange={(event) => set({ from: event.currentTarget.value })} max={today} />
          <TextInput type="date" label={t('issue.to')} value={values.to} onChange={(event) => set({ to: event.currentTarget.value })} max={today} />
        </Group>
      )}
      <NativeSelect
        label={t('issue.language')}
        value={documentLanguage}
        onChange={(event) => set({ language: event.currentTarget.value as DocumentLanguage })}
        data={DOCUMENT_LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) }))}
      />
      <PreviewBox title={t('issue.preview')}>
        {preview.isPending && <Text size="sm">{t('issue.previewLoading')}</Text>}
        {preview.isError && (
          <Alert color="yellow" role="status">
            {commandErrorText(t, preview.error, language)}
          </Alert>
        )}
        {preview.isSuccess && <PreviewFacts content={preview.data.content} />}
      </PreviewBox>
    </ModalCommandForm>
  );
}

function PreviewBox({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap={4} role="region" aria-label={title}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      {children}
    </Stack>
  );
}

/** The totals of the document the preview built: what "Issue" will store. */
function PreviewFacts({ content }: { content: DocumentContent }) {
  const { t } = useTranslation('documents');
  if (content.kind === 'reconciliation') {
    return (
      <Stack gap={2}>
        <Text size="sm">{t('issue.previewOpening', { amount: formatMoney(content.opening) })}</Text>
        <Text size="sm">{t('issue.previewLines', { count: content.rows.length })}</Text>
        <Text size="sm" fw={600}>
          {t('issue.previewClosing', { amount: formatMoney(content.closing) })}
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap={2}>
      <Text size="sm">{t('issue.previewLines', { count: content.lines.length })}</Text>
      <Text size="sm" fw={600}>
        {t('issue.previewTotal', { amount: formatMoney(content.total) })}
      </Text>
      {content.vat.map((part) => (
        <Text size="sm" key={part.rate}>
          {t('issue.previewVat', { rate: part.rate, amount: formatMoney(part.vat) })}
        </Text>
      ))}
    </Stack>
  );
}
