import path from 'node:path';
import os from 'node:os';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_API_CHANNELS, PRINT_CHANNELS } from '../../shared/api/channels';
import kkMenu from '../../locales/kk/menu.json';
import ruMenu from '../../locales/ru/menu.json';

// main.ts is the thin edge that wires Electron into the tested modules. The
// Electron binary cannot run here, so this runs the BUILT main.cjs against a
// recording fake of the electron module and checks the wiring: order of the
// pre-ready calls, protocol, guards, IPC, menu, window.

let code: string;
let outdir: string;
beforeAll(async () => {
  outdir = await mkdtemp(path.join(os.tmpdir(), 'esep-main-'));
  await promisify(execFile)(process.execPath, ['scripts/build-electron.mjs'], { env: { ...process.env, ESEP_ELECTRON_OUTDIR: outdir } });
  code = await readFile(path.join(outdir, 'main.cjs'), 'utf8');
}, 60_000);
afterAll(async () => {
  await rm(outdir, { recursive: true, force: true });
});

function fakeElectron(options: { gotLock?: boolean } = {}) {
  const calls: string[] = [];
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  const ipcHandlers = new Map<string, (...args: unknown[]) => unknown>();
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  const windows: FakeWindow[] = [];
  const menus: unknown[] = [];
  const sessionGuards: string[] = [];

  class FakeWindow {
    readonly listeners = new Map<string, () => void>();
    readonly webContents = { on: vi.fn(), send: vi.fn() };
    loadedUrl: string | undefined;
    shown = false;
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      calls.push('new BrowserWindow');
      windows.push(this);
    }
    once(event: string, listener: () => void) {
      this.listeners.set(event, listener);
    }
    on(event: string, listener: () => void) {
      this.listeners.set(event, listener);
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    show() {
      this.shown = true;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus = vi.fn();
    static getAllWindows = () => windows;
    static fromWebContents = () => windows[0] ?? null;
  }

  const electron = {
    app: {
      isPackaged: false,
      enableSandbox: () => calls.push('enableSandbox'),
      getPath: (name: string) => `/home/u/.config-${name}`,
      setPath: (name: string, value: string) => calls.push(`setPath ${name}=${value}`),
      setAppUserModelId: (id: string) => calls.push(`setAppUserModelId ${id}`),
      requestSingleInstanceLock: () => options.gotLock ?? true,
      on: (event: string, listener: (...args: unknown[]) => void) => void appListeners.set(event, listener),
      whenReady: () => ready,
      isReady: () => true,
      quit: () => calls.push('quit'),
      exit: (code: number) => calls.push(`exit ${code}`),
      getVersion: () => '0.1.0',
      getLocale: () => 'ru-RU',
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: Array<{ scheme: string }>) => calls.push(`registerSchemesAsPrivileged ${schemes.map((s) => s.scheme).join()}`),
      handle: (scheme: string) => calls.push(`protocol.handle ${scheme}`),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => sessionGuards.push('permissionRequest'),
        setPermissionCheckHandler: () => sessionGuards.push('permissionCheck'),
        webRequest: { onBeforeRequest: () => sessionGuards.push('beforeRequest') },
      },
    },
    ipcMain: { handle: (channel: string, handler: (...args: unknown[]) => unknown) => void ipcHandlers.set(channel, handler), on: (channel: string, handler: (...args: unknown[]) => unknown) => void ipcHandlers.set(channel, handler) },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => void menus.push(menu),
    },
    BrowserWindow: FakeWindow,
    dialog: { showSaveDialog: vi.fn(), showMessageBox: vi.fn() },
  };

  const nodeRequire = createRequire(import.meta.url);
  const run = (argv: string[]) => {
    const module = { exports: {} };
    vm.runInNewContext(code, {
      require: (id: string) => (id === 'electron' ? electron : nodeRequire(id)),
      module,
      exports: module.exports,
      __dirname: '/opt/esep/resources/app.asar/dist/electron',
      process: { ...process, argv, platform: 'win32' },
      console,
      URL,
      Headers,
      Response,
    });
  };
  return { run, calls, appListeners, ipcHandlers, windows, menus, sessionGuards, ready: async () => { resolveReady(); await ready; await new Promise((r) => setTimeout(r, 0)); } };
}

