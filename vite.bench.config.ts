import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The benchmark build: the real renderer plus a bench page, served from one
// origin so that both see the same IndexedDB. Kept out of the shipped build.
export default defineConfig({
  root: '.',
  base: './',
  plugins: [react()],
  publicDir: false,
  build: {
    outDir: 'dist/bench',
    emptyOutDir: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: {
        app: 'renderer/index.html',
        bench: 'test/bench/bench.html',
      },
    },
  },
  preview: { port: 4174, strictPort: true },
});
