import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findRendererBoundaryBreaches } from './renderer-boundaries';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const fixtures: string[] = [];
afterAll(() => Promise.all(fixtures.map((dir) => rm(dir, { recursive: true, force: true }))));

async function tree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'aklm-renderer-rules-'));
  fixtures.push(root);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}

describe('renderer IPC boundaries', () => {
  it('hold in the repository: only ipc/client.ts reads window.api, and no component imports it', async () => {
    expect(await findRendererBoundaryBreaches(repoRoot)).toEqual([]);
  });

  it('fail when a component or store reads window.api, or a component imports the client', async () => {
    const root = await tree({
      'renderer/ipc/client.ts': 'export const client = window.api;\n',
      'renderer/store/sneaky.ts': "export const api = window['api'];\n",
      'renderer/features/verify/Direct.tsx': 'export const Direct = () => { void window.api?.invoke; return null; };\n',
      'renderer/features/verify/Fetching.tsx': "import { client } from '../../ipc/client';\nexport const F = () => { void client; return null; };\n",
      'renderer/app/Shell.tsx': "import { client } from '../ipc/client';\nexport const S = () => { void client; return null; };\n",
      'renderer/store/allowed.ts': "import { client } from '../ipc/client';\nexport const store = client;\n",
    });
    expect(await findRendererBoundaryBreaches(root)).toEqual([
      'renderer/app/Shell.tsx imports the IPC client',
      'renderer/features/verify/Direct.tsx reads window.api',
      'renderer/features/verify/Fetching.tsx imports the IPC client',
      'renderer/store/sneaky.ts reads window.api',
    ]);
  });
});
