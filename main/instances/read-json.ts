import type { z } from 'zod';
import { InstanceError } from './instance-error';
import type { RequestContext } from './response-errors';

const JSON_MIME = /^application\/([\w.+-]*\+)?json(\s*;.*)?$/i;

function issuePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? 'the body' : path.map(String).join('.');
}

/**
 * A successful answer's JSON, checked against the schema of what authentik sends. Anything else (HTML,
 * broken JSON, a wrong shape) is `unexpected_response`; messages name fields, never their values.
 */
export async function readJson<S extends z.ZodType>(
  response: Response,
  schema: S,
  context: RequestContext,
): Promise<z.output<S>> {
  const { host, what } = context;
  const contentType = response.headers.get('content-type');
  if (contentType !== null && !JSON_MIME.test(contentType.trim())) {
    const kind = contentType.split(';')[0]?.trim() ?? contentType;
    throw new InstanceError(
      'unexpected_response',
      `${host} answered ${what} with ${kind} instead of JSON; is this the address of an authentik instance?`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(await response.text());
  } catch {
    throw new InstanceError('unexpected_response', `${host} answered ${what} with malformed JSON.`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined ? '' : ` (${issuePath(issue.path)}: ${issue.message})`;
    throw new InstanceError(
      'unexpected_response',
      `${host} answered ${what} in a shape this app does not understand${where}.`,
    );
  }
  return parsed.data;
}
