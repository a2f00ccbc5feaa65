export type InstanceServiceErrorCode =
  | 'invalid_name'
  | 'duplicate_name'
  | 'invalid_url'
  | 'invalid_token'
  | 'invalid_ca'
  | 'invalid_customer'
  | 'invalid_tags'
  | 'unknown_instance'
  | 'missing_token';

/** A request the service refuses before anything is sent or saved, or a saved instance it cannot use; the message is for people. */
export class InstanceServiceError extends Error {
  override name = 'InstanceServiceError';

  constructor(
    readonly code: InstanceServiceErrorCode,
    message: string,
  ) {
    super(message);
  }
}
