import type { PrintToPdfInput, SaveFileInput, SaveFileResult } from '../shared/api/app-api';
import type { PrintPayload, PrintReady } from '../shared/api/print';

/** What main needs of the hidden print window (a BrowserWindow); a fake in tests. */
export interface PrintWindowLike {
  readonly webContents: {
    readonly id: number;
    printToPDF(options: { pageSize: 'A4'; printBackground: boolean; preferCSSPageSize: boolean }): Promise<Uint8Array>;
  };
  loadURL(url: string): Promise<void>;
  destroy(): void;
  isDestroyed(): boolean;
}

export interface PrintToPdfDeps<W> {
  /** A new hidden window (show: false, backgroundThrottling: false) with the print preload. */
  createWindow(): PrintWindowLike;
  /** The print page through the app's protocol, e.g. app://esep/print.html. */
  printUrl: string;
  /** How long the page may take to lay out with its fonts. */
  timeoutMs: number;
  saveFile(input: SaveFileInput, parent: W): Promise<SaveFileResult>;
}

export class PrintError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrintError';
  }
}

interface Job {
  payload: PrintPayload;
  ready(result: PrintReady): void;
}

export const DEFAULT_PRINT_TIMEOUT_MS = 30_000;

/**
 * AppApi.printToPdf in main, as Frappe Books prints: the payload is laid out
 * in a hidden window of print.html, which asks main for its payload
 * (`payloadFor`, answered only to that window) and says when it is ready
 * (`ready`: fonts loaded, images decoded); then printToPDF, the window
 * closed whatever happened, and the bytes saved through the save dialog.
 */
export function createPrintToPdf<W>(deps: PrintToPdfDeps<W>) {
  const jobs = new Map<number, Job>();

  async function printToPdf(input: PrintToPdfInput, parent: W): Promise<SaveFileResult> {
    const window = deps.createWindow();
    const id = window.webContents.id;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let bytes: Uint8Array;
    try {
      const ready = new Promise<PrintReady>((resolve, reject) => {
        jobs.set(id, { payload: input.payload, ready: resolve });
        timer = setTimeout(() => reject(new PrintError(`the print page was not ready within ${deps.timeoutMs} ms`)), deps.timeoutMs);
      });
      await window.loadURL(deps.printUrl);
      const result = await ready;
      if (!result.ok) throw new PrintError(`the print page failed: ${result.message ?? 'unknown error'}`);
      bytes = await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      clearTimeout(timer);
      jobs.delete(id);
      if (!window.isDestroyed()) window.destroy();
    }
    return deps.saveFile({ suggestedName: input.suggestedName, mimeType: 'application/pdf', data: bytes }, parent);
  }

  return {
    printToPdf,
    /** The payload of the print window `webContentsId`; null for any other sender. */
    payloadFor: (webContentsId: number): PrintPayload | null => jobs.get(webContentsId)?.payload ?? null,
    /** The print window `webContentsId` is laid out (or failed); ignored from any other sender. */
    ready: (webContentsId: number, result: PrintReady): void => jobs.get(webContentsId)?.ready(result),
  };
}
