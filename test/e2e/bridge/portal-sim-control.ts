import { startPortalSim, type OutboxMail, type PortalFault, type PortalSim } from '../../sim/portal';

/** What an E2E test asks the bridge for: the customer portal simulator, with its demo data by default. */
export interface PortalSimRequestBody {
  /** Real time after "Pay" before the license's key is issued; default 1000 ms. */
  checkoutDelayMs?: number;
  /** The seeded demo organizations, users and licenses (`SEED`); default true. */
  seed?: boolean;
  /** Extra users who can sign in (with `DEMO_PASSWORD`), in no organization. */
  users?: { email: string; name: string }[];
}

/**
 * The one portal simulator the bridge runs: started (or restarted) by a test, it becomes the portal the
 * app's handlers use, and the root its keys chain to is trusted (`trust`) like the test PKI's.
 */
export function createPortalSimControl(options: { now: () => number; trust: (rootPem: string) => void }) {
  let sim: PortalSim | null = null;
  return {
    /** The running simulator's address, or null. */
    url: (): string | null => sim?.url ?? null,
    async start(body: PortalSimRequestBody): Promise<{ url: string }> {
      await sim?.stop();
      sim = null;
      const started = await startPortalSim({
        now: options.now,
        ...(body.checkoutDelayMs === undefined ? {} : { checkoutDelayMs: body.checkoutDelayMs }),
        ...(body.seed === undefined ? {} : { seed: body.seed }),
        ...(body.users === undefined ? {} : { users: body.users }),
      });
      options.trust(started.rootPem);
      sim = started;
      return { url: started.url };
    },
    /** The invitation e-mails the simulator has "sent". */
    outbox: (): OutboxMail[] => sim?.outbox() ?? [],
    /** Queues a misbehaviour of the running simulator for its next matching request(s); false when none runs. */
    fault(fault: PortalFault): boolean {
      if (sim === null) return false;
      sim.fault(fault);
      return true;
    },
    async stop(): Promise<void> {
      await sim?.stop();
      sim = null;
    },
  };
}
