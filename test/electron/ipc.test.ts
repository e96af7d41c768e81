import { describe, expect, it, vi } from 'vitest';
import { registerAppApiHandlers, type AppApiHandlers, type InvokeEventLike } from '../../electron/ipc';
import { APP_API_CHANNELS } from '../../shared/api/channels';
import type { AppInfo } from '../../shared/api/app-api';

type Handler = (event: InvokeEventLike, ...args: unknown[]) => unknown;

const APP_INFO: AppInfo = { name: 'Esep Back-office', version: '0.1.0', shell: 'electron', platform: 'win32', demoRequested: null };
const fromApp: InvokeEventLike = { senderFrame: { url: 'app://backoffice/index.html#/accounts' } };

function setUp(overrides: Partial<AppApiHandlers<InvokeEventLike>> = {}) {
  const registered = new Map<string, Handler>();
  const ipc = { handle: (channel: string, listener: Handler) => void registered.set(channel, listener) };
  const handlers = {
    getAppInfo: vi.fn(() => APP_INFO),
    setLanguage: vi.fn(() => {}),
    saveFile: vi.fn(() => Promise.resolve({ saved: true, path: 'C:\\Users\\a\\Documents\\report.pdf' })),
    printToPdf: vi.fn(() => Promise.resolve({ saved: false })),
    ...overrides,
  };
  registerAppApiHandlers(ipc, handlers);
  const invoke = (channel: string, event: InvokeEventLike, ...args: unknown[]) => {
    const handler = registered.get(channel);
    if (!handler) throw new Error(`nothing registered on ${channel}`);
    return Promise.resolve().then(() => handler(event, ...args));
  };
  return { registered, handlers, invoke };
}

describe('registerAppApiHandlers', () => {
  it('registers exactly one handler per invoke-style AppApi method, on its own channel', () => {
    const { registered } = setUp();
    expect([...registered.keys()].sort()).toEqual(
      [APP_API_CHANNELS.getAppInfo, APP_API_CHANNELS.saveFile, APP_API_CHANNELS.setLanguage, APP_API_CHANNELS.printToPdf].sort(),
    );
    expect(new Set(Object.values(APP_API_CHANNELS)).size).toBe(Object.keys(APP_API_CHANNELS).length);
  });

  it('passes a valid payload to the handler and returns its result', async () => {
    const { handlers, invoke } = setUp();
    await expect(invoke(APP_API_CHANNELS.getAppInfo, fromApp)).resolves.toEqual(APP_INFO);
    await expect(invoke(APP_API_CHANNELS.setLanguage, fromApp, 'ru')).resolves.toBeUndefined();
    expect(handlers.setLanguage).toHaveBeenCalledWith('ru', fromApp);

    const input = { suggestedName: 'есеп-2025-03.pdf', mimeType: 'application/pdf', data: new Uint8Array([37, 80, 68, 70]) };
    await expect(invoke(APP_API_CHANNELS.saveFile, fromApp, input)).resolves.toEqual({ saved: true, path: 'C:\\Users\\a\\Documents\\report.pdf' });
    expect(handlers.saveFile).toHaveBeenCalledWith(input, fromApp);
  });

  const badPayloads: Array<[string, string, unknown[]]> = [
    ['an unknown language', APP_API_CHANNELS.setLanguage, ['en']],
    ['no language', APP_API_CHANNELS.setLanguage, []],
    ['an extra argument', APP_API_CHANNELS.setLanguage, ['kk', 'ru']],
    ['arguments to getAppInfo', APP_API_CHANNELS.getAppInfo, [{ sneaky: true }]],
    ['a path in the file name', APP_API_CHANNELS.saveFile, [{ suggestedName: '..\\..\\Windows\\evil.dll', mimeType: 'application/pdf', data: 'x' }]],
    ['a folder in the file name', APP_API_CHANNELS.saveFile, [{ suggestedName: 'backups/b.json', mimeType: 'application/json', data: '{}' }]],
    ['an empty file name', APP_API_CHANNELS.saveFile, [{ suggestedName: '', mimeType: 'text/csv', data: 'a;b' }]],
    ['a bad MIME type', APP_API_CHANNELS.saveFile, [{ suggestedName: 'a.csv', mimeType: 'csv', data: 'a;b' }]],
    ['data that is neither text nor bytes', APP_API_CHANNELS.saveFile, [{ suggestedName: 'a.csv', mimeType: 'text/csv', data: 42 }]],
    ['an unknown field', APP_API_CHANNELS.saveFile, [{ suggestedName: 'a.csv', mimeType: 'text/csv', data: 'x', path: 'C:\\x' }]],
    ['no payload', APP_API_CHANNELS.saveFile, []],
  ];
  it.each(badPayloads)('rejects %s with a clear error, without calling the handler', async (_name, channel, args) => {
    const { handlers, invoke } = setUp();
    await expect(invoke(channel, fromApp, ...args)).rejects.toThrow(new RegExp(`^${channel}: invalid payload`));
    expect(handlers.getAppInfo).not.toHaveBeenCalled();
    expect(handlers.setLanguage).not.toHaveBeenCalled();
    expect(handlers.saveFile).not.toHaveBeenCalled();
  });

  it('refuses calls from frames that are not the app', async () => {
    const { handlers, invoke } = setUp();
    for (const event of [{ senderFrame: { url: 'https://example.com/' } }, { senderFrame: null }, { senderFrame: { url: 'file:///C:/x.html' } }]) {
      await expect(invoke(APP_API_CHANNELS.setLanguage, event, 'kk')).rejects.toThrow(/refused/);
    }
    expect(handlers.setLanguage).not.toHaveBeenCalled();
  });

  it('checks results too: a malformed result never reaches the renderer', async () => {
    const { invoke } = setUp({ getAppInfo: () => ({ ...APP_INFO, demoRequested: -1 }) });
    await expect(invoke(APP_API_CHANNELS.getAppInfo, fromApp)).rejects.toThrow();
  });
});
