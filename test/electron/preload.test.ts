import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppApi, MenuCommand } from '../../shared/api/app-api';
import { APP_API_CHANNELS } from '../../shared/api/channels';
import { SAMPLE_INVOICE } from '../print/fixture';

// The preload is one of the two files that import electron; fake just the objects it touches.
const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    exposed: new Map<string, unknown>(),
    listeners,
    ipcRenderer: {
      invoke: vi.fn((..._args: unknown[]) => Promise.resolve('result')),
      on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)?.add(listener);
      }),
      removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        listeners.get(channel)?.delete(listener);
      }),
    },
  };
});
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value) },
  ipcRenderer: electron.ipcRenderer,
}));

let api: AppApi;
beforeAll(async () => {
  await import('../../electron/preload');
  api = electron.exposed.get('api') as AppApi;
});

describe('preload', () => {
  it('exposes only `api`, with exactly the AppApi methods', () => {
    expect([...electron.exposed.keys()]).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual(['getAppInfo', 'onMenuCommand', 'printToPdf', 'saveFile', 'setLanguage']);
  });

  it('forwards each call on its own channel', async () => {
    await api.getAppInfo();
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(APP_API_CHANNELS.getAppInfo);
    await api.setLanguage('kk');
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(APP_API_CHANNELS.setLanguage, 'kk');
    const input = { suggestedName: 'a.csv', mimeType: 'text/csv', data: 'a;b' };
    await api.saveFile(input);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(APP_API_CHANNELS.saveFile, input);
    const print = { payload: { kind: 'document' as const, document: SAMPLE_INVOICE, language: 'kk' as const }, suggestedName: 'INV-2026-00007.kk.pdf' };
    await api.printToPdf(print);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(APP_API_CHANNELS.printToPdf, print);
  });

  it('delivers menu commands without the IPC event, and unsubscribes', () => {
    const received: unknown[][] = [];
    const unsubscribe = api.onMenuCommand((...args) => received.push(args));
    const emit = (cmd: MenuCommand) => {
      for (const listener of electron.listeners.get(APP_API_CHANNELS.onMenuCommand) ?? []) listener({ sender: 'ipc event' }, cmd);
    };
    emit({ type: 'navigate', section: 'ledger' });
    expect(received).toEqual([[{ type: 'navigate', section: 'ledger' }]]);
    unsubscribe();
    emit({ type: 'loadDemoData' });
    expect(received).toHaveLength(1);
    expect(electron.listeners.get(APP_API_CHANNELS.onMenuCommand)?.size).toBe(0);
  });
});
