import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { JWK } from 'oidc-provider';
import type { SavedSigner } from '../commerce/license-signer';
import type { StoredArtifact } from '../oidc/token-store';
import type { PortalData } from './records';

const FORMAT = 'portal-sim-state/1';

/** Everything a restarted simulator needs to carry on: data, the key-signing chain and the sign-ins. */
export interface SavedPortalState {
  format: typeof FORMAT;
  data: PortalData;
  signer: SavedSigner;
  oidc: { signingKey: JWK; cookieKeys: string[]; artifacts: Record<string, StoredArtifact> };
}

/** The saved state, or null when the file does not exist yet. Throws, naming the file, when it is not one. */
export function readStateFile(path: string): SavedPortalState | null {
  if (!existsSync(path)) return null;
  const saved = JSON.parse(readFileSync(path, 'utf8')) as Partial<SavedPortalState>;
  if (saved.format !== FORMAT || saved.data === undefined || saved.signer === undefined || saved.oidc === undefined) {
    throw new Error(`${path} is not a portal simulator state file (${FORMAT}); delete it or choose another stateFile.`);
  }
  return saved as SavedPortalState;
}

/** Writes the state whole (a temporary file renamed over the old one), so a crash never leaves half a file. */
export function writeStateFile(path: string, state: Omit<SavedPortalState, 'format'>): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ format: FORMAT, ...state }, null, 2), { mode: 0o600 });
  renameSync(temporary, path);
}
