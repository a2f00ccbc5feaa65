import type { ApiRequest, ApiResponse } from './api-types';
import { detail } from './api-types';

/** Python's name for a JSON value's type, as DRF's "Expected a dictionary, but got X." uses it. */
function pythonType(value: unknown): string {
  if (value === null) return 'NoneType';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return 'dict';
}

/** DRF's `JSONParser` and `Serializer.to_internal_value` up to the dictionary check. An empty body is `{}`. */
export function parseObjectBody(
  request: ApiRequest,
): { ok: true; data: Record<string, unknown> } | { ok: false; response: ApiResponse } {
  let data: unknown = {};
  if (request.rawBody.trim() !== '') {
    try {
      data = JSON.parse(request.rawBody);
    } catch (error) {
      return { ok: false, response: detail(400, `JSON parse error - ${(error as Error).message}`) };
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      ok: false,
      response: {
        status: 400,
        body: { non_field_errors: [`Invalid data. Expected a dictionary, but got ${pythonType(data)}.`] },
      },
    };
  }
  return { ok: true, data: data as Record<string, unknown> };
}

/**
 * DRF's `CharField` (trim_whitespace, allow_blank=False) for one field: the trimmed text, `undefined`
 * when absent and optional, or the field's error list.
 */
export function charField(
  data: Record<string, unknown>,
  field: string,
  required: boolean,
): { ok: true; value: string | undefined } | { ok: false; response: ApiResponse } {
  const fail = (message: string) => ({ ok: false as const, response: { status: 400, body: { [field]: [message] } } });
  if (!Object.hasOwn(data, field)) return required ? fail('This field is required.') : { ok: true, value: undefined };
  const value = data[field];
  if (value === null) return fail('This field may not be null.');
  if (typeof value === 'boolean' || (typeof value !== 'string' && typeof value !== 'number'))
    return fail('Not a valid string.');
  const text = String(value).trim();
  if (text === '') return fail('This field may not be blank.');
  return { ok: true, value: text };
}
