import { randomUUID } from 'node:crypto';
import type { AuditActor, AuditAction, AuditResult, AuditTarget } from '../../shared/audit/audit-entry';
import type { AuditTrail } from './audit-trail';

/** What is about to be done, by whom, to what: the attempt's entry. */
export interface AuditAttempt {
  actor: AuditActor;
  action: AuditAction;
  target: AuditTarget;
  fingerprint: string | null;
}

/** How it ended; `target` adds what became known on the way (the new instance's id, the order's license). */
export interface AuditOutcome {
  result: Exclude<AuditResult, 'attempted'>;
  detail: string | null;
  target?: AuditTarget;
}

export interface AuditRecorder {
  /**
   * Writes the attempt (flushed, its hash in the keychain) and only then runs `work`, then writes the
   * outcome. When the attempt cannot be written, `work` never runs and AuditWriteError says why.
   */
  run<T>(attempt: AuditAttempt, work: () => Promise<T>, outcomeOf: (value: T) => AuditOutcome): Promise<T>;
}

export const succeeded = (detail: string | null = null): AuditOutcome => ({ result: 'succeeded', detail });

/** Longer details are cut: a server's message may be long, and the trail is read line by line. */
const DETAIL_LIMIT = 500;

/**
 * A failure as the trail records it: the code and message of the errors the app words itself; for any
 * other error only its kind, since its message could quote anything (a token included).
 */
function failureDetail(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string')
    return `${error.code}: ${error.message}`.slice(0, DETAIL_LIMIT);
  return `internal_error: ${error instanceof Error ? error.name : typeof error}`;
}

export function createAuditRecorder(deps: {
  trail: Pick<AuditTrail, 'append'>;
  now: () => number;
  /** An outcome that could not be written (the action itself was done, or failed), in words. */
  unrecorded: (problem: string) => void;
  newOp?: () => string;
}): AuditRecorder {
  const newOp = deps.newOp ?? randomUUID;
  return {
    async run<T>(attempt: AuditAttempt, work: () => Promise<T>, outcomeOf: (value: T) => AuditOutcome): Promise<T> {
      const op = newOp();
      const entry = (result: AuditResult, detail: string | null, target: AuditTarget) => ({
        time: new Date(deps.now()).toISOString(),
        actor: attempt.actor,
        action: attempt.action,
        target,
        fingerprint: attempt.fingerprint,
        result,
        detail: detail === null ? null : detail.slice(0, DETAIL_LIMIT),
        op,
      });
      await deps.trail.append(entry('attempted', null, attempt.target));
      const settle = async (outcome: AuditOutcome): Promise<void> => {
        try {
          await deps.trail.append(entry(outcome.result, outcome.detail, { ...attempt.target, ...outcome.target }));
        } catch (error) {
          deps.unrecorded(
            `The outcome of ${attempt.action} (${outcome.result}) could not be recorded in the audit trail: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      };
      let value: T;
      try {
        value = await work();
      } catch (error) {
        await settle({ result: 'failed', detail: failureDetail(error) });
        throw error;
      }
      await settle(outcomeOf(value));
      return value;
    },
  };
}
