import os from 'node:os';
import type { AuditActor } from '../../shared/audit/audit-entry';
import type { PortalAccount } from '../portal/portal-account';

/** The person logged in to this computer: who acted when no portal account was involved. */
export function osActor(): AuditActor {
  let name: string;
  try {
    name = os.userInfo().username;
  } catch {
    // A uid with no passwd entry (some containers): the environment's name, else the uid itself.
    name = process.env.USER ?? process.env.USERNAME ?? `uid ${process.getuid?.() ?? 'unknown'}`;
  }
  return { kind: 'os', name };
}

/** The portal account a change went through. */
export function portalActor(account: PortalAccount): AuditActor {
  return { kind: 'portal', name: account.email };
}
