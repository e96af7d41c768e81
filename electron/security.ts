import { APP_HOST, APP_SCHEME } from './app-identity';

/** True for URLs of the app's own origin, `app://backoffice/…`. */
export function isAppUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string') return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

// devtools: is the DevTools front end (development only); data: and blob: never leave the process.
const LOCAL_SCHEMES = new Set(['devtools:', 'data:', 'blob:']);

/**
 * The whole network policy of the app: a request may only go to the app's
 * own origin or to in-memory URLs. No request ever leaves the machine: no
 * fonts, no telemetry, no update checks, no links opened by accident.
 */
export function isAllowedRequestUrl(url: string): boolean {
  if (isAppUrl(url)) return true;
  try {
    return LOCAL_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

interface PreventableEvent {
  preventDefault(): void;
}

/** The part of Electron's WebContents that the guards use; a fake in tests. */
export interface GuardableWebContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Keeps a page on the app's origin: navigation and redirects elsewhere are
 * cancelled, window.open and target=_blank links open nothing, webviews are
 * refused. Installed on every webContents ('web-contents-created').
 */
export function guardWebContents(contents: GuardableWebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The part of Electron's Session that the guards use; a fake in tests. */
export interface GuardableSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void): void;
  };
}

/**
 * The one permission the app asks for: keeping IndexedDB safe from eviction
 * under disk pressure (`navigator.storage.persist()`), where Chromium routes
 * it through the permission handlers.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['persistent-storage']);

/**
 * Denies every other permission (camera, notifications, geolocation,
 * clipboard read, …: the app needs none) and cancels every request that is
 * not local.
 */
export function guardSession(session: GuardableSession): void {
  session.setPermissionRequestHandler((_webContents, permission, callback) => callback(ALLOWED_PERMISSIONS.has(permission)));
  session.setPermissionCheckHandler((_webContents, permission) => ALLOWED_PERMISSIONS.has(permission));
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url);
    if (!allowed) console.warn(`Blocked a request that would leave the machine: ${details.url}`);
    callback({ cancel: !allowed });
  });
}
