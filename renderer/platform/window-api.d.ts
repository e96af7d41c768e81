import type { AppApi } from '../../shared/api/app-api';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser (use getApi()). */
    readonly api?: AppApi;
  }
}
