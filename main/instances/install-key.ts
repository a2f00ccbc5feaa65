import { toIsoUtc } from '../../shared/time/iso';
import { licenseIdentity } from '../license/fingerprint';
import type { TrustRoots } from '../license/trust-roots';
import { preflightAgainst } from './install-preflight';
import type { InstanceClient } from './instance-client';
import { InstanceError } from './instance-error';
import type { InstalledLicense } from './instance-snapshot';
import { installedLicenseJson } from './license-json';
import type { StatusHistoryEntry } from './status-history';

/** The `install --json` contract. */
export interface InstallReport {
  installed: boolean;
  reason: string;
  message: string;
  warnings: string[];
  license?: {
    license_uuid: string;
    name: string;
    expiry: string;
    internal_users: number;
    external_users: number;
    fingerprint: string;
  };
}

export interface InstallOutcome {
  report: InstallReport;
  /** 0 installed (or already there), 1 refused by the preflight or by authentik, 3 unknown or unreachable. */
  exit: 0 | 1 | 3;
}

/** After a POST whose answer was lost: is the license there? Never a second POST. */
async function findInstalled(client: InstanceClient, identity: string): Promise<InstalledLicense | null> {
  try {
    return (await client.listLicenses()).find((license) => licenseIdentity(license.key) === identity) ?? null;
  } catch {
    return null;
  }
}

/**
 * Installs a key safely: checked offline against the instance first (by its clock), never sent twice,
 * never one after which authentik would be read-only for too few seats (unless allowed), and exactly one POST. With
 * `replaces` (an installed license's uuid) it is a renewal: the same preflight without that license's
 * seats, then exactly one PATCH of it.
 */
export async function installKey(
  client: InstanceClient,
  key: string,
  options: {
    roots: TrustRoots;
    now: number;
    allowOverCapacity: boolean;
    url: string;
    overrideHint: string;
    replaces?: string | null;
    /** The app's readings of this instance, which narrow the bounds of its last valid date; none for `--url`. */
    history?: readonly StatusHistoryEntry[];
  },
): Promise<InstallOutcome> {
  const replaces = options.replaces ?? null;
  const text = key.trim();
  let snapshot;
  try {
    snapshot = await client.readSnapshot();
  } catch (error) {
    if (!(error instanceof InstanceError)) throw error;
    return {
      exit: 3,
      report: { installed: false, reason: error.code, message: `${error.message} Nothing was sent.`, warnings: [] },
    };
  }
  const { verdict, preflight } = preflightAgainst(snapshot, text, { ...options, replaces });
  const { warnings } = preflight;
  if (preflight.action === 'refuse')
    return { exit: 1, report: { installed: false, reason: preflight.reason, message: preflight.message, warnings } };
  if (preflight.action === 'already_installed') {
    const existing = snapshot.licenses.find((license) => license.licenseUuid === preflight.licenseUuid);
    return {
      exit: 0,
      report: {
        installed: true,
        reason: 'already_installed',
        message: `This key is already installed on ${options.url}${existing ? ` as "${existing.name}"` : ''}; nothing was sent.`,
        warnings,
        ...(existing ? { license: installedLicenseJson(existing) } : {}),
      },
    };
  }

  const replaced = snapshot.licenses.find((license) => license.licenseUuid === replaces);
  try {
    const license = replaces === null ? await client.installLicense(text) : await client.replaceLicense(replaces, text);
    const done =
      replaced === undefined
        ? `Installed "${license.name}"`
        : `Replaced the key of "${replaced.name}" with "${license.name}"`;
    return {
      exit: 0,
      report: {
        installed: true,
        reason: 'ok',
        message: `${done} on ${options.url}; it expires ${toIsoUtc(license.expiry)}. authentik's cached status can take hours to reflect it.`,
        warnings,
        license: installedLicenseJson(license),
      },
    };
  } catch (error) {
    if (!(error instanceof InstanceError)) throw error;
    if (error.code === 'invalid_key') {
      return {
        exit: 1,
        report: {
          installed: false,
          reason: 'rejected_by_server',
          message: `authentik refused the key: ${error.serverMessages.join('; ') || error.message}`,
          warnings,
        },
      };
    }
    if (error.code === 'read_only')
      return { exit: 1, report: { installed: false, reason: 'read_only', message: error.message, warnings } };
    const mayHaveApplied =
      error.maybeDelivered || error.code === 'server_error' || error.code === 'unexpected_response';
    if (!mayHaveApplied)
      return {
        exit: 3,
        report: {
          installed: false,
          reason: error.code,
          message: `${error.message} The key was not installed.`,
          warnings,
        },
      };
    const found = await findInstalled(client, verdict.licenseIdentity);
    if (found !== null) {
      return {
        exit: 0,
        report: {
          installed: true,
          reason: 'ok',
          message: `authentik's answer was lost, but the key is installed on ${options.url} as "${found.name}".`,
          warnings,
          license: installedLicenseJson(found),
        },
      };
    }
    if (!error.maybeDelivered)
      return {
        exit: 3,
        report: {
          installed: false,
          reason: error.code,
          message: `${error.message} The key is not installed.`,
          warnings,
        },
      };
    return {
      exit: 3,
      report: {
        installed: false,
        reason: 'outcome_unknown',
        message: `The key was sent but no answer came (${error.message}), and the instance could not confirm it; check its licenses before trying again. It was not sent twice.`,
        warnings,
      },
    };
  }
}
