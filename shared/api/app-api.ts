import { z } from 'zod';
import { printPayloadSchema, type PrintPayload } from './print';

/**
 * AppApi: the only bridge between the renderer and the Electron main process
 * (exposed by the preload as `window.api`), also implemented for plain
 * browsers by renderer/platform/browser-api.ts. Every payload and result has
 * a zod schema; main validates each payload before a handler runs.
 */

export const LANGUAGES = ['kk', 'ru'] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = (typeof LANGUAGES)[number];

/** The sections of the app, in menu and navigation order. */
export const SECTIONS = ['accounts', 'subscriptions', 'catalog', 'incidents', 'tickets', 'ledger', 'documents', 'reports', 'audit', 'settings'] as const;
export const sectionSchema = z.enum(SECTIONS);
export type Section = (typeof SECTIONS)[number];

export const SHELLS = ['electron', 'browser'] as const;
export type Shell = (typeof SHELLS)[number];

export interface AppInfo {
  name: string;
  version: string;
  shell: Shell;
  /** `process.platform` in Electron (win32, linux, darwin); the browser's platform string otherwise. */
  platform: string;
  /** Demo-data size asked for with `--demo[=N]` / `?demo[=N]`, else null. The renderer loads it into an empty store. */
  demoRequested: number | null;
}

export const appInfoSchema = z.strictObject({
  name: z.string().min(1),
  version: z.string().min(1),
  shell: z.enum(SHELLS),
  platform: z.string(),
  demoRequested: z.int().positive().nullable(),
});

export type MenuCommand =
  | { type: 'navigate'; section: Section }
  | { type: 'setLanguage'; lang: Language }
  | { type: 'loadDemoData' };

export const menuCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('navigate'), section: sectionSchema }),
  z.strictObject({ type: z.literal('setLanguage'), lang: languageSchema }),
  z.strictObject({ type: z.literal('loadDemoData') }),
]);

/** Generous for backups and PDFs, small enough that a runaway caller cannot exhaust memory in main. */
export const MAX_SAVE_FILE_BYTES = 512 * 1024 * 1024;

export interface SaveFileInput {
  /** A bare file name such as `report-2025-03.pdf`; no folders. */
  suggestedName: string;
  mimeType: string;
  /** Text is written as UTF-8 (callers prepend a BOM for CSV meant for Excel). */
  data: string | Uint8Array;
}

export interface SaveFileResult {
  /** False when the user cancelled the dialog. */
  saved: boolean;
  /** Where the file went (Electron only; browsers do not tell). */
  path?: string;
}

// Windows forbids these in file names; slashes would also smuggle in a folder.
const FORBIDDEN_FILE_NAME_CHARS = /[<>:"/\\|?*]/;
const hasControlChar = (name: string): boolean => [...name].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);

export const fileNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !FORBIDDEN_FILE_NAME_CHARS.test(name) && !hasControlChar(name), 'must be a bare file name without folders or reserved characters')
  .refine((name) => name.trim() === name && name !== '.' && name !== '..' && !name.endsWith('.'), 'must not be . or .., nor start or end with a blank or end with a dot');

export const mimeTypeSchema = z.string().regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i, 'must be a MIME type such as text/csv');

export const saveFileInputSchema = z.strictObject({
  suggestedName: fileNameSchema,
  mimeType: mimeTypeSchema,
  data: z.union([
    z.string().max(MAX_SAVE_FILE_BYTES),
    z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= MAX_SAVE_FILE_BYTES, 'file too large'),
  ]),
});

export const saveFileResultSchema = z.strictObject({
  saved: z.boolean(),
  path: z.string().min(1).optional(),
});

export interface PrintToPdfInput {
  /** What to print: everything the print page needs (shared/api/print.ts). */
  payload: PrintPayload;
  /** The file name the save dialog suggests, e.g. `AVR-2026-00012.kk.pdf`. */
  suggestedName: string;
}

export const printToPdfInputSchema = z.strictObject({ payload: printPayloadSchema, suggestedName: fileNameSchema });

export interface AppApi {
  getAppInfo(): Promise<AppInfo>;
  /** Tells main the UI language so that it rebuilds the localized application menu. */
  setLanguage(lang: Language): Promise<void>;
  /** Subscribes to application-menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (cmd: MenuCommand) => void): () => void;
  /** Electron: save dialog and write. Browser: a download. */
  saveFile(input: SaveFileInput): Promise<SaveFileResult>;
  /**
   * Electron: lays the payload out in a hidden print window, prints it to
   * PDF and saves it through the save dialog. Browser: opens the print page
   * in a new tab, where the browser's print dialog saves or prints it
   * (`saved: true` means it was handed over).
   */
  printToPdf(input: PrintToPdfInput): Promise<SaveFileResult>;
}

/** Payload schema of each invoke-style method (the argument main receives), by method name. */
export const APP_API_PAYLOAD_SCHEMAS = {
  getAppInfo: z.tuple([]),
  setLanguage: z.tuple([languageSchema]),
  saveFile: z.tuple([saveFileInputSchema]),
  printToPdf: z.tuple([printToPdfInputSchema]),
} as const;

/** Result schema of each invoke-style method, checked in main before a result crosses the bridge. */
export const APP_API_RESULT_SCHEMAS = {
  getAppInfo: appInfoSchema,
  setLanguage: z.undefined(),
  saveFile: saveFileResultSchema,
  printToPdf: saveFileResultSchema,
} as const;

// Compile-time proof that the hand-written types and the schemas describe the same shapes.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatchTypes: [
  Same<z.infer<typeof appInfoSchema>, AppInfo>,
  Same<z.infer<typeof menuCommandSchema>, MenuCommand>,
  Same<z.infer<typeof languageSchema>, Language>,
  Same<z.infer<typeof saveFileResultSchema>, SaveFileResult>,
] = [true, true, true, true];
void schemasMatchTypes;
