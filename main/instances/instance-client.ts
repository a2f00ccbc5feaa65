import { apiTokenProblem, caCertificateProblem } from '../../shared/instances/validation';
import { createAuthentikApi, type AuthentikApi } from './authentik-api';
import { apiLocationOf } from './connection-url';
import { deleteLicense } from './delete-license';
import { createInstanceFetch } from './instance-fetch';
import { InstanceError } from './instance-error';
import type { InstalledLicense, InstanceSnapshot } from './instance-snapshot';
import { installLicense } from './install-license';
import { listAllLicenses } from './license-list';
import { readSnapshot } from './read-snapshot';
import { redactSecrets } from './redact';
import { replaceLicense } from './replace-license';

/** How to reach one authentik instance. */
export interface InstanceConnection {
  /** The instance's origin, optionally with a base path (`https://auth.example.com/authentik`); `/api/v3` is appended. */
  url: string;
  /** An authentik API token (Directory → Tokens, intent API) or an OAuth2 access token. */
  token: string;
  /** An extra CA certificate (PEM) trusted in addition to the usual roots. */
  caPem?: string | null;
  /** Total time for each request, retries included; default 15 000. */
  timeoutMs?: number;
  /**
   * Send the token over plain http:// to another computer. Off unless the person allowed it for this
   * instance; loopback addresses need no permission.
   */
  allowHttp?: boolean;
}

export interface InstanceClient {
  /** Version, Install ID, live and cached summary, forecast and every license; throws InstanceError. */
  readSnapshot(): Promise<InstanceSnapshot>;
  /** Every installed license, all pages; throws InstanceError. */
  listLicenses(): Promise<InstalledLicense[]>;
  /** Installs a key with exactly one POST, never retried; throws InstanceError. */
  installLicense(key: string): Promise<InstalledLicense>;
  /** Replaces an installed license's key (a renewal) with exactly one PATCH, never retried; throws InstanceError. */
  replaceLicense(licenseUuid: string, key: string): Promise<InstalledLicense>;
  /** Deletes an installed license with exactly one DELETE; throws InstanceError. */
  deleteLicense(licenseUuid: string): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** Problems with the connection itself, found before anything is sent: the shared token and CA rules. */
function connectionProblem(token: string, caPem: string | null): InstanceError | null {
  const tokenProblem = apiTokenProblem(token);
  if (tokenProblem !== null) return new InstanceError('unauthorized', tokenProblem);
  const caProblem = caPem === null ? null : caCertificateProblem(caPem);
  return caProblem === null ? null : new InstanceError('tls', caProblem);
}

/** Turns anything thrown into an InstanceError whose message holds none of the secrets. */
function sanitized(error: unknown, secrets: readonly string[]): InstanceError {
  if (error instanceof InstanceError) {
    const message = redactSecrets(error.message, secrets);
    const serverMessages = error.serverMessages.map((text) => redactSecrets(text, secrets));
    if (message === error.message && serverMessages.every((text, index) => text === error.serverMessages[index]))
      return error;
    return new InstanceError(error.code, message, { serverMessages, maybeDelivered: error.maybeDelivered });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new InstanceError(
    'unexpected_response',
    redactSecrets(`Talking to the instance failed unexpectedly: ${detail}`, secrets),
  );
}

/** A client for one authentik instance over its REST API, built on the official `@goauthentik/api`. */
export function createInstanceClient(connection: InstanceConnection): InstanceClient {
  const token = connection.token.trim();
  const caPem = connection.caPem ?? null;
  const timeoutMs = connection.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new RangeError(`timeoutMs must be a positive number of milliseconds, not ${timeoutMs}`);

  let api: AuthentikApi | InstanceError;
  try {
    const location = apiLocationOf(connection.url, connection.allowHttp ?? false);
    api =
      connectionProblem(token, caPem) ??
      createAuthentikApi(location, token, createInstanceFetch({ host: location.host, timeoutMs, caPem }));
  } catch (error) {
    api = sanitized(error, [token]);
  }

  const run = async <T>(secrets: readonly string[], work: (ready: AuthentikApi) => Promise<T>): Promise<T> => {
    if (api instanceof InstanceError) throw api;
    try {
      return await work(api);
    } catch (error) {
      throw sanitized(error, secrets);
    }
  };

  return {
    readSnapshot: () => run([token], (ready) => readSnapshot(ready, connection.url)),
    listLicenses: () => run([token], (ready) => listAllLicenses(ready)),
    installLicense: (key) => run([token, key, key.trim()], (ready) => installLicense(ready, key.trim())),
    replaceLicense: (licenseUuid, key) =>
      run([token, key, key.trim()], (ready) => replaceLicense(ready, licenseUuid, key.trim())),
    deleteLicense: (licenseUuid) => run([token], (ready) => deleteLicense(ready, licenseUuid)),
  };
}
