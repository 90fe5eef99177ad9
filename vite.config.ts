import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is loaded from disk by Electron (loadFile) and from the loopback host in browser mode,
// so every asset URL must be relative and nothing may come from a CDN.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Monaco is large by nature; the warning would only be noise.
    chunkSizeWarningLimit: 6000,
    sourcemap: false,
  },
  // Classic (non-module) workers: the most widely supported kind, also from file:// in Electron.
  worker: { format: 'iife' },
});
