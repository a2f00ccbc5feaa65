import { exportAudit } from '../../audit/audit-export';
import { parseAuditLines } from '../../audit/audit-lines';
import type { AuditTrail } from '../../audit/audit-trail';
import { answering } from '../answering/answering';
import type { Handlers } from '../handlers';

/** The Audit screen and the chain's state at start: read only; entries are written by the actions themselves. */
export function auditHandlers(deps: {
  trail: Pick<AuditTrail, 'read'>;
  /** Outcomes this session could not record, in words. */
  unrecorded: () => readonly string[];
  now: () => number;
}): Pick<Handlers, 'audit:verify' | 'audit:list' | 'audit:export'> {
  return {
    'audit:verify': async () =>
      answering(async () => ({
        verification: (await deps.trail.read()).verification,
        unrecorded: [...deps.unrecorded()],
      })),
    'audit:list': async () =>
      answering(async () => {
        const { lines, verification } = await deps.trail.read();
        return { verification, unrecorded: [...deps.unrecorded()], lines: parseAuditLines(lines) };
      }),
    'audit:export': async ({ format, filters }) =>
      answering(async () => {
        const { lines } = await deps.trail.read();
        return exportAudit(lines, parseAuditLines(lines), format, filters, new Date(deps.now()));
      }),
  };
}
