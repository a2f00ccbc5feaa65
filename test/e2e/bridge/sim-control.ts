import type { X509Certificate } from 'node:crypto';
import {
  createLoopbackTls,
  startAuthentikSim,
  type AuthentikSim,
  type SimUsageRecord,
  type SimUserCounts,
} from '../../sim/authentik';

/** What an E2E test asks the bridge for: an authentik simulator with these licenses and users. */
export interface SimRequestBody {
  installId: string;
  keys?: string[];
  users?: SimUserCounts;
  latencyMs?: number;
  /** How far the simulator's clock (its `Date` header, its expiry checks) is ahead of the bridge's; negative: behind. Default 0. */
  clockOffsetMs?: number;
  /** Serve HTTPS with a certificate from a fresh private CA, whose PEM the answer carries. Default false. */
  tls?: boolean;
  /** The authentik release whose rules the simulator follows (e.g. '2024.6.3', '2025.2.0'); default the newest. */
  version?: string;
  /** Its usage history (times on the bridge's clock), before the usage task runs once at start; default none. */
  usageRecords?: SimUsageRecord[];
}

/**
 * Simulators the bridge starts for E2E tests, trusting the bridge's roots (`roots()`, read at start).
 * Each answers with the bridge's default token, 'sim-admin-token', and runs on the bridge's clock
 * (`now`), shifted by `clockOffsetMs`.
 */
export function createSimControl(roots: () => readonly X509Certificate[], now: () => number) {
  const sims: AuthentikSim[] = [];
  return {
    async start(body: SimRequestBody): Promise<{ url: string; installId: string; caPem: string | null }> {
      const offset = body.clockOffsetMs ?? 0;
      if (!Number.isFinite(offset)) throw new Error('clockOffsetMs must be a number of milliseconds');
      const tls = body.tls === true ? await createLoopbackTls() : null;
      const sim = await startAuthentikSim({
        roots: roots(),
        installId: body.installId,
        version: body.version,
        usageRecords: body.usageRecords,
        users: body.users,
        latencyMs: body.latencyMs,
        now: () => now() + offset,
        ...(tls === null ? {} : { tls: { certPem: tls.certPem, keyPem: tls.keyPem } }),
      });
      for (const key of body.keys ?? []) sim.addLicense(key);
      sim.refreshCachedSummary();
      sims.push(sim);
      return { url: sim.url, installId: sim.installId, caPem: tls?.caPem ?? null };
    },
    /** Stops one simulator, so the instance behind it becomes unreachable. */
    async stop(url: string): Promise<boolean> {
      const sim = sims.find((candidate) => candidate.url === url);
      if (sim === undefined) return false;
      await sim.close();
      sims.splice(sims.indexOf(sim), 1);
      return true;
    },
    async closeAll(): Promise<void> {
      await Promise.all(sims.map((sim) => sim.close()));
    },
  };
}