describe('main.cjs wiring', () => {
  it('registers the scheme, the sandbox and the identity before ready', () => {
    const fake = fakeElectron();
    fake.run(['electron', '.']);
    expect(fake.calls).toEqual([
      'registerSchemesAsPrivileged app',
      'enableSandbox',
      'setPath userData=/home/u/.config-appData/Esep Back-office',
      'setAppUserModelId kz.esep.backoffice',
    ]);
    expect([...fake.appListeners.keys()]).toEqual(expect.arrayContaining(['second-instance', 'web-contents-created', 'window-all-closed']));
  });

  it('on ready: guards the session, serves app://, registers the bridge, builds the menu and opens the window', async () => {
    const fake = fakeElectron();
    fake.run(['electron', '.', '--demo=40', '--user-data-dir=/tmp/e2e']);
    expect(fake.calls).toContain('setPath userData=/tmp/e2e');
    await fake.ready();
    expect(fake.sessionGuards.sort()).toEqual(['beforeRequest', 'permissionCheck', 'permissionRequest']);
    expect(fake.calls).toContain('protocol.handle app');
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([APP_API_CHANNELS.getAppInfo, APP_API_CHANNELS.saveFile, APP_API_CHANNELS.setLanguage, APP_API_CHANNELS.printToPdf, PRINT_CHANNELS.getPayload, PRINT_CHANNELS.ready].sort());
    expect(fake.menus).toHaveLength(1);

    const [window] = fake.windows;
    expect(fake.windows).toHaveLength(1);
    expect(window?.loadedUrl).toBe('app://backoffice/index.html');
    expect(window?.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      preload: path.join('/opt/esep/resources/app.asar/dist/electron', 'preload.cjs'),
    });
    expect(window?.shown).toBe(false);
    window?.listeners.get('ready-to-show')?.();
    expect(window?.shown).toBe(true);

    const event = { senderFrame: { url: 'app://backoffice/index.html' }, sender: {} };
    expect(await fake.ipcHandlers.get(APP_API_CHANNELS.getAppInfo)?.(event)).toEqual({
      name: 'Esep Back-office',
      version: '0.1.0',
      shell: 'electron',
      platform: 'win32',
      demoRequested: 40,
    });
    await fake.ipcHandlers.get(APP_API_CHANNELS.setLanguage)?.(event, 'kk');
    expect(fake.menus).toHaveLength(2);
  });

  it('builds the first menu in the system language until the renderer reports its own', async () => {
    const fake = fakeElectron();
    fake.run(['electron', '.']);
    await fake.ready();
    const labels = (fake.menus[0] as Array<{ label: string }>).map((menu) => menu.label);
    expect(labels).toContain(ruMenu.sections.label);
    await fake.ipcHandlers.get(APP_API_CHANNELS.setLanguage)?.({ senderFrame: { url: 'app://backoffice/' }, sender: {} }, 'kk');
    expect((fake.menus[1] as Array<{ label: string }>).map((menu) => menu.label)).toContain(kkMenu.sections.label);
  });

  it('a second instance quits at once; the first one focuses its window', async () => {
    const second = fakeElectron({ gotLock: false });
    second.run(['electron', '.']);
    expect(second.calls).toContain('quit');
    expect(second.appListeners.has('second-instance')).toBe(false);

    const first = fakeElectron();
    first.run(['electron', '.']);
    await first.ready();
    expect(first.calls).not.toContain('quit');
    first.appListeners.get('second-instance')?.();
    expect(first.windows[0]?.focus).toHaveBeenCalledTimes(1);
  });
});
