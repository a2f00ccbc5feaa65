import { createSecretClipboard } from '../clipboard/secret-clipboard';
import type { Emit } from '../ipc/event-hub';
import type { Handlers } from '../ipc/handlers';
import { licenseHandlers } from '../ipc/handlers/license-handlers';
import { portalHandlers } from '../ipc/handlers/portal-handlers';
import { createRecentKeys } from '../license/recent-keys';
import type { TrustRoots } from '../license/trust-roots';
import type { ClipboardPort } from '../ports/clipboard';
import type { Clock } from '../ports/clock';
import type { ExternalBrowserPort } from '../ports/external-browser';

/** What the OS and the environment provide; Electron supplies real ones, the test bridge observable ones. */
export interface AppPorts {
  clipboard: ClipboardPort;
  browser: ExternalBrowserPort;
  clock: Clock;
  emit: Emit;
}

export interface AppConfig {
  roots: () => TrustRoots;
  portalUrl: string;
}

/** The composition both the desktop app and the test bridge run: every channel's handler. */
export function createHandlers(ports: AppPorts, config: AppConfig): Handlers {
  const clipboard = createSecretClipboard(ports.clipboard, ports.clock, () => ports.emit('clipboard:did-clear', { reason: 'timeout' }));
  return {
    ...licenseHandlers({ roots: config.roots, clock: ports.clock, clipboard, recentKeys: createRecentKeys() }),
    ...portalHandlers({ browser: ports.browser, portalUrl: config.portalUrl }),
  };
}
