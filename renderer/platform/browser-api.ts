import { productName, version } from '../../package.json';
import { saveFileInputSchema, type AppApi } from '../../shared/api/app-api';
import { parseDemoSize } from '../../shared/api/demo-size';

/** What the browser AppApi needs from its surroundings; tests pass fakes. */
export interface BrowserEnvironment {
  /** `location.search`, e.g. `?demo=5000`. */
  search: string;
  platform: string;
  /** Hands a finished file to the browser's download machinery. */
  download(fileName: string, blob: Blob): void;
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

export function currentBrowserEnvironment(): BrowserEnvironment {
  return { search: window.location.search, platform: navigator.platform, download: downloadWithAnchor };
}
