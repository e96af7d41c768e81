import type { i18n as I18n } from 'i18next';
import { useEffect, useMemo, useState } from 'react';
import type { PrintPayload } from '../../shared/api/print';
import { DocumentPrint } from './DocumentPrint';
import { ReportPrint } from './ReportPrint';
import { createPrintText } from './printText';
import { waitForLayout } from './waitForLayout';
import { signalReady } from './bridge';

interface Props {
  payload: PrintPayload;
  i18n: I18n;
  /** Browser mode: the print dialog opens once the page is ready, and a Print button stays on screen. */
  autoPrint: boolean;
}

/** The print page: one payload, laid out for A4, then the ready signal. */
export function PrintApp({ payload, i18n, autoPrint }: Props) {
  const text = useMemo(() => createPrintText(i18n, payload.language), [i18n, payload.language]);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let cancelled = false;
    waitForLayout(document).then(
      () => {
        if (cancelled) return;
        setReady(true);
        signalReady({ ok: true });
        if (autoPrint) window.print();
      },
      (error: unknown) => signalReady({ ok: false, message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [autoPrint]);
  return (
    <>
      <style>{`@page { @bottom-right { content: ${text.pageContent()}; font-family: 'Noto Sans', sans-serif; font-size: 7.5pt; } }`}</style>
      {autoPrint && (
        <div className="print-toolbar">
          <button type="button" disabled={!ready} onClick={() => window.print()}>
            {text.t('printButton')}
          </button>
        </div>
      )}
      {payload.kind === 'document' && <DocumentPrint document={payload.document} text={text} />}
      {payload.kind === 'report' && <ReportPrint report={payload.report} language={payload.language} i18n={i18n} />}
    </>
  );
}
