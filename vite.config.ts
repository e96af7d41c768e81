import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built once and served either by Electron's app:// protocol
// or, in browser mode, by `vite preview`; relative asset paths work for both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  publicDir: false,
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    // The app, and the print page that documents and reports are printed from (docs/printing.md).
    rollupOptions: { input: { main: fileURLToPath(new URL('./renderer/index.html', import.meta.url)), print: fileURLToPath(new URL('./renderer/print.html', import.meta.url)) } },
  },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
});
