import { z } from 'zod';
import {
  APP_API_PAYLOAD_SCHEMAS,
  APP_API_RESULT_SCHEMAS,
  type AppInfo,
  type Language,
  type SaveFileResult,
} from '../shared/api/app-api';
import { APP_API_CHANNELS, PRINT_CHANNELS } from '../shared/api/channels';
import type { PrintReady } from '../shared/api/print';
import { isAppUrl } from './security';

/** The part of an IpcMainInvokeEvent that the bridge looks at; `sender` is passed through to handlers. */
export interface InvokeEventLike {
  senderFrame: { url: string } | null;
}

/** The part of Electron's ipcMain used here; a fake in tests. */
export interface InvokeRegistrar<E extends InvokeEventLike> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => unknown): void;
}

/** What main does for each AppApi method, with the payload already validated. */
export interface AppApiHandlers<E extends InvokeEventLike> {
  getAppInfo(event: E): AppInfo | Promise<AppInfo>;
  setLanguage(lang: Language, event: E): void | Promise<void>;
  saveFile(input: z.infer<typeof APP_API_PAYLOAD_SCHEMAS.saveFile>[0], event: E): Promise<SaveFileResult>;
  printToPdf(input: z.infer<typeof APP_API_PAYLOAD_SCHEMAS.printToPdf>[0], event: E): Promise<SaveFileResult>;
}

/** Raised (and so rejected in the renderer) when a call is refused before its handler runs. */
export class IpcRequestError extends Error {
  constructor(
    readonly channel: string,
    reason: string,
  ) {
    super(`${channel}: ${reason}`);
    this.name = 'IpcRequestError';
  }
}

type InvokeMethod = keyof typeof APP_API_PAYLOAD_SCHEMAS;

/**
 * Registers one ipcMain handler per AppApi method, on its own channel. Each
 * call is refused unless it comes from a frame of the app's origin and its
 * arguments match the method's zod schema exactly; results are checked
 * against their schema too, so a bug in main cannot leak odd shapes into the
 * renderer. There is deliberately no generic pass-through.
 */
export function registerAppApiHandlers<E extends InvokeEventLike>(
  ipc: InvokeRegistrar<E>,
  handlers: AppApiHandlers<E>,
  isTrustedSenderUrl: (url: string | undefined) => boolean = isAppUrl,
): void {
  function register<M extends InvokeMethod>(method: M, run: (args: z.infer<(typeof APP_API_PAYLOAD_SCHEMAS)[M]>, event: E) => unknown): void {
    const channel = APP_API_CHANNELS[method];
    const payloadSchema = APP_API_PAYLOAD_SCHEMAS[method];
    const resultSchema = APP_API_RESULT_SCHEMAS[method];
    ipc.handle(channel, async (event, ...args) => {
      if (!isTrustedSenderUrl(event.senderFrame?.url)) {
        throw new IpcRequestError(channel, 'refused: the caller is not a page of the app');
      }
      const parsed = payloadSchema.safeParse(args);
      if (!parsed.success) {
        throw new IpcRequestError(channel, `invalid payload:\n${z.prettifyError(parsed.error)}`);
      }
      const result = await run(parsed.data as z.infer<(typeof APP_API_PAYLOAD_SCHEMAS)[M]>, event);
      return resultSchema.parse(result);
    });
  }

  register('getAppInfo', (_args, event) => handlers.getAppInfo(event));
  register('setLanguage', ([lang], event) => handlers.setLanguage(lang, event));
  register('saveFile', ([input], event) => handlers.saveFile(input, event));
  register('printToPdf', ([input], event) => handlers.printToPdf(input, event));
}

/** The sender of a print-window message: its frame (for the origin check) and its webContents id. */
export interface PrintEventLike extends InvokeEventLike {
  sender: { id: number };
}

/** The part of ipcMain the print window's channels use. */
export interface PrintRegistrar<E extends PrintEventLike> extends InvokeRegistrar<E> {
  on(channel: string, listener: (event: E, ...args: unknown[]) => void): void;
}

/**
 * The hidden print window's channels: its payload (only to the window it
 * was made for: any other sender gets an error) and its ready signal
 * (ignored from anyone else, and checked for shape).
 */
export function registerPrintWindowHandlers<E extends PrintEventLike>(
  ipc: PrintRegistrar<E>,
  printer: { payloadFor(id: number): unknown; ready(id: number, result: PrintReady): void },
  isTrustedSenderUrl: (url: string | undefined) => boolean = isAppUrl,
): void {
  ipc.handle(PRINT_CHANNELS.getPayload, (event) => {
    const payload = isTrustedSenderUrl(event.senderFrame?.url) ? printer.payloadFor(event.sender.id) : null;
    if (payload === null) throw new IpcRequestError(PRINT_CHANNELS.getPayload, 'refused: not a print window');
    return payload;
  });
  ipc.on(PRINT_CHANNELS.ready, (event, result) => {
    if (!isTrustedSenderUrl(event.senderFrame?.url)) return;
    const parsed = printReadySchema.safeParse(result);
    printer.ready(event.sender.id, parsed.success ? parsed.data : { ok: false, message: 'malformed ready signal' });
  });
}

const printReadySchema = z.strictObject({ ok: z.boolean(), message: z.string().max(2000).optional() });
