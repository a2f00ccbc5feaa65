/** A queued misbehaviour for the next matching request(s). */
export interface PortalFault {
  /** Default: any method. */
  method?: string;
  /** The request path (no query), e.g. '/api/v1/me' or '/oidc/token'; default any path. */
  path?: string | RegExp;
  /** How many matching requests it hits; default 1. */
  times?: number;
  /** 'status': answer `status` (default 500) in the API's error shape; 'drop': close the connection unanswered. */
  kind?: 'status' | 'drop';
  status?: number;
  /**
   * For 'status': the body's `error` object, in the API's error shape (e.g. a 422 `validation_failed` with
   * `fields`, for a rule only the real portal knows); default a `server_error` in words.
   */
  error?: { code: string; message: string; fields?: Record<string, string> };
}
