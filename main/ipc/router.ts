import { isDeepStrictEqual } from 'node:util';
import { isChannel } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';
import type { IpcFailure, Result } from '../../shared/ipc/result';
import type { Handlers } from './handlers';
import { IpcError } from './ipc-error';
import type { Sender } from './sender';

export interface RouterOptions {
  handlers: Handlers;
  isTrusted: (sender: Sender) => boolean;
  /**
   * `strict` (tests, the bridge): an output that does not match its schema exactly, including an
   * extra field, is an error. `strip`: unknown fields are dropped, so nothing beyond the schema leaves.
   */
  outputCheck: 'strict' | 'strip';
  /** Told about unexpected handler failures; never given inputs, which may hold keys. */
  onInternalError?: (channel: string, error: unknown) => void;
}

export type Router = (channel: unknown, input: unknown, sender: Sender) => Promise<Result<unknown>>;

function failure(code: IpcFailure['code'], message: string, fields?: Readonly<Record<string, string>>): Result<never> {
  return { ok: false, error: { code, message, ...(fields === undefined ? {} : { fields: { ...fields } }) } };
}

/** sender check → input validation → handler → output validation → a Result, never a throw. */
export function createRouter(options: RouterOptions): Router {
  return async (channel, input, sender) => {
    if (!isChannel(channel)) return failure('unknown_channel', `There is no channel named ${JSON.stringify(channel)}.`);
    if (!options.isTrusted(sender)) return failure('forbidden', "This request did not come from the app's own window.");
    const spec = contract[channel];
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return failure('invalid_input', `${where}${issue?.message ?? 'the request is not valid'}`);
    }
    let value: unknown;
    try {
      const handler = options.handlers[channel] as (input: unknown) => Promise<unknown>;
      value = await handler(parsed.data);
    } catch (error) {
      if (error instanceof IpcError) return failure(error.code, error.message, error.fields);
      options.onInternalError?.(channel, error);
      return failure('internal_error', 'Something went wrong inside the app; the details are in its log.');
    }
    const output = spec.output.safeParse(value);
    if (!output.success || (options.outputCheck === 'strict' && !isDeepStrictEqual(output.data, value))) {
      options.onInternalError?.(channel, new Error(`${channel} returned a value outside its schema`));
      return failure('internal_error', 'Something went wrong inside the app; the details are in its log.');
    }
    return { ok: true, value: output.data };
  };
}
