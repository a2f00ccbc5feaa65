import path from 'node:path';
import type { AuditAction, AuditEntry, AuditVerification } from '../../shared/audit/audit-entry';
import type { SecretStore } from '../secrets/secret-store';
import { withDataLock } from '../settings/data-lock';
import { GENESIS_HASH, lineHash, verifyChain } from './audit-chain';
import { appendAuditLine, auditFilePath, readAuditLines } from './audit-file';

/**
 * The OS keychain account (service `authentik-license-manager`) holding the hash of the trail's newest
 * line, one per data folder: the app and the CLI of one folder share it, other folders have their own.
 */
export function auditHeadAccount(dataDir: string): string {
  return `audit:head:${path.resolve(dataDir)}`;
}

/** An entry could not be written (file, folder, lock or keychain): the action it was for must not happen. */
export class AuditWriteError extends Error {
  override name = 'AuditWriteError';

  /** What the person is told when the action was therefore not done; `nothing` names what did not happen. */
  refusal(nothing = 'Nothing was done'): string {
    return `${this.message} ${nothing}, since every change is recorded before it is made. Make sure the data folder can be written and the OS keychain is unlocked, then try again.`;
  }
}

/** An entry as the app and the CLI write it; the trail adds the format version and the previous line's hash. */
export type NewAuditEntry = Omit<AuditEntry, 'v' | 'prev' | 'action'> & { action: AuditAction };

export interface AuditTrail {
  /** Appends one entry, flushed to the disk, and records its hash in the OS keychain; throws AuditWriteError when either fails (and then leaves no line behind). */
  append(entry: NewAuditEntry): Promise<void>;
  /** Every line as written, and the chain checked against the keychain; `unverifiable` (not thrown) when the file or the keychain cannot be read. */
  read(): Promise<{ lines: string[]; verification: AuditVerification }>;
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function unverifiable(lines: string[], why: string): { lines: string[]; verification: AuditVerification } {
  return {
    lines,
    verification: {
      state: 'unverifiable',
      entries: lines.length,
      firstAltered: null,
      message: `The audit trail could not be checked: ${why}`,
    },
  };
}

/**
 * The trail in `audit.jsonl` of a data folder, its newest hash in `keychain` (the OS keychain itself,
 * never the token vault). Writes and reads hold the data folder's lock, which the app and the CLI share,
 * so no process sees a line whose hash is not recorded yet, and two processes never chain onto the same line.
 */
export function fileAuditTrail(dataDir: string, keychain: Pick<SecretStore, 'get' | 'set'>): AuditTrail {
  const file = auditFilePath(dataDir);
  const account = auditHeadAccount(dataDir);
  return {
    async append(entry) {
      try {
        await withDataLock(dataDir, async () => {
          // Chained onto the keychain's head, not the file's last line: lines removed or a file replaced stay visible after the next entry.
          const prev = (await keychain.get(account)) ?? GENESIS_HASH;
          const line = JSON.stringify({ v: 1, ...entry, prev });
          const written = appendAuditLine(file, line);
          try {
            await keychain.set(account, lineHash(line));
          } catch (error) {
            written.undo();
            throw error;
          }
        });
      } catch (error) {
        throw new AuditWriteError(
          `The audit trail ${file} could not be written: ${reason(error).replace(/\.?$/, '.')}`,
          { cause: error },
        );
      }
    },

    async read() {
      try {
        return await withDataLock(dataDir, async () => {
          const lines = readAuditLines(file);
          try {
            return { lines, verification: verifyChain(lines, await keychain.get(account)) };
          } catch (error) {
            return unverifiable(lines, `the OS keychain cannot be read (${reason(error)}).`);
          }
        });
      } catch (error) {
        return unverifiable([], `${reason(error)}.`);
      }
    },
  };
}
