import { createAuditRecorder, type AuditRecorder } from '../audit/audit-recorder';
import { fileAuditTrail } from '../audit/audit-trail';
import { keyringSecretStore } from '../secrets/keyring-secret-store';
import { dataDir } from '../settings/data-dir';

/**
 * The data folder's audit trail for one CLI run: the app's trail, its newest hash in the same keychain
 * entry. A command prints the outcomes it could not record (`unrecorded`) as warnings.
 */
export function cliAuditRecorder(env: NodeJS.ProcessEnv): { recorder: AuditRecorder; unrecorded: string[] } {
  const unrecorded: string[] = [];
  const recorder = createAuditRecorder({
    trail: fileAuditTrail(dataDir(env), keyringSecretStore()),
    now: Date.now,
    unrecorded: (problem) => void unrecorded.push(problem),
  });
  return { recorder, unrecorded };
}
