import '../app/fonts.css';
import './print.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createI18n } from '../i18n/i18n';
import { receivePayload, signalReady } from './bridge';
import { PrintApp } from './PrintApp';
import { PrintErrorBoundary } from './PrintErrorBoundary';

/**
 * print.html: the page documents (and reports) are printed from, in
 * Electron's hidden print window, in a browser tab opened by the app, or in
 * headless Chromium (tests, `npm run reports:sample`). It renders only the
 * payload it is handed (docs/printing.md).
 */
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from print.html');

receivePayload().then(
  ({ payload, autoPrint }) => {
    const language = payload.language === 'ru' ? 'ru' : 'kk';
    document.documentElement.lang = language;
    const i18n = createI18n(language, { react: false });
    createRoot(root).render(
      <StrictMode>
        <PrintErrorBoundary>
          <PrintApp payload={payload} i18n={i18n} autoPrint={autoPrint} />
        </PrintErrorBoundary>
      </StrictMode>,
    );
  },
  (error: unknown) => signalReady({ ok: false, message: error instanceof Error ? error.message : String(error) }),
);
