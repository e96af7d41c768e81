// Prints payloads through renderer/print.html in headless Chromium: the path
// `npm run reports:sample`, the PDF tests and the bench share (docs/printing.md).
import { build } from 'esbuild';
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const rendererDir = path.join(root, 'dist', 'renderer');

/** Builds the renderer unless dist/renderer already has the print page (CI builds it before the tests). */
export function ensureRenderer({ rebuild = false } = {}) {
  if (!rebuild && existsSync(path.join(rendererDir, 'print.html'))) return;
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}

/** Bundles the TypeScript dataset module (the real core) for Node and imports it. */
export async function loadDataset() {
  // Inside node_modules, so that the bundle's own imports (dexie, zod …) resolve from the project.
  const dir = path.join(root, 'node_modules', '.cache', 'esep-sample');
  mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, `dataset-${process.pid}-${Date.now()}.mjs`);
  await build({
    absWorkingDir: root,
    entryPoints: ['scripts/sample/dataset.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    await rm(outfile, { force: true });
  }
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.png': 'image/png', '.svg': 'image/svg+xml', '.json': 'application/json', '.map': 'application/json' };

/** Serves dist/renderer on a free port of 127.0.0.1 (nothing else is reachable). */
export async function serveRenderer() {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = path.join(rendererDir, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ''));
    if (!file.startsWith(rendererDir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

export async function launchChromium() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
}

/**
 * Renders one payload in a fresh page and prints it to `file`. Returns the
 * milliseconds from handing over the payload to the PDF written.
 */
export async function printPayload(browser, base, payload, file) {
  const page = await browser.newPage();
  try {
    await page.goto(`${base}/print.html`);
    const started = performance.now();
    await page.evaluate(({ payload }) => window.postMessage({ type: 'esep:print', payload, autoPrint: false }, window.location.origin), { payload });
    await page.waitForFunction(() => document.documentElement.dataset.printState !== undefined, null, { timeout: 30_000 });
    const state = await page.evaluate(() => [document.documentElement.dataset.printState, document.documentElement.dataset.printError]);
    if (state[0] !== 'ready') throw new Error(`print page failed: ${state[1] ?? 'unknown error'}`);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await writeFile(file, pdf);
    return performance.now() - started;
  } finally {
    await page.close();
  }
}
