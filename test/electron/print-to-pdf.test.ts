import { describe, expect, it, vi } from 'vitest';
import { registerPrintWindowHandlers, type PrintEventLike } from '../../electron/ipc';
import { createPrintToPdf, PrintError, type PrintWindowLike } from '../../electron/print-to-pdf';
import { PRINT_CHANNELS } from '../../shared/api/channels';
import type { PrintPayload, PrintReady } from '../../shared/api/print';
import { SAMPLE_INVOICE } from '../print/fixture';

const PAYLOAD: PrintPayload = { kind: 'document', document: SAMPLE_INVOICE, language: 'ru' };
const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

/** A hidden window whose page "loads" and then answers as `page` says (or never). */
function setUp(page: { answer?: PrintReady | 'never' } = {}, saved = { saved: true, path: 'C:\\Docs\\INV.pdf' }) {
  let nextId = 10;
  const windows: (PrintWindowLike & { destroyed: boolean; printed: unknown[] })[] = [];
  const saveFile = vi.fn(() => Promise.resolve(saved));
  // eslint-disable-next-line prefer-const -- assigned after the printer it refers to is made
  let printer: ReturnType<typeof createPrintToPdf<string>>;
  const createWindow = () => {
    const id = (nextId += 1);
    const window = {
      destroyed: false,
      printed: [] as unknown[],
      webContents: {
        id,
        printToPDF: (options: unknown) => {
          window.printed.push(options);
          return Promise.resolve(PDF);
        },
      },
      loadURL: async (url: string) => {
        expect(url).toBe('app://backoffice/print.html');
        // The page asks for its payload, lays it out, then says it is ready.
        expect(printer.payloadFor(id)).toEqual(PAYLOAD);
        const answer = page.answer;
        if (answer !== 'never') setTimeout(() => printer.ready(id, answer ?? { ok: true }), 5);
      },
      destroy: () => void (window.destroyed = true),
      isDestroyed: () => window.destroyed,
    };
    windows.push(window);
    return window;
  };
  printer = createPrintToPdf<string>({ createWindow, printUrl: 'app://backoffice/print.html', timeoutMs: 200, saveFile });
  return { printer, windows, saveFile };
}

describe('printToPdf in main', () => {
  it('prints the ready page to A4 PDF, closes the window, then saves through the dialog of the calling window', async () => {
    const { printer, windows, saveFile } = setUp();
    await expect(printer.printToPdf({ payload: PAYLOAD, suggestedName: 'INV-2026-00007.ru.pdf' }, 'main-window')).resolves.toEqual({ saved: true, path: 'C:\\Docs\\INV.pdf' });
    expect(windows[0]!.printed).toEqual([{ pageSize: 'A4', printBackground: true, preferCSSPageSize: true }]);
    expect(windows[0]!.destroyed).toBe(true);
    expect(saveFile).toHaveBeenCalledWith({ suggestedName: 'INV-2026-00007.ru.pdf', mimeType: 'application/pdf', data: PDF }, 'main-window');
    // The job is gone: the closed window's id no longer gets a payload.
    expect(printer.payloadFor(windows[0]!.webContents.id)).toBeNull();
  });

  it('a page that never says it is ready times out; the window is closed and nothing is saved', async () => {
    const { printer, windows, saveFile } = setUp({ answer: 'never' });
    await expect(printer.printToPdf({ payload: PAYLOAD, suggestedName: 'x.pdf' }, 'w')).rejects.toThrow(PrintError);
    expect(windows[0]!.destroyed).toBe(true);
    expect(windows[0]!.printed).toEqual([]);
    expect(saveFile).not.toHaveBeenCalled();
  });

  it('a page that failed (fonts did not load) is an error with its message', async () => {
    const { printer, windows } = setUp({ answer: { ok: false, message: 'fonts or images not ready' } });
    await expect(printer.printToPdf({ payload: PAYLOAD, suggestedName: 'x.pdf' }, 'w')).rejects.toThrow('fonts or images not ready');
    expect(windows[0]!.destroyed).toBe(true);
  });

  it('a cancelled save dialog is "not saved"', async () => {
    const { printer } = setUp({}, { saved: false } as never);
    await expect(printer.printToPdf({ payload: PAYLOAD, suggestedName: 'x.pdf' }, 'w')).resolves.toEqual({ saved: false });
  });
});

describe('the print window channels', () => {
  function registrar() {
    const handlers = new Map<string, (event: PrintEventLike, ...args: unknown[]) => unknown>();
    return {
      handlers,
      ipc: {
        handle: (channel: string, listener: (event: PrintEventLike, ...args: unknown[]) => unknown) => void handlers.set(channel, listener),
        on: (channel: string, listener: (event: PrintEventLike, ...args: unknown[]) => void) => void handlers.set(channel, listener),
      },
    };
  }
  const from = (id: number, url = 'app://backoffice/print.html'): PrintEventLike => ({ sender: { id }, senderFrame: { url } });

  it('gives the payload only to the window it was made for, from the app origin', () => {
    const { ipc, handlers } = registrar();
    const printer = { payloadFor: (id: number) => (id === 11 ? PAYLOAD : null), ready: vi.fn() };
    registerPrintWindowHandlers(ipc, printer);
    const get = handlers.get(PRINT_CHANNELS.getPayload)!;
    expect(get(from(11))).toEqual(PAYLOAD);
    expect(() => get(from(12))).toThrow('not a print window');
    expect(() => get(from(11, 'https://example.com/'))).toThrow('not a print window');
  });

  it('passes a well-formed ready signal on and turns a malformed one into a failure', () => {
    const { ipc, handlers } = registrar();
    const printer = { payloadFor: () => null, ready: vi.fn() };
    registerPrintWindowHandlers(ipc, printer);
    const ready = handlers.get(PRINT_CHANNELS.ready)!;
    ready(from(11), { ok: true });
    ready(from(11), { ok: 'yes', extra: 1 });
    ready(from(11, 'https://example.com/'), { ok: true });
    expect(printer.ready.mock.calls).toEqual([
      [11, { ok: true }],
      [11, { ok: false, message: 'malformed ready signal' }],
    ]);
  });
});
