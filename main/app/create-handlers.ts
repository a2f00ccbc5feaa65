import { toIsoUtc } from '../../shared/time/iso';
import { createAuditRecorder } from '../audit/audit-recorder';
import type { AuditTrail } from '../audit/audit-trail';
import { createSecretClipboard } from '../clipboard/secret-clipboard';
import { createFleetMonitor } from '../instances/fleet-monitor';
import { createInstanceService } from '../instances/instance-service';
import { refreshPatch } from '../instances/refresh-patch';
import { historyEntryOf, type StatusHistoryStore } from '../instances/status-history';
import type { Handlers } from '../ipc/handlers';
import { readFileSync, statSync } from 'node:fs';
import { fleetImportHandlers } from '../ipc/handlers/fleet-import-handlers';
import { auditHandlers } from '../ipc/handlers/audit-handlers';
import { fleetBulkHandlers } from '../ipc/handlers/fleet-bulk-handlers';
import { installHandlers } from '../ipc/handlers/install-handlers';
import { instanceHandlers } from '../ipc/handlers/instance-handlers';
import { instancePageHandlers } from '../ipc/handlers/instance-page-handlers';
import { undoDeleteHandlers } from '../ipc/handlers/undo-delete-handlers';
import { createDeletedKeyHolder } from '../instances/undo-delete';
import { keychainAuditHandlers } from '../ipc/handlers/keychain-audit-handlers';
import { licenseHandlers } from '../ipc/handlers/license-handlers';
import { portalHandlers } from '../ipc/handlers/portal-handlers';
import { createRecentKeys } from '../license/recent-keys';
import type { PortalAccountStore } from '../portal/account-store';
import type { TrustRoots } from '../license/trust-roots';
import type { ClipboardPort } from '../ports/clipboard';
import type { Clock } from '../ports/clock';
import type { ExternalBrowserPort } from '../ports/external-browser';
import type { FileOpenerPort } from '../ports/file-opener';
import type { Emit } from '../ports/page-events';
import { createInstanceRegistry } from '../registry/instance-registry';
import type { RegistryStore } from '../registry/registry-store';
import type { SecretStore } from '../secrets/secret-store';
import { portalChannelHandlers } from './portal-channel-handlers';

/** What the OS and the environment provide; Electron supplies real ones, the test bridge observable ones. */
export interface AppPorts {
  clipboard: ClipboardPort;
  browser: ExternalBrowserPort;
  clock: Clock;
  emit: Emit;
  /** The data folder's token vault (tokens live there and nowhere else), its key in the OS keychain. */
  secrets: SecretStore;
  /** Where saved instances are kept: `config.json` in the data folder, shared by the app and the CLI. */
  registryStore: RegistryStore;
  /** The signed-in customer-portal accounts (no tokens), in the same data folder. */
  accountStore: PortalAccountStore;
  /** The system's PDF viewer, for invoices. */
  files: FileOpenerPort;
  /** Each saved instance's readings (`status-history/` in the data folder): every refresh adds one. */
  statusHistory: StatusHistoryStore;
  /** What the app repaired in its data folder this session (the settings and account stores report it), for the dashboard. */
  dataNotices: () => readonly string[];
  /** `audit.jsonl` in the data folder, its newest hash in the OS keychain itself: every change is recorded there before it is made. */
  audit: AuditTrail;
}

export interface AppConfig {
  roots: () => TrustRoots;
  /** The customer portal's address (normalized): purchase pages, and sign-ins that name no portal. */
  portalUrl: () => string;
  /** Instances read at once by "Refresh all". */
  refreshConcurrency: number;
  /** Bounds each request to an instance, retries included. */
  requestTimeoutMs: number;
}

