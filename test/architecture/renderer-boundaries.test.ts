import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findCrossFeatureImports, findRendererBoundaryBreaches } from './renderer-boundaries';

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
      'renderer/features/verify/Fetching.tsx':
        "import { client } from '../../ipc/client';\nexport const F = () => { void client; return null; };\n",
      'renderer/app/Shell.tsx':
        "import { client } from '../ipc/client';\nexport const S = () => { void client; return null; };\n",
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

describe('features never import each other', () => {
  it('hold in the repository: what several features need is in renderer/ui/, and renderer/app/ composes them', async () => {
    expect([...(await findCrossFeatureImports(repoRoot)).values()]).toEqual([]);
  });

  it('fail when a feature imports another, however it is written; its own files, ui/, queries and shared/ are fine', async () => {
    const root = await tree({
      'renderer/features/audit/AuditScreen.tsx': [
        "import { AuditTable } from './AuditTable';",
        "import { ModalDialog } from '../../ui/ModalDialog';",
        "import { auditKeys } from '../../queries/audit-keys';",
        "import type { AuditLine } from '../../../shared/audit/audit-entry';",
        "import { useVerifyKey } from '../verify/mutations';",
        'export const A = () => null;',
      ].join('\n'),
      'renderer/features/audit/AuditTable.tsx':
        "import type {\n  VerdictView,\n} from '../dashboard/types';\nexport { RoleTag } from '../portal/RoleTag';\n",
      'renderer/features/verify/lazy.ts':
        "export const later = () => import('../audit/AuditScreen');\nimport '../install/install.css';\n",
      'renderer/features/verify/KeyField.tsx': "import { KeyInput } from '../../features/license-key/KeyInput';\n",
      'renderer/app/App.tsx': "import { AuditScreen } from '../features/audit/AuditScreen';\n",
    });
    expect([...(await findCrossFeatureImports(root)).entries()].sort()).toEqual([
      ['audit -> dashboard', 'renderer/features/audit/AuditTable.tsx imports renderer/features/dashboard/types'],
      ['audit -> portal', 'renderer/features/audit/AuditTable.tsx imports renderer/features/portal/RoleTag'],
      ['audit -> verify', 'renderer/features/audit/AuditScreen.tsx imports renderer/features/verify/mutations'],
      ['verify -> audit', 'renderer/features/verify/lazy.ts imports renderer/features/audit/AuditScreen'],
      ['verify -> install', 'renderer/features/verify/lazy.ts imports renderer/features/install/install.css'],
      ['verify -> license-key', 'renderer/features/verify/KeyField.tsx imports renderer/features/license-key/KeyInput'],
    ]);
  });
});
