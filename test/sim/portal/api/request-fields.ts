import { bodyNotObject, validationFailed } from './api-error';
import type { RouteContext } from './route';

export type JsonObject = Record<string, unknown>;

/** The request body as a JSON object, or the 422 (without `fields`) for anything else. */
export function objectBody(context: RouteContext): JsonObject {
  let data: unknown;
  try {
    data = JSON.parse(context.request.rawBody);
  } catch {
    throw bodyNotObject();
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw bodyNotObject();
  return data as JsonObject;
}

/** Collects one message per field (the first wins) and refuses the request with all of them at once. */
export class FieldProblems {
  private readonly fields: Record<string, string> = {};

  add(field: string, message: string | null): void {
    if (message !== null) this.fields[field] ??= message;
  }

  has(field: string): boolean {
    return Object.hasOwn(this.fields, field);
  }

  /** Each field not in `allowed` is a problem of its own. */
  rejectUnknown(body: JsonObject, allowed: readonly string[]): void {
    for (const field of Object.keys(body)) {
      if (!allowed.includes(field)) this.add(field, 'This field is not part of the request; leave it out');
    }
  }

  /** A body that must change something: at least one of `allowed`. */
  requireSome(body: JsonObject, allowed: readonly string[], message: string): void {
    if (!allowed.some((field) => Object.hasOwn(body, field))) this.add('body', message);
  }

  /** A required text field, trimmed; `check` gives the message for a bad value. */
  text(
    body: JsonObject,
    field: string,
    required: boolean,
    check: (value: string) => string | null,
  ): string | undefined {
    if (!Object.hasOwn(body, field)) {
      if (required) this.add(field, check(''));
      return undefined;
    }
    const value = body[field];
    if (typeof value !== 'string') {
      this.add(field, check('') ?? 'This field is text');
      return undefined;
    }
    const problem = check(value.trim());
    this.add(field, problem);
    return problem === null ? value.trim() : undefined;
  }

  /** Throws the 422 when any problem was found. */
  settle(): void {
    if (Object.keys(this.fields).length > 0) throw validationFailed({ ...this.fields });
  }
}

/** 1 to 100 characters after trimming (organization names, license nicknames). */
export function nameProblem(what: string): (value: string) => string | null {
  const message = `Give the ${what} a name of 1 to 100 characters`;
  return (value) => (value.length >= 1 && value.length <= 100 ? null : message);
}

export const ROLE_MESSAGE = 'The role is owner or member';

export function roleProblem(value: string): string | null {
  return value === 'owner' || value === 'member' ? null : ROLE_MESSAGE;
}
