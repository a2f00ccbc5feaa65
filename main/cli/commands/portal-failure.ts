import { AccountStoreError } from '../../portal/account-store';
import { PortalError } from '../../portal/portal-error';
import { DEFAULT_PORTAL_URL } from '../../portal/purchase-url';
import { KeychainUnavailableError } from '../../secrets/secret-store';
import type { CliIo } from '../io';
import { UNKNOWN_EXIT, USAGE_EXIT } from '../usage-error';

/** The portal refused (403, 404, 409, 422): the server's message is printed. */
export const REFUSED_EXIT = 1;

/** The exit code for a portal error: 1 refused by the portal, 2 bad input caught before sending, 3 everything else. */
export function portalExitCode(error: PortalError): number {
  switch (error.code) {
    case 'forbidden':
    case 'conflict':
    case 'not_found':
      return REFUSED_EXIT;
    case 'validation':
      // No status: this app refused the input before sending anything.
      return error.status === undefined ? USAGE_EXIT : REFUSED_EXIT;
    default:
      return UNKNOWN_EXIT;
  }
}

function loginHint(portalUrl: string | undefined): string {
  return portalUrl === undefined || portalUrl === DEFAULT_PORTAL_URL ? 'aklm portal login' : `aklm portal login --portal ${portalUrl}`;
}

/**
 * Reports a failure of a portal command on stderr, in words, and returns its exit code; errors that are
 * not the portal's, the keychain's or the account list's are rethrown.
 */
export function reportPortalFailure(error: unknown, io: CliIo, portalUrl?: string): number {
  if (error instanceof KeychainUnavailableError || error instanceof AccountStoreError) {
    io.stderr.write(`aklm: ${error.message}\n`);
    return UNKNOWN_EXIT;
  }
  if (!(error instanceof PortalError)) throw error;
  io.stderr.write(`aklm: ${error.message}\n`);
  for (const [field, message] of Object.entries(error.fields)) io.stderr.write(`  ${field}: ${message}\n`);
  if (error.code === 'unauthorized' || error.code === 'not_signed_in') io.stderr.write(`Sign in with: ${loginHint(portalUrl)}\n`);
  return portalExitCode(error);
}
