import { productName, version } from '../../package.json';
import { printToPdfInputSchema, saveFileInputSchema, type AppApi } from '../../shared/api/app-api';
import { PRINT_MESSAGE, type PrintMessage, type PrintPayload } from '../../shared/api/print';
import { parseDemoSize } from '../../shared/api/demo-size';

/** What the browser AppApi needs from its surroundings; tests pass fakes. */
export interface BrowserEnvironment {
  /** `location.search`, e.g. `?demo=5000`. */
  search: string;
  platform: string;
  /** Hands a finished file to the browser's download machinery. */
  download(fileName: string, blob: Blob): void;
  /** Opens the print page for `payload` in a new tab and hands the payload over (openPrintTab). */
  openPrintTab(payload: PrintPayload): Promise<void>;
}

/**
 * AppApi for a plain browser (browser mode, end-to-end tests, the
 * benchmark): no menu, no dialogs. Files are downloads; the demo size comes
 * from the `?demo[=N]` query parameter. Payloads are validated with the same
 * schemas as in Electron so that a caller's mistake shows up in either shell.
 */
export function createBrowserApi(env: BrowserEnvironment): AppApi {
  const demoParam = new URLSearchParams(env.search).get('demo');
  const demoRequested = demoParam === null ? null : parseDemoSize(demoParam);
  return {
    getAppInfo: () => Promise.resolve({ name: productName, version, shell: 'browser', platform: env.platform, demoRequested }),
    // The browser has no application menu to translate.
    setLanguage: () => Promise.resolve(),
    onMenuCommand: () => () => {},
    saveFile: async (input) => {
      const { suggestedName, mimeType, data } = saveFileInputSchema.parse(input);
      // Copy bytes so that the Blob owns a plain ArrayBuffer, whatever buffer the caller's view sits on.
      const part: BlobPart = typeof data === 'string' ? data : new Uint8Array(data);
      env.download(suggestedName, new Blob([part], { type: mimeType }));
      return { saved: true };
    },
    printToPdf: async (input) => {
      const { payload } = printToPdfInputSchema.parse(input);
      await env.openPrintTab(payload);
      return { saved: true };
    },
  } satisfies AppApi;
}

/** Clicks a temporary `<a download>` for an object URL. */
export function downloadWithAnchor(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The print page's address next to the app's own page (./print.html in the built renderer). */
export function printPageUrl(appUrl: string): string {
  return new URL('print.html', appUrl.split('#')[0]).href;
}

/**
 * Browser mode's print: print.html in a new tab (it has the app's origin,
 * so it gets the payload by a window message once it says it listens), where
 * the browser's own print dialog prints or saves the PDF. Rejects when the
 * browser blocked the tab or it never answered.
 */
export function openPrintTab(payload: PrintPayload, win: Window = window, timeoutMs = 20_000): Promise<void> {
  const tab = win.open(printPageUrl(win.location.href), '_blank');
  if (!tab) return Promise.reject(new Error('the browser did not open the print tab (pop-ups blocked?)'));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      win.removeEventListener('message', onMessage);
      reject(new Error('the print tab did not answer'));
    }, timeoutMs);
    function onMessage(event: MessageEvent) {
      if (event.source !== tab || event.origin !== win.location.origin) return;
      if ((event.data as { type?: unknown } | null)?.type !== `${PRINT_MESSAGE}:listening`) return;
      win.removeEventListener('message', onMessage);
      clearTimeout(timer);
      const message: PrintMessage = { type: PRINT_MESSAGE, payload, autoPrint: true };
      tab!.postMessage(message, win.location.origin);
      resolve();
    }
    win.addEventListener('message', onMessage);
  });
}

export function currentBrowserEnvironment(): BrowserEnvironment {
  return { search: window.location.search, platform: navigator.platform, download: downloadWithAnchor, openPrintTab: (payload) => openPrintTab(payload) };
}
