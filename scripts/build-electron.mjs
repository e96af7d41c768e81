// Bundles the Electron main process and preload with esbuild:
//   electron/main.ts    → dist/electron/main.cjs
//   electron/preload.ts → dist/electron/preload.cjs
//   electron/print-preload.ts → dist/electron/print-preload.cjs (the hidden print window's)
// CommonJS because a sandboxed preload cannot load ES modules; `electron` stays
// external (the runtime provides it); JSON (the menu's locale files) is bundled.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// ESEP_ELECTRON_OUTDIR lets tests build into a temporary folder.
const outdir = path.resolve(root, process.env.ESEP_ELECTRON_OUTDIR ?? path.join('dist', 'electron'));
const production = process.env.NODE_ENV === 'production';

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  external: ['electron'],
  sourcemap: true,
  minify: production,
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'warning',
  metafile: true,
  define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
};

await rm(outdir, { recursive: true, force: true });

const [main, preload, printPreload] = await Promise.all([
  // Floors, not exact versions: Electron 45 ships a newer Node 22+ and Chromium.
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: path.join(outdir, 'main.cjs'), target: 'node22' }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: path.join(outdir, 'preload.cjs'), target: 'chrome140' }),
  build({ ...common, entryPoints: ['electron/print-preload.ts'], outfile: path.join(outdir, 'print-preload.cjs'), target: 'chrome140' }),
]);

// The preload loads in every window before the page; it only forwards calls
// (main validates), so a library creeping into it is a mistake: fail the build.
const preloadPackages = [preload, printPreload].flatMap((result) => Object.keys(result.metafile.inputs)).filter((input) => input.includes('node_modules'));
if (preloadPackages.length > 0) {
  console.error(`The preload must not bundle packages, found: ${preloadPackages.join(', ')}`);
  process.exit(1);
}

for (const [name, result] of [['main', main], ['preload', preload], ['print preload', printPreload]]) {
  const [file, output] = Object.entries(result.metafile.outputs).find(([out]) => out.endsWith('.cjs'));
  console.log(`${name}: ${path.relative(root, path.resolve(root, file))} (${(output.bytes / 1024).toFixed(1)} KiB)`);
}
