import { AT, keyCases } from '../pki/key-cases';
import { cliFixtures } from './cli-fixtures';

export const at = AT.toISOString();
export const YEAR = 365 * 24 * 3600;

/** One verdict as `aklm verify --json` prints it. */
export interface VerdictJson {
  valid: boolean;
  reason: string;
  message: string;
  checks: { name: string; ok: boolean | null; detail: string }[];
  claims: Record<string, unknown> | null;
  claims_verified: boolean;
  install_id: string | null;
  expires_at: string | null;
  fingerprint: string;
  authentik_rules: { authentik_version: string | null; releases: string; assumed: boolean; basis: string };
  line?: number;
}

export const FIELDS = [
  'valid',
  'reason',
  'message',
  'checks',
  'claims',
  'claims_verified',
  'install_id',
  'expires_at',
  'fingerprint',
  'authentik_rules',
];
export const NEWEST_ASSUMED = 'newest rules assumed (authentik 2026.5 or later): no authentik version known';

/** A test file's CLI fixtures, the key cases of its PKI, and the valid key as written to valid.jwt. */
export async function verifyFixtures() {
  const fx = await cliFixtures();
  const cases = keyCases(fx.pki);
  const caseKey = (title: string): string => {
    const found = cases.find((entry) => entry.title === title);
    if (found === undefined) throw new Error(`no case "${title}"`);
    return found.key;
  };
  const validKey = caseKey('ES512 over a P-384 signer, as authentik issues');
  const validFile = await fx.write('valid.jwt', `${validKey}\n`);
  return { fx, cases, caseKey, validKey, validFile };
}
