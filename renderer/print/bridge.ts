import { PRINT_MESSAGE, printPayloadSchema, type PrintPayload, type PrintReady } from '../../shared/api/print';

/** What Electron's print-window preload exposes (electron/print-preload.ts); absent in a browser. */
export interface PrintBridge {
  getPayload(): Promise<unknown>;
  ready(result: PrintReady): void;
}

declare global {
  interface Window {
    esepPrint?: PrintBridge;
  }
}

export interface ReceivedPayload {
  payload: PrintPayload;
  autoPrint: boolean;
}

/**
 * Waits for the page's payload: from main through the preload (Electron's
 * hidden print window), else from a window message of this origin (the
 * app's window that opened this one, or a test driving the page). Anything
 * that is not a valid payload is ignored (a message) or an error (main).
 */
export function receivePayload(win: Window = window): Promise<ReceivedPayload> {
  if (win.esepPrint) return win.esepPrint.getPayload().then((raw) => ({ payload: printPayloadSchema.parse(raw), autoPrint: false }));
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== win.location.origin) return;
      const data = event.data as { type?: unknown; payload?: unknown; autoPrint?: unknown } | null;
      if (data?.type !== PRINT_MESSAGE) return;
      const parsed = printPayloadSchema.safeParse(data.payload);
      if (!parsed.success) return;
      win.removeEventListener('message', onMessage);
      resolve({ payload: parsed.data, autoPrint: data.autoPrint === true });
    };
    win.addEventListener('message', onMessage);
    // Tell the opener (browser mode) that the page listens now.
    win.opener?.postMessage({ type: `${PRINT_MESSAGE}:listening` }, win.location.origin);
  });
}

/** Marks the page for whoever waits (main, a test, the sample script): `data-print-state` on <html>, and the bridge. */
export function signalReady(result: PrintReady, win: Window = window): void {
  win.document.documentElement.dataset.printState = result.ok ? 'ready' : 'error';
  if (!result.ok && result.message) win.document.documentElement.dataset.printError = result.message;
  win.esepPrint?.ready(result);
}
