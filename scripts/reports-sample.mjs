// npm run reports:sample -- --out DIR
// Prints every document kind (invoice, act, reconciliation) in kk, ru and kk-ru, and every report
// (compensation, refunds, availability, revenue, debtors) in kk and ru, from deterministic datasets
// built with the real core, through renderer/print.html in headless Chromium: DIR/<kind>.<lang>.pdf.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureRenderer, launchChromium, loadDataset, printPayload, root, serveRenderer } from './sample/print-pdf.mjs';

export const DOCUMENT_KINDS = ['invoice', 'act', 'reconciliation'];
export const PRINT_LANGUAGES = ['kk', 'ru', 'kk-ru'];
export const REPORT_KINDS = ['compensation', 'refunds', 'availability', 'revenue', 'debtors'];
export const REPORT_LANGUAGES = ['kk', 'ru'];

export async function printSamples(outDir, { rebuild = false } = {}) {
  mkdirSync(outDir, { recursive: true });
  ensureRenderer({ rebuild });
  const { buildSampleDocuments, buildSampleReports } = await loadDataset();
  const documents = await buildSampleDocuments({ logoPath: path.join(root, 'resources', 'icons', 'icon.png') });
  const reports = await buildSampleReports();
  const server = await serveRenderer();
  const browser = await launchChromium();
  const files = [];
  try {
    for (const kind of DOCUMENT_KINDS) {
      for (const language of PRINT_LANGUAGES) {
        const file = path.join(outDir, `${kind}.${language}.pdf`);
        await printPayload(browser, server.base, { kind: 'document', document: documents[kind], language }, file);
        files.push(file);
      }
    }
    for (const kind of REPORT_KINDS) {
      for (const language of REPORT_LANGUAGES) {
        const file = path.join(outDir, `${kind}.${language}.pdf`);
        await printPayload(browser, server.base, { kind: 'report', report: reports[kind], language }, file);
        files.push(file);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { files, documents, reports };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, rebuild: { type: 'boolean', default: false } } });
  if (!values.out) {
    console.error('usage: npm run reports:sample -- --out DIR [--rebuild]');
    process.exit(2);
  }
  const { files } = await printSamples(path.resolve(values.out), { rebuild: values.rebuild });
  for (const file of files) console.log(file);
}
