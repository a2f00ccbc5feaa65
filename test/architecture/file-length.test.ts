import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findLongFiles, MAX_LINES } from './file-length';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const fixtures: string[] = [];
afterAll(() => Promise.all(fixtures.map((dir) => rm(dir, { recursive: true, force: true }))));

const lines = (count: number): string => 'a {}\n'.repeat(count);

describe(`no source file over ${MAX_LINES} lines`, () => {
  it('holds in the repository, stylesheets and scripts included', async () => {
    expect(await findLongFiles(repoRoot)).toEqual([]);
  });

  it(`fails on a stylesheet, script or page of ${MAX_LINES + 1} lines, and leaves prose, data and build output alone`, async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'aklm-file-length-'));
    fixtures.push(root);
    const files: Record<string, string> = {
      'renderer/styles/long.css': lines(MAX_LINES + 1),
      'renderer/styles/full.css': lines(MAX_LINES),
      'test/setup/long.js': lines(MAX_LINES + 1),
      'renderer/index.html': lines(MAX_LINES + 5),
      'docs/long.md': lines(MAX_LINES * 2),
      'docs/api.yaml': lines(MAX_LINES * 2),
      'dist/renderer/bundle.js': lines(MAX_LINES * 2),
      'node_modules/pkg/index.js': lines(MAX_LINES * 2),
    };
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), text);
    }
    expect(await findLongFiles(root)).toEqual([
      `renderer/index.html: ${MAX_LINES + 5} lines`,
      `renderer/styles/long.css: ${MAX_LINES + 1} lines`,
      `test/setup/long.js: ${MAX_LINES + 1} lines`,
    ]);
  });
});
