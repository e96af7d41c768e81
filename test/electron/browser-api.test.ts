import { afterEach, describe, expect, it, vi } from 'vitest';
import pkg from '../../package.json';
import { createBrowserApi, printPageUrl, type BrowserEnvironment } from '../../renderer/platform/browser-api';
import { SAMPLE_INVOICE } from '../print/fixture';
import type { AppApi } from '../../shared/api/app-api';
import type { PrintPayload } from '../../shared/api/print';

// The browser AppApi lives in renderer/platform; it is tested here, next to the Electron one it stands in for.
function environment(search = ''): BrowserEnvironment & { downloads: Array<{ fileName: string; blob: Blob }>; printed: PrintPayload[] } {
  const downloads: Array<{ fileName: string; blob: Blob }> = [];
  const printed: PrintPayload[] = [];
  return {
    search,
    platform: 'Win32',
    downloads,
    printed,
    download: (fileName, blob) => void downloads.push({ fileName, blob }),
    openPrintTab: (payload) => {
      printed.push(payload);
      return Promise.resolve();
    },
  };
}

describe('createBrowserApi', () => {
  it('reports the browser shell with the package name and version', async () => {
    await expect(createBrowserApi(environment()).getAppInfo()).resolves.toEqual({
      name: pkg.productName,
      version: pkg.version,
      shell: 'browser',
      platform: 'Win32',
      demoRequested: null,
    });
  });

  it('reads the demo size from ?demo[=N]', async () => {
    const demo = async (search: string) => (await createBrowserApi(environment(search)).getAppInfo()).demoRequested;
    expect(await demo('?demo')).toBe(2000);
    expect(await demo('?demo=')).toBe(2000);
    expect(await demo('?demo=5000')).toBe(5000);
    expect(await demo('?lang=kk&demo=12')).toBe(12);
    expect(await demo('?demo=lots')).toBeNull();
    expect(await demo('?demos=5')).toBeNull();
  });

  it('saves files as downloads with the right name, type and bytes', async () => {
    const env = environment();
    const api = createBrowserApi(env);
    await expect(api.saveFile({ suggestedName: 'клиенттер.csv', mimeType: 'text/csv', data: '\uFEFFАты;Сомасы\n' })).resolves.toEqual({ saved: true });
    await api.saveFile({ suggestedName: 'report.pdf', mimeType: 'application/pdf', data: new Uint8Array([37, 80, 68, 70]) });
    expect(env.downloads.map((d) => [d.fileName, d.blob.type])).toEqual([
      ['клиенттер.csv', 'text/csv'],
      ['report.pdf', 'application/pdf'],
    ]);
    expect(new Uint8Array(await env.downloads[0]!.blob.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    // Blob.text() would drop the BOM; decode without stripping it.
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await env.downloads[0]!.blob.arrayBuffer())).toBe('\uFEFFАты;Сомасы\n');
    expect([...new Uint8Array(await env.downloads[1]!.blob.arrayBuffer())]).toEqual([37, 80, 68, 70]);
  });

  it('rejects the same bad input that Electron rejects, downloading nothing', async () => {
    const env = environment();
    await expect(createBrowserApi(env).saveFile({ suggestedName: '../x.csv', mimeType: 'text/csv', data: '' })).rejects.toThrow();
    expect(env.downloads).toEqual([]);
  });

  it('has no menu: setLanguage resolves and onMenuCommand returns an unsubscribe', async () => {
    const api = createBrowserApi(environment());
    await expect(api.setLanguage('ru')).resolves.toBeUndefined();
    const unsubscribe = api.onMenuCommand(() => {});
    expect(typeof unsubscribe).toBe('function');
    expect(() => unsubscribe()).not.toThrow();
  });
});

describe('getApi', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('returns window.api when the preload provided it', async () => {
    const electronApi = { getAppInfo: vi.fn() } as unknown as AppApi;
    vi.stubGlobal('window', { api: electronApi });
    const { getApi } = await import('../../renderer/platform');
    expect(getApi()).toBe(electronApi);
  });

  it('falls back to one browser implementation, reading the page URL', async () => {
    vi.stubGlobal('window', { location: { search: '?demo=300' } });
    vi.stubGlobal('navigator', { platform: 'Linux x86_64' });
    const { getApi } = await import('../../renderer/platform');
    expect(getApi()).toBe(getApi());
    await expect(getApi().getAppInfo()).resolves.toMatchObject({ shell: 'browser', platform: 'Linux x86_64', demoRequested: 300 });
  });
});

describe('printing in a browser', () => {
  it('validates the payload and hands it to a print tab', async () => {
    const env = environment();
    const api = createBrowserApi(env);
    const payload: PrintPayload = { kind: 'document', document: SAMPLE_INVOICE, language: 'kk-ru' };
    await expect(api.printToPdf({ payload, suggestedName: 'INV-2026-00007.kk-ru.pdf' })).resolves.toEqual({ saved: true });
    expect(env.printed).toEqual([payload]);
    await expect(api.printToPdf({ payload: { ...payload, language: 'en' as 'kk' }, suggestedName: 'x.pdf' })).rejects.toThrow();
    await expect(api.printToPdf({ payload, suggestedName: '../x.pdf' })).rejects.toThrow();
    expect(env.printed).toHaveLength(1);
  });

  it('the print page sits next to the app page, whatever route the app shows', () => {
    expect(printPageUrl('http://localhost:4173/index.html#/accounts/1?x=1')).toBe('http://localhost:4173/print.html');
    expect(printPageUrl('app://backoffice/index.html#/documents')).toBe('app://backoffice/print.html');
  });
});
