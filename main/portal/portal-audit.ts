import type { AuditAction, AuditTarget } from '../../shared/audit/audit-entry';
import { portalActor } from '../audit/audit-actor';
import { succeeded, type AuditOutcome } from '../audit/audit-recorder';
import type { PortalClient } from './portal-client';
import type { PortalSession } from './portal-session';
import { hostOf } from './portal-url';

/**
 * A change the portal makes, as the active account, between its audit entries: the attempt is recorded
 * (the account as the actor, the portal's host in the target) before the portal is asked anything.
 */
export function auditedPortalChange<T>(
  session: PortalSession,
  action: AuditAction,
  target: AuditTarget,
  work: (client: PortalClient) => Promise<T>,
  outcomeOf: (value: T) => AuditOutcome = () => succeeded(),
): Promise<T> {
  const account = session.accounts.resolve();
  return session.audit.run(
    {
      actor: portalActor(account),
      action,
      target: { portal: hostOf(account.portalUrl), ...target },
      fingerprint: null,
    },
    () => work(session.accounts.client(account.id)),
    outcomeOf,
  );
}
