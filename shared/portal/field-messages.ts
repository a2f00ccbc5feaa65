import type { z } from 'zod';

/**
 * A 422's `fields` from a failed zod parse of a request: the first message for each field, keyed by its
 * dotted path; a message about the whole body is keyed by `body`; each unknown field gets its own entry.
 */
export function fieldMessages(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  const add = (key: string, message: string) => {
    fields[key] ??= message;
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        add([...issue.path, key].join('.'), 'This field is not part of the request; leave it out');
    } else {
      add(issue.path.length > 0 ? issue.path.join('.') : 'body', issue.message);
    }
  }
  return fields;
}
