import type { AppApi } from '../../shared/api/app-api';
import { createBrowserApi, currentBrowserEnvironment } from './browser-api';

export type { AppApi, AppInfo, Language, MenuCommand, SaveFileInput, SaveFileResult, Section } from '../../shared/api/app-api';
export { SECTIONS, LANGUAGES } from '../../shared/api/app-api';

let browserApi: AppApi | undefined;

/**
 * The desktop bridge: `window.api` from the Electron preload, or the browser
 * implementation (created once) when the renderer runs in a plain browser.
 */
export function getApi(): AppApi {
  if (window.api) return window.api;
  browserApi ??= createBrowserApi(currentBrowserEnvironment());
  return browserApi;
}
