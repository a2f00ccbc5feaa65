import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer: React 19, served from app:// (relative asset URLs), no inline scripts for the CSP. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome140',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
