/** The one error shape of Portal API v1: `{ error: { code, message, fields? } }`. */
export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

/** A refusal a route throws; the router answers it in the error shape and changes nothing. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }

  body(): ErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.fields === undefined ? {} : { fields: this.fields }) },
    };
  }
}

export function notFound(what: string): ApiError {
  return new ApiError(
    404,
    'not_found',
    `No ${what} with this id in your organizations. Check the id, or ask an Owner to invite you.`,
  );
}

export function ownerRequired(orgName: string, action: string): ApiError {
  return new ApiError(
    403,
    'owner_required',
    `Only an Owner of ${orgName} can ${action}. Ask an Owner to do it, or to make you an Owner.`,
  );
}

export function conflict(code: string, message: string): ApiError {
  return new ApiError(409, code, message);
}

export function validationFailed(fields: Record<string, string>): ApiError {
  return new ApiError(
    422,
    'validation_failed',
    'Some fields are not valid. Correct them and send the request again.',
    fields,
  );
}

export function bodyNotObject(): ApiError {
  return new ApiError(
    422,
    'validation_failed',
    'The request body must be a JSON object. Send the fields as one JSON object.',
  );
}
