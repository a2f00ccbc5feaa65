import { genericErrorSchema, validationErrorSchema } from './authentik-schemas';
import { InstanceError } from './instance-error';

/** What a request was for, to name it in messages. */
export interface RequestContext {
  host: string;
  /** Path after `/api/v3`, e.g. `/enterprise/license/`. */
  path: string;
  /** E.g. "the license list", "installing the license". */
  what: string;
  method: string;
}

/** `detail` texts (and DRF codes) that mean the token itself was refused, not a missing permission. */
const TOKEN_PROBLEM = /token|credential|authenticat/i;
const TOKEN_CODES = new Set(['not_authenticated', 'authentication_failed']);
/** The license permission each method needs (authentik's model permissions on License). */
const VIEW_LICENSE = '"Can view License" (view_license)';
const LICENSE_PERMISSIONS: Record<string, string> = {
  POST: '"Can add License" (add_license)',
  PUT: '"Can change License" (change_license)',
  PATCH: '"Can change License" (change_license)',
  DELETE: '"Can delete License" (delete_license)',
};
/** One installed license: `/enterprise/license/<license_uuid>/`. */
const LICENSE_DETAIL = /^\/enterprise\/license\/[0-9a-f-]{36}\/$/i;

async function jsonBody(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text()) as unknown;
  } catch {
    return undefined;
  }
}

/** Every string message in a DRF ValidationError body, field by field. */
function validationMessages(body: Record<string, unknown>, field?: string): string[] {
  const messages: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') messages.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
  };
  if (field !== undefined) collect(body[field]);
  else for (const [name, value] of Object.entries(body)) if (name !== 'code') collect(value);
  return messages;
}

/** Where a redirect points, without its query (it could carry anything). */
function redirectTarget(location: string): string {
  try {
    const target = new URL(location);
    return `${target.origin}${target.pathname}`;
  } catch {
    return location.split(/[?#]/)[0] ?? 'another address';
  }
}

function unauthorized(host: string, detail: string | null): InstanceError {
  const said = detail === null ? '' : ` (authentik said: "${detail}")`;
  return new InstanceError(
    'unauthorized',
    `${host} rejected the API token${said}. It is wrong or expired, or it is an app password rather than an API token: create one in authentik under Directory → Tokens with the intent "API".`,
  );
}

/** An HTTP answer outside 2xx as an InstanceError with words a person understands. */
export async function responseError(response: Response, context: RequestContext): Promise<InstanceError> {
  const { host, what, path, method } = context;
  const status = response.status;
  const body = await jsonBody(response);
  const generic = genericErrorSchema.safeParse(body);
  const detail = generic.success ? generic.data.detail : null;
  const code = generic.success ? (generic.data.code ?? null) : null;
  const write = method !== 'GET' && method !== 'HEAD';

  if (status === 401) return unauthorized(host, detail);
  if (status === 403) {
    if ((detail !== null && TOKEN_PROBLEM.test(detail)) || (code !== null && TOKEN_CODES.has(code)))
      return unauthorized(host, detail);
    const said = detail === null ? '' : ` (authentik said: "${detail}")`;
    const permission = !path.startsWith('/enterprise/license/') ? null : (LICENSE_PERMISSIONS[method] ?? VIEW_LICENSE);
    const hint =
      permission === null
        ? "Give the token's user (or its role) the needed permission."
        : `Give the token's user (or its role) the permission ${permission}.`;
    return new InstanceError(
      'forbidden',
      `${host} accepted the API token, but its user lacks the permission for ${what}${said}. ${hint}`,
    );
  }
  if (status === 404 && write && LICENSE_DETAIL.test(path)) {
    return new InstanceError(
      'not_found',
      `${host} has no such license (HTTP 404) for ${what}: it was deleted or replaced meanwhile. Refresh the instance and try again.`,
    );
  }
  if (status === 404) {
    return new InstanceError(
      'not_found',
      `${host} has no ${path} (HTTP 404) for ${what}: the URL may not point at authentik (give the instance's address, without /api/v3), or its authentik version is too old for this endpoint.`,
    );
  }
  if (status === 400) {
    if (code === 'denied_license') {
      return new InstanceError(
        'read_only',
        `${host} is in read-only mode: its licenses have expired or its users exceed them, so authentik refuses changes (denied_license). Installing a license still works, and a valid one that covers the users ends read-only mode.`,
      );
    }
    const validation = validationErrorSchema.safeParse(body);
    if (validation.success) {
      const keyMessages = validationMessages(validation.data, 'key');
      const messages = keyMessages.length > 0 ? keyMessages : write ? validationMessages(validation.data) : [];
      if (messages.length > 0 && write) {
        return new InstanceError('invalid_key', `${host} refused the license key: ${messages.join(' ')}`, {
          serverMessages: messages,
        });
      }
    }
    const said = detail === null ? '' : ` (authentik said: "${detail}")`;
    return new InstanceError('unexpected_response', `${host} refused ${what} as a bad request (HTTP 400)${said}.`);
  }
  if (status >= 500) {
    // A gateway that timed out or lost its upstream may have forwarded a write that then took effect.
    const maybeDelivered = write && (status === 502 || status === 504);
    return new InstanceError(
      'server_error',
      `${host} failed with a server error (HTTP ${status}) on ${what}; try again later, and check the authentik server's logs if it persists.`,
      { maybeDelivered },
    );
  }
  if (status >= 300 && status < 400) {
    const location = response.headers.get('location');
    const target = location === null ? '' : ` to ${redirectTarget(location)}`;
    return new InstanceError(
      'unexpected_response',
      `${host} redirects ${what} elsewhere (HTTP ${status}${target}); give the instance's final address.`,
    );
  }
  return new InstanceError(
    'unexpected_response',
    `${host} answered ${what} with HTTP ${status}, which authentik's API does not send there.`,
  );
}
