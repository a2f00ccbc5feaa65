import { AccountStoreError } from '../../portal/account-store';
import { PortalError } from '../../portal/portal-error';
import { DEFAULT_PORTAL_URL } from '../../portal/purchase-url';
import { KeychainUnavailableError } from '../../secrets/secret-store';
import type { CliIo } from '../io';
import { terminalLines } from '../output/terminal-safe';
import { UNKNOWN_EXIT } from '../usage-error';

/** The portal refused (403 role, 409 conflict, 422 validation): the server's message is printed. */
export const REFUSED_EXIT = 1;

/** The answers that are the portal's refusal; every other failure (a 404 included) is unexpected here. */
const REFUSALS: ReadonlySet<number> = new Set([403, 409, 422]);

/**
 * The exit code for a portal error, as the contract fixes it: 1 when the portal refused (403, 409, 422),
 * 3 for everything else: unreachable, not signed in, or an unexpected answer (a 404: the CLI only names
 * objects the portal has just listed, so "not found" means something went wrong, not a refusal).
 */
export function portalExitCode(error: PortalError): number {
  return error.status !== undefined && REFUSALS.has(error.status) ? REFUSED_EXIT : UNKNOWN_EXIT;
}

function loginHint(portalUrl: string | undefined): string {
  return portalUrl === undefined || portalUrl === DEFAULT_PORTAL_URL
    ? 'aklm portal login'
    : `aklm portal login --portal ${portalUrl}`;
}

/**
 * Reports a failure of a portal command on stderr, in words, and returns its exit code; errors that are
 * not the portal's, the keychain's or the account list's are rethrown.
 */
export function reportPortalFailure(error: unknown, io: CliIo, portalUrl?: string): number {
  if (error instanceof KeychainUnavailableError || error instanceof AccountStoreError) {
    io.stderr.write(terminalLines([`aklm: ${error.message}`]));
    return UNKNOWN_EXIT;
  }
  if (!(error instanceof PortalError)) throw error;
  io.stderr.write(
    terminalLines([
      `aklm: ${error.message}`,
      ...Object.entries(error.fields).map(([field, message]) => `  ${field}: ${message}`),
    ]),
  );
  if (error.code === 'unauthorized' || error.code === 'not_signed_in')
    io.stderr.write(terminalLines([`Sign in with: ${loginHint(portalUrl)}`]));
  return portalExitCode(error);
}
