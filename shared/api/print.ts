import { z } from 'zod';
import { documentLanguageSchema, issuedDocumentSchema } from '../domain/documents';
import { languageSchema } from '../domain/primitives';
import { reportSchema } from '../domain/reports';

/**
 * What a print page renders: everything it needs travels with it, so the
 * page reads no database and a hidden print window needs no session. One
 * kind per printable thing: an issued document (kk, ru or both), or a
 * report as its query computed it (kk or ru).
 */
export const printPayloadSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('document'), document: issuedDocumentSchema, language: documentLanguageSchema }),
  z.object({ kind: z.literal('report'), report: reportSchema, language: languageSchema }),
]);
export type PrintPayload = z.infer<typeof printPayloadSchema>;

/** The window message that hands a payload to print.html (from itself or the window that opened it). */
export const PRINT_MESSAGE = 'esep:print';

export interface PrintMessage {
  type: typeof PRINT_MESSAGE;
  payload: PrintPayload;
  /** Browser mode: open the browser's print dialog once the page is ready. */
  autoPrint: boolean;
}

/** What the print page reports when it is laid out with its fonts (or why it could not be). */
export interface PrintReady {
  ok: boolean;
  message?: string;
}

/** A generous bound on a payload crossing IPC: a 10 000-row reconciliation act is about 3 MB. */
export const MAX_PRINT_PAYLOAD_CHARS = 32 * 1024 * 1024;
