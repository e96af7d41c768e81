import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import type { SaveFileInput, SaveFileResult } from '../shared/api/app-api';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** Dialog options and result as Electron's `dialog.showSaveDialog` has them. */
export interface SaveDialogOptions {
  defaultPath: string;
  filters: FileFilter[];
  properties: Array<'createDirectory' | 'showOverwriteConfirmation'>;
}
export interface SaveDialogResult {
  canceled: boolean;
  filePath?: string;
}

export interface SaveFileDeps<W> {
  showSaveDialog(window: W, options: SaveDialogOptions): Promise<SaveDialogResult>;
  writeFile(filePath: string, data: string | Uint8Array): Promise<void>;
  /** The folder the dialog opens in, e.g. the user's Documents or Downloads. */
  defaultDirectory(): string;
}

const EXTENSIONS_BY_MIME: Readonly<Record<string, string[]>> = {
  'application/pdf': ['pdf'],
  'text/csv': ['csv'],
  'application/json': ['json'],
  'text/plain': ['txt'],
  'text/html': ['html'],
  'application/zip': ['zip'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
};

/**
 * The dialog's file-type filter: from the MIME type, else from the suggested
 * name's extension. Names are the upper-cased extensions (PDF, CSV), which
 * read the same in Kazakh and Russian; Windows itself adds "All files".
 */
export function filtersFor(mimeType: string, suggestedName: string): FileFilter[] {
  const essence = mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
  const fromName = path.extname(suggestedName).slice(1).toLowerCase();
  const extensions = EXTENSIONS_BY_MIME[essence] ?? (fromName === '' ? [] : [fromName]);
  return extensions.length === 0 ? [] : [{ name: extensions.map((ext) => ext.toUpperCase()).join(', '), extensions }];
}

/**
 * AppApi.saveFile in main: asks where to save (parented to the calling
 * window), then writes. The input has already been validated by ipc.ts.
 */
export function createSaveFile<W>(deps: SaveFileDeps<W>): (input: SaveFileInput, window: W) => Promise<SaveFileResult> {
  return async (input, window) => {
    // basename: the schema already refuses folders; this is the second lock on the same door.
    const defaultPath = path.join(deps.defaultDirectory(), path.basename(input.suggestedName));
    const choice = await deps.showSaveDialog(window, {
      defaultPath,
      filters: filtersFor(input.mimeType, input.suggestedName),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return { saved: false };
    await deps.writeFile(choice.filePath, input.data);
    return { saved: true, path: choice.filePath };
  };
}

/**
 * Writes through a temporary file in the same folder and renames it into
 * place, so that a crash or a full disk never leaves half a backup where the
 * previous complete file was.
 */
export async function writeFileAtomically(filePath: string, data: string | Uint8Array): Promise<void> {
  const temporary = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${randomUUID()}.tmp`);
  try {
    await writeFile(temporary, data, typeof data === 'string' ? { encoding: 'utf8' } : undefined);
    await rename(temporary, filePath);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
