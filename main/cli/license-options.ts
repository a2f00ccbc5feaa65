import { authentikRules, type AuthentikRules } from '../../shared/license/authentik-rules';
import { parsePemCertificates, trustRootsOf, defaultTrustRoots, type TrustRoots } from '../license/trust-roots';
import { isUuid, normalisedInstallId } from '../license/install-id';
import { parseInstant } from './parse-instant';
import { readInput } from './read-input';
import { UsageError } from './usage-error';

/** The options `verify` and `timeline` share, validated. */
export interface LicenseOptions {
  roots: TrustRoots;
  at: number;
  /** Lower case, as authentik writes it, whatever case was typed. */
  installId: string | null;
  /** The newest rules: offline, no authentik version is known. */
  rules: AuthentikRules;
}

export const LICENSE_FLAGS = {
  'install-id': { type: 'string' },
  root: { type: 'string', multiple: true },
  at: { type: 'string' },
} as const;

export async function loadTrustRoots(files: readonly string[], stdin: NodeJS.ReadableStream): Promise<TrustRoots> {
  if (files.length === 0) return defaultTrustRoots();
  const certificates = [];
  for (const file of files) {
    const text = await readInput(file, stdin);
    let found;
    try {
      found = parsePemCertificates(text);
    } catch {
      throw new UsageError(`--root ${file} holds a PEM certificate block that is not a valid certificate`);
    }
    if (found.length === 0) throw new UsageError(`--root ${file} holds no PEM certificate`);
    certificates.push(...found);
  }
  return trustRootsOf(certificates);
}

export async function licenseOptions(
  values: { 'install-id'?: string | undefined; root?: string[] | undefined; at?: string | undefined },
  stdin: NodeJS.ReadableStream,
): Promise<LicenseOptions> {
  const typed = values['install-id'] ?? null;
  if (typed !== null && !isUuid(typed)) throw new UsageError(`--install-id expects a UUID, got "${typed}"`);
  return {
    installId: typed === null ? null : normalisedInstallId(typed),
    rules: authentikRules(null),
    at: values.at === undefined ? Date.now() : parseInstant(values.at),
    roots: await loadTrustRoots(values.root ?? [], stdin),
  };
}
