// Types for scripts/reports-sample.mjs (plain JavaScript, run by node directly).
import type { IssuedDocument } from '../shared/domain';

export declare const DOCUMENT_KINDS: readonly ['invoice', 'act', 'reconciliation'];
export declare const PRINT_LANGUAGES: readonly ['kk', 'ru', 'kk-ru'];

export interface SampleDocuments {
  invoice: IssuedDocument;
  act: IssuedDocument;
  reconciliation: IssuedDocument;
}

/** Prints every kind in every language into `outDir` as `<kind>.<lang>.pdf`; returns the files and the documents printed. */
export declare function printSamples(outDir: string, options?: { rebuild?: boolean }): Promise<{ files: string[]; documents: SampleDocuments }>;
