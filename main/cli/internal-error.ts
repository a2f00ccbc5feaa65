import { createSecretRedactor } from '../logging/secret-redactor';
import { tokenVariables } from '../security/token-variables';
import { terminalSafeLine } from './output/terminal-safe';

const TOKEN_ENV_FLAG = '--token-env';

/** The variables this command line named with `--token-env VAR` or `--token-env=VAR`. */
function namedTokenVariables(argv: readonly string[]): string[] {
  return argv.flatMap((arg, index) => {
    if (arg === TOKEN_ENV_FLAG) return [argv[index + 1] ?? ''];
    return arg.startsWith(`${TOKEN_ENV_FLAG}=`) ? [arg.slice(TOKEN_ENV_FLAG.length + 1)] : [];
  });
}

/**
 * The one line aklm prints when it fails for a reason of its own (exit 70). The error's text may quote
 * whatever was being handled when it broke, so the values of the token variables (AKLM_TOKEN, the one
 * `--token-env` names, any named like a credential) and anything shaped like a license key or JWT are
 * redacted, and control characters are shown rather than obeyed.
 */
export function internalErrorLine(error: unknown, argv: readonly string[], env: NodeJS.ProcessEnv): string {
  const redactor = createSecretRedactor();
  for (const name of tokenVariables(env, namedTokenVariables(argv))) {
    const value = env[name];
    if (value !== undefined) redactor.remember(value);
  }
  const message = error instanceof Error ? error.message : String(error);
  return `aklm: internal error: ${terminalSafeLine(redactor.redact(message))}\n`;
}
