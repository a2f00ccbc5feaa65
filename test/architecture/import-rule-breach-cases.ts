// Fixture files that break an import rule, each with the one import the checker must report
// and the words of the rule it breaks.

export interface Case {
  file: string;
  source: string;
}

export interface BreachCase extends Case {
  specifier: string;
  rule: RegExp;
}

export const breachCases: BreachCase[] = [
  {
    file: 'shared/x.ts',
    source: "import { readFile } from 'node:fs';\nexport const x = readFile;\n",
    specifier: 'node:fs',
    rule: /shared\/.*Node built-ins/,
  },
  {
    file: 'shared/y.ts',
    source: "import { z } from '../main/z';\nexport const y = z;\n",
    specifier: '../main/z',
    rule: /shared\/ may not import main\//,
  },
  {
    file: 'shared/reexport.ts',
    source: "export * from '../main/x';\n",
    specifier: '../main/x',
    rule: /shared\/ may not import main\//,
  },
  {
    file: 'shared/bare-builtin.ts',
    source: "import path from 'path';\nexport const p = path;\n",
    specifier: 'path',
    rule: /Node built-ins/,
  },
  {
    file: 'shared/types/ambient.d.ts',
    source: "import type { Stats } from 'node:fs';\nexport type S = Stats;\n",
    specifier: 'node:fs',
    rule: /Node built-ins/,
  },
  {
    file: 'shared/react.ts',
    source: "import { useState } from 'react';\nexport const u = useState;\n",
    specifier: 'react',
    rule: /only the zod package/,
  },
  {
    file: 'main/license/a.ts',
    source: "import { app } from 'electron';\nexport const a = app;\n",
    specifier: 'electron',
    rule: /electron only from main\/electron/,
  },
  {
    file: 'main/cli/lazy.ts',
    source: "export const load = async () => (await import('electron')).app;\n",
    specifier: 'electron',
    rule: /electron only from main\/electron/,
  },
  {
    file: 'main/renderer-peek.ts',
    source: "import type { View } from '../renderer/view';\nexport type V = View;\n",
    specifier: '../renderer/view',
    rule: /main\/ may not import renderer\//,
  },
  {
    file: 'renderer/b.tsx',
    source: "import { c } from '../main/c';\nexport const B = () => <p>{c}</p>;\n",
    specifier: '../main/c',
    rule: /renderer\/ may not import main\//,
  },
  {
    file: 'renderer/d.ts',
    source: "import { join } from 'node:path';\nexport const d = join;\n",
    specifier: 'node:path',
    rule: /renderer\/.*Node built-ins/,
  },
  {
    file: 'renderer/g.ts',
    source: "import { createApi } from '../preload/create-api';\nexport const g = createApi;\n",
    specifier: '../preload/create-api',
    rule: /renderer\/ may not import preload\//,
  },
  {
    file: 'renderer/req.ts',
    source: "const fs = require('fs');\nexport const r = fs;\n",
    specifier: 'fs',
    rule: /renderer\/.*Node built-ins/,
  },
  {
    file: 'renderer/el.ts',
    source: "import { ipcRenderer } from 'electron';\nexport const e = ipcRenderer;\n",
    specifier: 'electron',
    rule: /renderer\/ may not import electron/,
  },
  {
    file: 'renderer/ws.ts',
    source: "import WebSocket from 'ws';\nexport const w = WebSocket;\n",
    specifier: 'ws',
    rule: /renderer\/ may import only react/,
  },
  {
    file: 'preload/e.ts',
    source: "import { ipcRenderer } from 'electron';\nexport const e = ipcRenderer;\n",
    specifier: 'electron',
    rule: /electron only from preload\/index\.ts/,
  },
  {
    file: 'preload/index.ts',
    source:
      "import { channels } from '../shared/ipc/contract';\nimport { contextBridge } from 'electron';\nexport const i = [channels, contextBridge];\n",
    specifier: '../shared/ipc/contract',
    rule: /only with `import type`/,
  },
  // With verbatimModuleSyntax, `import { type X }` is kept as `import {} from …` and still bundles the module.
  {
    file: 'preload/inline-type.ts',
    source: "import { type Api } from '../shared/ipc/contract';\nexport type A = Api;\n",
    specifier: '../shared/ipc/contract',
    rule: /only with `import type`/,
  },
  {
    file: 'preload/f.ts',
    source: "import { verdict } from '../shared/license/verdict';\nexport const f = verdict;\n",
    specifier: '../shared/license/verdict',
    rule: /preload\/ may import from shared\/ only/,
  },
  {
    file: 'preload/main-peek.ts',
    source: "import { router } from '../main/ipc/router';\nexport const m = router;\n",
    specifier: '../main/ipc/router',
    rule: /preload\/ may not import main\//,
  },
  {
    file: 'preload/zod.ts',
    source: "import { z } from 'zod';\nexport const s = z.string();\n",
    specifier: 'zod',
    rule: /preload\/ may import only the electron package/,
  },
  {
    file: 'preload/node.ts',
    source: "import { EventEmitter } from 'node:events';\nexport const n = EventEmitter;\n",
    specifier: 'node:events',
    rule: /preload\/.*Node built-ins/,
  },
  {
    file: 'main/escape.ts',
    source: "import { mint } from '../test/pki/mint-key';\nexport const m = mint;\n",
    specifier: '../test/pki/mint-key',
    rule: /lands in test\/pki\/mint-key/,
  },
  {
    file: 'test/sim/authentik/verify.ts',
    source: "import { verifyKey } from '../../../main/license/verify-key';\nexport const v = verifyKey;\n",
    specifier: '../../../main/license/verify-key',
    rule: /test\/sim\/ may not import main\//,
  },
  {
    file: 'test/sim/authentik/claims.ts',
    source: "import type { LicenseClaims } from '../../../shared/license/verdict';\nexport type C = LicenseClaims;\n",
    specifier: '../../../shared/license/verdict',
    rule: /test\/sim\/ may not import shared\/license\/ \(type imports included\)/,
  },
  {
    file: 'test/sim/portal/api/views.ts',
    source: "export { keyFingerprint } from '../../../../main/license/fingerprint';\n",
    specifier: '../../../../main/license/fingerprint',
    rule: /test\/sim\/ may not import main\//,
  },
  {
    file: 'test/sim/start-demo.ts',
    source: "export const load = async () => (await import('../../main/license/trust-roots')).trustRootsOf;\n",
    specifier: '../../main/license/trust-roots',
    rule: /test\/sim\/ may not import main\//,
  },
  // Domain folders never reach main/ipc/, not even for a type: only main/app, main/electron and main/index.ts wire it.
  {
    file: 'main/instances/steps.ts',
    source: "import type { Emit } from '../ipc/event-hub';\nexport type E = Emit;\n",
    specifier: '../ipc/event-hub',
    rule: /main\/instances\/ may not import main\/ipc\//,
  },
  {
    file: 'main/portal/key.ts',
    source: "import { IpcError } from '../ipc/ipc-error';\nexport const k = IpcError;\n",
    specifier: '../ipc/ipc-error',
    rule: /main\/portal\/ may not import main\/ipc\//,
  },
  {
    file: 'main/portal/deep/links.ts',
    source: "export { answering } from '../../ipc/answering/answering';\n",
    specifier: '../../ipc/answering/answering',
    rule: /main\/portal\/ may not import main\/ipc\//,
  },
  {
    file: 'main/cli/serve.ts',
    source: "export const load = async () => (await import('../ipc/router')).createRouter;\n",
    specifier: '../ipc/router',
    rule: /main\/cli\/ may not import main\/ipc\//,
  },
  {
    file: 'main/ports/events.ts',
    source: "import type { Handlers } from '../ipc/handlers';\nexport type H = Handlers;\n",
    specifier: '../ipc/handlers',
    rule: /main\/ports\/ may not import main\/ipc\//,
  },
  // A handler never imports another handler's file; the maps are joined in main/app/.
  {
    file: 'main/ipc/handlers/license-handlers.ts',
    source: "import { answering } from './answering';\nexport const l = answering;\n",
    specifier: './answering',
    rule: /main\/ipc\/handlers\/ may not import another handler's file/,
  },
  {
    file: 'main/ipc/handlers/portal-handlers.ts',
    source: "import type { PortalSession } from './portal-session.ts';\nexport type S = PortalSession;\n",
    specifier: './portal-session.ts',
    rule: /another handler's file/,
  },
];
