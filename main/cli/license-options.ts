import { parsePemCertificates, trustRootsOf, defaultTrustRoots, type TrustRoots } from '../license/trust-roots';
import { isUuid } from '../license/install-id';
import { parseInstant } from './parse-instant';
import { readInput } from './read-input';
import { UsageError } from './usage-error';

/** The options `verify` and `timeline` share, validated. */
export interface LicenseOptions {
  roots: TrustRoots;
  at: number;
  installId: string | null;
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
  const installId = values['install-id'] ?? null;
  if (installId !== null && !isUuid(installId)) throw new UsageError(`--install-id expects a UUID, got "${installId}"`);
  return {
    installId,
    at: values.at === undefined ? Date.now() : parseInstant(values.at),
    roots: await loadTrustRoots(values.root ?? [], stdin),
  };
}
