import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PRODUCT_NAME } from '../../../main/settings/data-dir';

interface BuilderConfig {
  appId?: unknown;
  productName?: unknown;
  directories?: { output?: unknown };
  files?: unknown;
  asar?: unknown;
  electronFuses?: Record<string, unknown>;
  linux?: { target?: unknown };
  mac?: { target?: unknown };
  win?: { target?: unknown };
}

async function config(): Promise<BuilderConfig> {
  return parse(await readFile('electron-builder.yml', 'utf8')) as BuilderConfig;
}

async function packageJson(): Promise<{ main?: string; productName?: string }> {
  return JSON.parse(await readFile('package.json', 'utf8')) as { main?: string; productName?: string };
}

describe('electron-builder.yml', () => {
  it('names the app', async () => {
    const { appId, productName } = await config();
    expect(appId).toBe('io.goauthentik.license-manager');
    expect(productName).toBe('authentik License Manager');
  });

  it('gives package.json the same productName, the folder of userData under npm start, where the CLI finds the data', async () => {
    expect((await packageJson()).productName).toBe(PRODUCT_NAME);
    expect((await config()).productName).toBe(PRODUCT_NAME);
  });

  it('packs only the app bundles into an asar, never the CLI or the test bridge', async () => {
    const { files, asar, directories } = await config();
    expect(files).toEqual(['dist/main/**', 'dist/preload/**', 'dist/renderer/**', 'package.json']);
    const patterns = files as string[];
    expect(patterns.some((pattern) => pattern.includes('dist/cli') || pattern.includes('test-bridge'))).toBe(false);
    expect(
      patterns.some(
        (pattern) =>
          pattern === 'dist/**' || pattern === '**/*' || pattern.startsWith('test') || pattern.startsWith('main/'),
      ),
    ).toBe(false);
    expect(asar).toBe(true);
    expect(directories?.output).toBe('release');
  });

  it('packs the entry point package.json names', async () => {
    const { main } = await packageJson();
    expect(main).toBe('dist/main/index.js');
  });

  it('flips every Electron fuse to its locked-down position', async () => {
    const { electronFuses } = await config();
    expect(electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('targets deb and AppImage, dmg, and an NSIS installer', async () => {
    const { linux, mac, win } = await config();
    expect(linux?.target).toEqual(['deb', 'AppImage']);
    expect(mac?.target).toEqual(['dmg']);
    expect(win?.target).toEqual(['nsis']);
  });
});
