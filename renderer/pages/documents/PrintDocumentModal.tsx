import { Alert, Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from '../../../shared/domain';
import { useAppApi, useStore } from '../../app/services';
import { useAppInfo } from '../../hooks/useAppInfo';
import { documentFileName } from '../../print/fileName';

interface Props {
  /** The document to print, or null (closed). */
  documentId: string | null;
  displayNumber: string;
  /** The language it was issued in: the default choice. */
  language: DocumentLanguage;
  onClose: () => void;
}

/**
 * Prints an issued document in a language chosen here (the one it was
 * issued in by default): Electron saves a PDF through the save dialog; a
 * browser opens the print page in a new tab. The stored document is printed
 * as it is, so a re-print is the same document.
 */
export function PrintDocumentModal({ documentId, displayNumber, language, onClose }: Props) {
  const { t } = useTranslation('documents');
  return (
    <Modal opened={documentId !== null} onClose={onClose} title={t('print.title', { number: displayNumber })}>
      {documentId !== null && <PrintForm key={documentId} documentId={documentId} language={language} onClose={onClose} />}
    </Modal>
  );
}

function PrintForm({ documentId, language, onClose }: { documentId: string; language: DocumentLanguage; onClose: () => void }) {
  const { t } = useTranslation('documents');
  const store = useStore();
  const api = useAppApi();
  const info = useAppInfo();
  const [chosen, setChosen] = useState<DocumentLanguage>(language);
  const print = useMutation({
    mutationFn: async () => {
      const document = await store.getDocument(documentId);
      if (!document) throw new Error(t('errors:documents.notFound'));
      const { correctedBy: _correctedBy, ...issued } = document;
      return api.printToPdf({ payload: { kind: 'document', document: issued, language: chosen }, suggestedName: documentFileName(issued, chosen) });
    },
  });
  const browser = info.data?.shell === 'browser';
  return (
      <Stack>
        <NativeSelect
          label={t('print.language')}
          value={chosen}
          onChange={(event) => setChosen(event.currentTarget.value as DocumentLanguage)}
          data={DOCUMENT_LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) }))}
        />
        {print.isError && (
          <Alert color="red" role="alert">
            {t('print.failed', { message: print.error instanceof Error ? print.error.message : String(print.error) })}
          </Alert>
        )}
        {print.isSuccess && (
          <Text role="status" size="sm">
            {print.data.saved ? (print.data.path ? t('print.saved', { path: print.data.path }) : t('print.savedBrowser')) : t('print.cancelled')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('issue.done')}
          </Button>
          <Button loading={print.isPending} onClick={() => print.mutate()}>
            {browser ? t('print.submitBrowser') : t('print.submit')}
          </Button>
        </Group>
      </Stack>
  );
}
