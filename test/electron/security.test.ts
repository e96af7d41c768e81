import { describe, expect, it, vi } from 'vitest';
import { guardSession, guardWebContents, isAllowedRequestUrl, isAppUrl, type GuardableSession, type GuardableWebContents } from '../../electron/security';

type Listener = (event: { preventDefault(): void }, url?: string) => void;

function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      openHandler = handler;
    },
  };
  /** Fires an event and tells whether the listener prevented it. */
  const fire = (event: string, url?: string): boolean => {
    const listener = listeners.get(event);
    if (!listener) throw new Error(`no listener for ${event}`);
    const preventDefault = vi.fn();
    listener({ preventDefault }, url);
    return preventDefault.mock.calls.length > 0;
  };
  return { contents: contents as GuardableWebContents, fire, open: (url: string) => openHandler?.({ url }) };
}

function fakeSession() {
  const captured: {
    request?: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void;
    check?: (wc: unknown, permission: string) => boolean;
    beforeRequest?: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;
  } = {};
  const session: GuardableSession = {
    setPermissionRequestHandler: (handler) => void (captured.request = handler),
    setPermissionCheckHandler: (handler) => void (captured.check = handler),
    webRequest: { onBeforeRequest: (listener) => void (captured.beforeRequest = listener) },
  };
  /** Runs a request through the guard; true when it is cancelled. */
  const cancelled = (url: string): boolean => {
    const callback = vi.fn();
    captured.beforeRequest?.({ url }, callback);
    expect(callback).toHaveBeenCalledTimes(1);
    return callback.mock.calls[0]?.[0].cancel === true;
  };
  return { session, captured, cancelled };
}

describe('guardWebContents', () => {
  it('prevents navigation away from the app origin', () => {
    const { contents, fire } = fakeWebContents();
    guardWebContents(contents);
    expect(fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(fire('will-navigate', 'file:///C:/Windows/win.ini')).toBe(true);
    expect(fire('will-navigate', 'app://evil/index.html')).toBe(true);
    expect(fire('will-navigate', 'javascript:alert(1)')).toBe(true);
  });

  it('lets the app navigate within its own origin', () => {
    const { contents, fire } = fakeWebContents();
    guardWebContents(contents);
    expect(fire('will-navigate', 'app://backoffice/index.html')).toBe(false);
    expect(fire('will-navigate', 'app://backoffice/index.html#/ledger')).toBe(false);
  });

  it('prevents redirects elsewhere and refuses webviews', () => {
    const { contents, fire } = fakeWebContents();
    guardWebContents(contents);
    expect(fire('will-redirect', 'https://example.com/')).toBe(true);
    expect(fire('will-redirect', 'app://backoffice/index.html')).toBe(false);
    expect(fire('will-attach-webview')).toBe(true);
  });

  it('denies window.open and target=_blank, even to the app itself', () => {
    const { contents, open } = fakeWebContents();
    guardWebContents(contents);
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    expect(open('app://backoffice/index.html')).toEqual({ action: 'deny' });
  });
});

describe('guardSession', () => {
  it('denies every other permission request and check', () => {
    const { session, captured } = fakeSession();
    guardSession(session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      captured.request?.({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(captured.check?.({}, permission), permission).toBe(false);
    }
  });

  it('grants only persistent storage, so the books are not evicted under disk pressure', () => {
    const { session, captured } = fakeSession();
    guardSession(session);
    const callback = vi.fn();
    captured.request?.({}, 'persistent-storage', callback);
    expect(callback).toHaveBeenCalledWith(true);
    expect(captured.check?.({}, 'persistent-storage')).toBe(true);
  });

  it('cancels every request that would leave the machine', () => {
    const { session, cancelled } = fakeSession();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    guardSession(session);
    for (const url of ['https://example.com/', 'http://localhost:4173/', 'https://fonts.googleapis.com/css2?family=Noto+Sans', 'ws://10.0.0.1/', 'file:///etc/passwd', 'ftp://x/', 'app://evil/x.js']) {
      expect(cancelled(url), url).toBe(true);
    }
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('lets app:, devtools:, data: and blob: requests through', () => {
    const { session, cancelled } = fakeSession();
    guardSession(session);
    for (const url of ['app://backoffice/index.html', 'app://backoffice/assets/font.woff2', 'devtools://devtools/bundled/inspector.html', 'data:image/png;base64,AAAA', 'blob:app://backoffice/3f1c-42']) {
      expect(cancelled(url), url).toBe(false);
    }
  });
});

describe('isAppUrl / isAllowedRequestUrl', () => {
  it('recognizes only the app origin', () => {
    expect(isAppUrl('app://backoffice/')).toBe(true);
    expect(isAppUrl('app://backoffice.evil/')).toBe(false);
    expect(isAppUrl('apps://backoffice/')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAllowedRequestUrl('not a url')).toBe(false);
  });
});
