import path from 'node:path';
import os from 'node:os';
import vm from 'node:vm';
import { builtinModules } from 'node:module';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_API_CHANNELS, PRINT_CHANNELS } from '../../shared/api/channels';

// Builds main and preload with the real build script into a temporary folder
// and checks what the packaged app relies on: the bundles need nothing from
// node_modules (the installer ships none), and the preload runs where a
// sandboxed preload runs, with `require('electron')` and nothing else.
let outdir: string;
beforeAll(async () => {
  outdir = await mkdtemp(path.join(os.tmpdir(), 'esep-build-'));
  await promisify(execFile)(process.execPath, ['scripts/build-electron.mjs'], { env: { ...process.env, ESEP_ELECTRON_OUTDIR: outdir } });
}, 60_000);
afterAll(async () => {
  await rm(outdir, { recursive: true, force: true });
});

const requiredModules = (code: string) => [...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1] ?? '');

describe('scripts/build-electron.mjs', () => {
  it('bundles main so that it needs only electron and Node built-ins', async () => {
    const code = await readFile(path.join(outdir, 'main.cjs'), 'utf8');
    const required = requiredModules(code);
    expect(required).toContain('electron');
    const builtins = new Set(builtinModules);
    for (const id of required) expect(id === 'electron' || builtins.has(id.replace(/^node:/, '')), id).toBe(true);
    // The menu's locale files are inside the bundle.
    expect(code).toContain('Демо деректерді жүктеу');
  });

  it('bundles a preload that requires only electron and exposes exactly the AppApi', async () => {
    const code = await readFile(path.join(outdir, 'preload.cjs'), 'utf8');
    expect(requiredModules(code)).toEqual(['electron']);

    const exposed = new Map<string, Record<string, (...args: unknown[]) => unknown>>();
    const ipcRenderer = { invoke: vi.fn(() => Promise.resolve()), on: vi.fn(), removeListener: vi.fn() };
    const electron = { contextBridge: { exposeInMainWorld: (key: string, value: never) => exposed.set(key, value) }, ipcRenderer };
    const sandboxRequire = (id: string) => {
      if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`);
      return electron;
    };
    const module = { exports: {} };
    vm.runInNewContext(code, { require: sandboxRequire, module, exports: module.exports });

    const api = exposed.get('api');
    expect([...exposed.keys()]).toEqual(['api']);
    expect(Object.keys(api ?? {}).sort()).toEqual(['getAppInfo', 'onMenuCommand', 'printToPdf', 'saveFile', 'setLanguage']);
    await api?.setLanguage?.('ru');
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(APP_API_CHANNELS.setLanguage, 'ru');
  });

  it('bundles a print-window preload that requires only electron and exposes only esepPrint', async () => {
    const code = await readFile(path.join(outdir, 'print-preload.cjs'), 'utf8');
    expect(requiredModules(code)).toEqual(['electron']);
    const exposed = new Map<string, Record<string, (...args: unknown[]) => unknown>>();
    const ipcRenderer = { invoke: vi.fn(() => Promise.resolve()), send: vi.fn() };
    const electron = { contextBridge: { exposeInMainWorld: (key: string, value: never) => exposed.set(key, value) }, ipcRenderer };
    const module = { exports: {} };
    vm.runInNewContext(code, { require: () => electron, module, exports: module.exports });
    expect([...exposed.keys()]).toEqual(['esepPrint']);
    const bridge = exposed.get('esepPrint')!;
    expect(Object.keys(bridge).sort()).toEqual(['getPayload', 'ready']);
    await bridge.getPayload!();
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(PRINT_CHANNELS.getPayload);
    bridge.ready!({ ok: false, message: 'fonts', extra: 'dropped' });
    expect(ipcRenderer.send).toHaveBeenCalledWith(PRINT_CHANNELS.ready, { ok: false, message: 'fonts' });
  });
});
