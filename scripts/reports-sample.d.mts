// Types for scripts/reports-sample.mjs (plain JavaScript, run by node directly).
import type { IssuedDocument, Report, ReportKind } from '../shared/domain';

export declare const DOCUMENT_KINDS: readonly ['invoice', 'act', 'reconciliation'];
export declare const PRINT_LANGUAGES: readonly ['kk', 'ru', 'kk-ru'];
export declare const REPORT_KINDS: readonly ReportKind[];
export declare const REPORT_LANGUAGES: readonly ['kk', 'ru'];

export interface SampleDocuments {
  invoice: IssuedDocument;
  act: IssuedDocument;
  reconciliation: IssuedDocument;
}

/** Prints every document kind in every language and every report in kk and ru into `outDir` as `<kind>.<lang>.pdf`; returns the files and what was printed. */
export declare function printSamples(outDir: string, options?: { rebuild?: boolean }): Promise<{ files: string[]; documents: SampleDocuments; reports: Record<ReportKind, Report> }>;
