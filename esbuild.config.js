// Builds every Node and preload bundle with esbuild; `vite build` builds the renderer.
//   dist/cli/aklm.js            the aklm command line; each command a lazily loaded chunk
//   dist/main/index.js          the Electron main process (electron and native modules stay external)
//   dist/preload/index.cjs      the sandboxed preload: one CommonJS file, only `electron` required at run time
//   dist/test-bridge/*.js       the end-to-end test bridge (server) and the page-side api over WebSocket
import { rmSync } from 'node:fs';
import * as esbuild from 'esbuild';

const NATIVE_AND_ELECTRON = ['electron', '@napi-rs/keyring'];
// Bundled CommonJS dependencies (undici, @goauthentik/api) call require(); an ESM bundle needs a real one.
const REQUIRE_SHIM =
  "import { createRequire as __aklmCreateRequire } from 'node:module'; const require = __aklmCreateRequire(import.meta.url);";
const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  loader: { '.pem': 'text' },
  banner: { js: REQUIRE_SHIM },
  logLevel: 'warning',
};

rmSync('dist/cli', { recursive: true, force: true });
rmSync('dist/main', { recursive: true, force: true });
rmSync('dist/preload', { recursive: true, force: true });
rmSync('dist/test-bridge', { recursive: true, force: true });

await Promise.all([
  esbuild.build({
    ...node,
    entryPoints: { aklm: 'main/cli/main.ts' },
    outdir: 'dist/cli',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    external: NATIVE_AND_ELECTRON,
    banner: { js: `#!/usr/bin/env node\n${REQUIRE_SHIM}` },
  }),
  esbuild.build({
    ...node,
    entryPoints: { index: 'main/index.ts' },
    outdir: 'dist/main',
    external: NATIVE_AND_ELECTRON,
  }),
  esbuild.build({
    bundle: true,
    platform: 'browser',
    target: 'chrome140',
    format: 'cjs',
    entryPoints: { index: 'preload/index.ts' },
    outExtension: { '.js': '.cjs' },
    outdir: 'dist/preload',
    external: ['electron'],
    logLevel: 'warning',
  }),
  esbuild.build({
    ...node,
    entryPoints: { server: 'test/e2e/bridge/server.ts' },
    outdir: 'dist/test-bridge',
    packages: 'external',
  }),
  esbuild.build({
    bundle: true,
    platform: 'browser',
    target: 'chrome140',
    format: 'iife',
    entryPoints: { 'page-api': 'test/e2e/bridge/page-api.ts' },
    outdir: 'dist/test-bridge',
    logLevel: 'warning',
  }),
]);
