import path from 'node:path';
import os from 'node:os';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  createAppProtocolHandler,
  mimeTypeFor,
  resolveAppUrl,
} from '../../electron/protocol';

const ROOT = '/srv/esep/dist/renderer';
const inside = (root: string, file: string | null, api: typeof path.posix = path.posix): boolean =>
  file !== null && file.startsWith(api.resolve(root) + api.sep);

describe('resolveAppUrl', () => {
  it('maps app URLs to files under the root', () => {
    expect(resolveAppUrl('app://backoffice/index.html', ROOT)).toBe(`${ROOT}/index.html`);
    expect(resolveAppUrl('app://backoffice/assets/index-3f2a.js', ROOT)).toBe(`${ROOT}/assets/index-3f2a.js`);
    expect(resolveAppUrl('app://backoffice/assets/noto-sans-cyrillic-ext-400.woff2?v=1#x', ROOT)).toBe(
      `${ROOT}/assets/noto-sans-cyrillic-ext-400.woff2`,
    );
    expect(resolveAppUrl('app://backoffice/assets/%D1%88%D1%80%D0%B8%D1%84%D1%82.woff2', ROOT)).toBe(`${ROOT}/assets/шрифт.woff2`);
  });

  it('serves index.html for the root and for extensionless routes (SPA fallback)', () => {
    expect(resolveAppUrl('app://backoffice/', ROOT)).toBe(`${ROOT}/index.html`);
    expect(resolveAppUrl('app://backoffice', ROOT)).toBe(`${ROOT}/index.html`);
    expect(resolveAppUrl('app://backoffice/accounts', ROOT)).toBe(`${ROOT}/index.html`);
    expect(resolveAppUrl('app://backoffice/reports/monthly/', ROOT)).toBe(`${ROOT}/index.html`);
    expect(resolveAppUrl('app://backoffice/index.html#/accounts/42', ROOT)).toBe(`${ROOT}/index.html`);
  });

  // Each of these must be refused outright.
  const refused: Array<[string, string]> = [
    ['encoded slashes around ..', 'app://backoffice/..%2f..%2f..%2fetc%2fpasswd'],
    ['encoded dots and slashes', 'app://backoffice/%2e%2e%2f%2e%2e%2fetc%2fpasswd.txt'],
    ['double-encoded dots', 'app://backoffice/%252e%252e/%252e%252e/etc/passwd.txt'],
    ['double-encoded slash', 'app://backoffice/assets%252f..%252f..%252fsecret.txt'],
    ['raw backslashes', 'app://backoffice/..\\..\\windows\\win.ini'],
    ['encoded backslashes', 'app://backoffice/%5c..%5c..%5cwindows%5cwin.ini'],
    ['mixed encoded backslash and dots', 'app://backoffice/assets/..%5C..%5C..%5Cboot.ini'],
    ['null byte', 'app://backoffice/index.html%00.png'],
    ['raw drive letter', 'app://backoffice/C:/Windows/win.ini'],
    ['encoded drive letter', 'app://backoffice/C%3A%5CWindows%5Cwin.ini'],
    ['UNC path', 'app://backoffice/%5c%5cserver%5cshare%5cfile.txt'],
    ['malformed escape', 'app://backoffice/%E0%A4%A.js'],
    ['another host', 'app://evil/index.html'],
    ['a port', 'app://backoffice:8080/index.html'],
    ['credentials', 'app://user:secret@backoffice/index.html'],
    ['file scheme', 'file:///etc/passwd'],
    ['https', 'https://backoffice/index.html'],
    ['not a URL', '../../etc/passwd'],
    ['empty', ''],
  ];
  it.each(refused)('refuses %s', (_name, url) => {
    expect(resolveAppUrl(url, ROOT)).toBeNull();
  });

  // The URL parser (and Chromium before it) resolves these dot segments; whatever remains must stay inside the root.
  const normalized = [
    'app://backoffice/../../etc/passwd',
    'app://backoffice/%2e%2e/%2e%2e/etc/passwd.txt',
    'app://backoffice/.%2e/.%2E/secret.txt',
    'app://backoffice//etc/passwd.txt',
    'app://backoffice/assets/../../../../root/.ssh/id_rsa.pub',
  ];
  it.each(normalized)('keeps %s inside the root', (url) => {
    expect(inside(ROOT, resolveAppUrl(url, ROOT))).toBe(true);
  });

  it('follows Windows path rules with path.win32', () => {
    const root = 'C:\\Program Files\\Esep\\resources\\app.asar\\dist\\renderer';
    expect(resolveAppUrl('app://backoffice/assets/app.js', root, path.win32)).toBe(`${root}\\assets\\app.js`);
    expect(resolveAppUrl('app://backoffice/..%5c..%5cwin.ini', root, path.win32)).toBeNull();
    expect(resolveAppUrl('app://backoffice/D:%5cdata.txt', root, path.win32)).toBeNull();
  });

  it('never resolves outside the root, whatever the path (property)', () => {
    const segment = fc.constantFrom('..', '.', '%2e%2e', '%2E.', '%2f', '%5c', '\\', ':', 'C:', '%00', '%25', 'a.txt', 'assets', 'x', '');
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), fc.constantFrom(path.posix, path.win32), (segments, api) => {
        const root = api === path.win32 ? 'C:\\app\\dist\\renderer' : ROOT;
        const result = resolveAppUrl(`app://backoffice/${segments.join('/')}`, root, api);
        return result === null || inside(root, result, api);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the app scheme', () => {
  it('is privileged as a standard, secure scheme with fetch and streaming', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true, stream: true }),
    });
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP', true);
  });

  it('has a strict CSP: nothing from outside, no plugins, no framing', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('knows the MIME types of the built renderer', () => {
    expect(mimeTypeFor('/a/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('/a/assets/app.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/a/assets/app.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('/a/assets/font.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('/a/assets/logo.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('/a/unknown.bin')).toBe('application/octet-stream');
  });
});

describe('createAppProtocolHandler', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'esep-protocol-'));
    await mkdir(path.join(root, 'assets'));
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Esep</title>');
    await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(path.dirname(root), `${path.basename(root)}-secret.txt`), 'secret');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(path.join(path.dirname(root), `${path.basename(root)}-secret.txt`), { force: true });
  });

  const get = (url: string, method = 'GET') => createAppProtocolHandler(root)(new Request(url, { method }));

  it('serves index.html with its MIME type and the CSP', async () => {
    const response = await get('app://backoffice/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Esep</title>');
  });

  it('serves assets', async () => {
    const response = await get('app://backoffice/assets/app.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('falls back to index.html for routes', async () => {
    const response = await get('app://backoffice/accounts');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Esep</title>');
  });

  it('answers 404 with the CSP for a missing file', async () => {
    const response = await get('app://backoffice/assets/missing.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers 403 with the CSP for a traversal attempt, without reading the file next door', async () => {
    const response = await get(`app://backoffice/..%2f${path.basename(root)}-secret.txt`);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).not.toContain('secret');
  });

  it('answers 405 to anything but GET and HEAD; HEAD has no body', async () => {
    expect((await get('app://backoffice/index.html', 'POST')).status).toBe(405);
    const head = await get('app://backoffice/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('does not hide read errors other than a missing file', async () => {
    const failing = createAppProtocolHandler('/r', () => Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' })));
    await expect(failing(new Request('app://backoffice/index.html'))).rejects.toThrow('EACCES');
  });
});
