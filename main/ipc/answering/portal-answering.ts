import type { ErrorCode } from '../../../shared/ipc/result';
import { AccountStoreError } from '../../portal/account-store';
import { PortalError, type PortalErrorCode } from '../../portal/portal-error';
import { IpcError } from '../ipc-error';
import { answering } from './answering';

/** Each portal failure as the code the page branches on. */
const CODES: Record<PortalErrorCode, ErrorCode> = {
  // A 401 that survived one refresh, or no tokens at all: the person signs in again.
  unauthorized: 'not_signed_in',
  not_signed_in: 'not_signed_in',
  forbidden: 'forbidden',
  not_found: 'not_found',
  conflict: 'conflict',
  validation: 'invalid_input',
  unreachable: 'connection_failed',
  // A 5xx or an answer outside Portal API v1: the call failed on the portal's side.
  unexpected_response: 'connection_failed',
  not_a_portal: 'not_a_portal',
  sign_in_declined: 'refused',
  sign_in_state_mismatch: 'refused',
  sign_in_timeout: 'refused',
  sign_in_failed: 'refused',
};

/** A PortalError as an IpcError: the portal's own words, and a 422's message per field. */
export function portalIpcError(error: PortalError): IpcError {
  const fields = Object.keys(error.fields).length > 0 ? error.fields : undefined;
  return new IpcError(CODES[error.code], error.message, error.code === 'validation' ? fields : undefined);
}

/** `answering` for portal work: portal and account-list failures too become stable codes with words. */
export function portalAnswering<T>(work: () => Promise<T>): Promise<T> {
  return answering(async () => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof PortalError) throw portalIpcError(error);
      if (error instanceof AccountStoreError) throw new IpcError('internal_error', error.message);
      throw error;
    }
  });
}
