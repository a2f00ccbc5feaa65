import type { Case } from './import-rule-breach-cases';

// Fixture files whose every import keeps the import rules.

export const allowedCases: Case[] = [
  {
    file: 'preload/create-api.ts',
    source:
      "import { isChannel } from '../shared/ipc/channels';\nimport type { Result } from '../shared/ipc/result';\nimport type { Api } from '../shared/ipc/api';\nexport const c = isChannel;\nexport type R = [Result, Api];\n",
  },
  {
    file: 'preload/x.ts',
    source:
      "import type { Api } from '../shared/ipc/contract';\nexport type { ChannelInput } from '../shared/ipc/contract';\nexport type A = Api;\n",
  },
  { file: 'preload/y.ts', source: "import { createApi } from './create-api';\nexport const y = createApi;\n" },
  {
    file: 'main/electron/w.ts',
    source: "import { BrowserWindow } from 'electron';\nexport const w = BrowserWindow;\n",
  },
  { file: 'main/electron/deep/menu.ts', source: "import { Menu } from 'electron/main';\nexport const m = Menu;\n" },
  {
    file: 'main/index.ts',
    source:
      "import { app } from 'electron';\nimport { readFileSync } from 'fs';\nimport { createRouter } from './ipc/router';\nexport const i = [app, readFileSync, createRouter];\n",
  },
  {
    file: 'main/app/create-handlers.ts',
    source:
      "import type { Handlers } from '../ipc/handlers';\nimport { licenseHandlers } from '../ipc/handlers/license-handlers';\nexport type H = Handlers;\nexport const c = licenseHandlers;\n",
  },
  { file: 'main/electron/bind.ts', source: "import type { Router } from '../ipc/router';\nexport type R = Router;\n" },
  {
    file: 'main/ipc/handlers/instance-handlers.ts',
    source:
      "import { refreshedRow } from '../../instances/fleet-row';\nimport { answering } from '../answering/answering';\nimport type { Handlers } from '../handlers';\nimport { IpcError } from '../ipc-error';\nexport type H = Handlers;\nexport const i = [refreshedRow, answering, IpcError];\n",
  },
  {
    file: 'main/ipc/answering/portal-answering.ts',
    source:
      "import { PortalError } from '../../portal/portal-error';\nimport { answering } from './answering';\nexport const p = [PortalError, answering];\n",
  },
  {
    file: 'main/license/v.ts',
    source:
      "import { createHash } from 'node:crypto';\nimport { z } from 'zod';\nimport { verdict } from '../../shared/license/verdict';\nimport root from './root.pem';\nexport const v = [createHash, z, verdict, root];\n",
  },
  { file: 'main/cli/run.ts', source: "export const load = async () => (await import('./commands/verify')).verify;\n" },
  {
    file: 'renderer/h.tsx',
    source:
      "import { useState } from 'react';\nimport { createRoot } from 'react-dom/client';\nimport { create } from 'zustand';\nimport { useShallow } from 'zustand/react/shallow';\nimport { isChannel } from '../shared/ipc/channels';\nimport { z } from 'zod';\nimport { useQuery } from '@tanstack/react-query';\nimport { useVirtualizer } from '@tanstack/react-virtual';\nimport { App } from './app';\nexport const H = () => <p>{String([useState, createRoot, create, useShallow, isChannel, z, useQuery, useVirtualizer, App])}</p>;\n",
  },
  {
    file: 'shared/ok.ts',
    source: "import { z } from 'zod';\nimport { days } from './time/durations';\nexport const ok = [z, days];\n",
  },
  {
    file: 'test/anything.ts',
    source:
      "import { app } from 'electron';\nimport { router } from '../main/ipc/router';\nexport const t = [app, router];\n",
  },
  {
    file: 'test/sim/authentik/own.ts',
    source:
      "import { verify } from 'node:crypto';\nimport * as x509 from '@peculiar/x509';\nimport { toIsoUtc } from '../../../shared/time/iso';\nimport { mintKey } from '../../pki/mint-key';\nimport { FaultQueue } from '../shared/fault-queue';\nexport const o = [verify, x509, toIsoUtc, mintKey, FaultQueue];\n",
  },
];
