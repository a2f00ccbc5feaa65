import { parseArgs, type ParseArgsConfig } from 'node:util';
import { USAGE_EXIT, UsageError } from './usage-error';

type Options = NonNullable<ParseArgsConfig['options']>;

/** `util.parseArgs` in strict mode, its errors turned into one-line usage errors. */
export function parseFlags<const T extends Options>(args: string[], options: T, exitCode = USAGE_EXIT) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? 'invalid arguments';
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/, ''), exitCode);
  }
}
