import path from 'node:path';
import { readFile } from 'node:fs/promises';
import type { CustomScheme } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-identity';

/**
 * The renderer is served from `app://backoffice/` rather than `file://`:
 * a standard, secure scheme gives the page a real, fixed origin (IndexedDB is
 * keyed by it), lets the CSP say 'self', and keeps file:// privileges away
 * from web content.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
};

/**
 * Sent with every response of the app scheme. The same policy is in a meta tag
 * in renderer/index.html so that browser mode is held to it too.
 * 'unsafe-inline' styles: Mantine and React set style attributes at run time.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

type PathApi = Pick<typeof path, 'resolve' | 'sep' | 'isAbsolute'>;

const INDEX_FILE = 'index.html';

/**
 * Maps an `app://backoffice/...` URL to a file under `rootDir`, or null when
 * the URL must not be served (another scheme or host, or any attempt to
 * leave the root). Extensionless paths that are not files fall back to
 * index.html, the single-page app's entry (the UI routes by hash anyway).
 *
 * Chromium normalizes `..` in standard-scheme URLs before we see them, but
 * this function does not rely on it: it rejects, after decoding once, any
 * `..` segment, backslash, NUL, drive letter or colon, and finally checks
 * that the resolved path is still inside the root. `pathApi` lets tests check
 * Windows path semantics on Linux.
 */
export function resolveAppUrl(url: string, rootDir: string, pathApi: PathApi = path): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST || parsed.port !== '') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;

  // Look at the raw path as well: encoded dots and slashes must not survive decoding into traversal.
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (/[\\\0:]/.test(decoded) || /[\\\0]/.test(parsed.pathname)) return null;
  if (/%(?:2e|2f|5c|00)/i.test(decoded)) return null; // double-encoded: no legitimate asset has these
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..')) return null;

  const relative = segments.length === 0 ? INDEX_FILE : segments.join('/');
  const lastSegment = segments.at(-1) ?? INDEX_FILE;
  const target = lastSegment.includes('.') ? relative : INDEX_FILE;

  const root = pathApi.resolve(rootDir);
  const resolved = pathApi.resolve(root, target);
  if (pathApi.isAbsolute(target) || !resolved.startsWith(root.endsWith(pathApi.sep) ? root : root + pathApi.sep)) return null;
  return resolved;
}

export type ReadFile = (filePath: string) => Promise<Uint8Array<ArrayBuffer>>;

function securityHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  });
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/**
 * The handler for `protocol.handle('app', …)`: reads the resolved file and
 * answers with its MIME type and the CSP; 404 for a missing file, 403 for a
 * refused URL, 405 for anything but GET/HEAD. Takes a Fetch `Request` and
 * returns a `Response`, so it runs unchanged in Node tests.
 */
export function createAppProtocolHandler(rootDir: string, read: ReadFile = readFile): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method Not Allowed');
    const filePath = resolveAppUrl(request.url, rootDir);
    if (filePath === null) return textResponse(403, 'Forbidden');
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await read(filePath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return textResponse(404, 'Not Found');
      throw error;
    }
    const headers = securityHeaders(mimeTypeFor(filePath));
    headers.set('Content-Length', String(body.byteLength));
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}