/** A CA certificate file an import row names (at most 1 MiB), or null when it cannot be read. */
function readCaFile(path: string): string | null {
  try {
    return statSync(path).size > 1024 * 1024 ? null : readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The composition both the desktop app and the test bridge run: every channel's handler. */
export function createHandlers(ports: AppPorts, config: AppConfig): Handlers {
  const clipboard = createSecretClipboard(ports.clipboard, ports.clock, (clearsAt) =>
    ports.emit('clipboard:did-clear', { reason: 'timeout', clearsAt: toIsoUtc(clearsAt) }),
  );
  const registry = createInstanceRegistry(ports.registryStore);
  const service = createInstanceService({
    registry,
    secrets: ports.secrets,
    now: ports.clock.now,
    timeoutMs: config.requestTimeoutMs,
  });
  const monitor = createFleetMonitor({
    saved: () => registry.list(),
    connectionsFor: (records) => service.connectionsFor(records),
    refreshed: (outcomes) => {
      const records = new Map(registry.list().map((record) => [record.id, record]));
      const patches = new Map(
        [...outcomes].flatMap(([id, outcome]) => {
          const record = records.get(id);
          return record === undefined ? [] : [[id, refreshPatch(record, outcome)] as const];
        }),
      );
      registry.updateMany(patches);
      // Beside the last known status, each successful read joins the instance's history (the address it was read at).
      for (const [id, outcome] of outcomes) {
        const record = records.get(id);
        if (record !== undefined && outcome.lastStatus !== null)
          ports.statusHistory.append(id, record.url, historyEntryOf(outcome.lastStatus));
      }
    },
    roots: config.roots,
    now: ports.clock.now,
    timeoutMs: config.requestTimeoutMs,
    concurrency: config.refreshConcurrency,
  });
  const unrecorded: string[] = [];
  const audit = createAuditRecorder({
    trail: ports.audit,
    now: ports.clock.now,
    unrecorded: (problem) => {
      unrecorded.push(problem);
      ports.emit('audit:did-change', {});
    },
  });
  const installSteps = {
    registry,
    service,
    monitor,
    roots: config.roots,
    now: ports.clock.now,
    timeoutMs: config.requestTimeoutMs,
    emit: ports.emit,
    history: ports.statusHistory,
    audit,
  };
  const deletedKeys = createDeletedKeyHolder(ports.clock.now);
  return {
    ...licenseHandlers({ roots: config.roots, clock: ports.clock, clipboard, recentKeys: createRecentKeys() }),
    ...portalHandlers({ browser: ports.browser, portalUrl: config.portalUrl }),
    ...instanceHandlers({
      registry,
      actions: service,
      monitor,
      history: ports.statusHistory,
      emit: ports.emit,
      now: ports.clock.now,
      dataNotices: ports.dataNotices,
      audit,
    }),
    ...installHandlers(installSteps),
    ...instancePageHandlers({
      registry,
      service,
      monitor,
      secrets: ports.secrets,
      history: ports.statusHistory,
      clipboard,
      emit: ports.emit,
      now: ports.clock.now,
      timeoutMs: config.requestTimeoutMs,
      audit,
      deletedKeys,
    }),
    ...undoDeleteHandlers(installSteps, deletedKeys),
    ...keychainAuditHandlers({ registry, service }),
    ...fleetImportHandlers({
      registry,
      add: (input) => service.add(input),
      monitor,
      audit,
      emit: ports.emit,
      check: { env: process.env, readFile: readCaFile },
    }),
    ...fleetBulkHandlers({ registry, monitor, audit, emit: ports.emit }),
    ...portalChannelHandlers({
      accountStore: ports.accountStore,
      secrets: ports.secrets,
      browser: ports.browser,
      files: ports.files,
      clipboard,
      emit: ports.emit,
      now: ports.clock.now,
      defaultPortalUrl: config.portalUrl,
      timeoutMs: config.requestTimeoutMs,
      install: installSteps,
      audit,
    }),
    ...auditHandlers({ trail: ports.audit, unrecorded: () => unrecorded, now: ports.clock.now }),
  };
}
