/** Where aklm reads an instance's API token when `--token-env` names no other variable. */
const AKLM_TOKEN = 'AKLM_TOKEN';

/**
 * Names that hold a credential by convention: GITHUB_TOKEN, AWS_SECRET_ACCESS_KEY, PGPASSWORD,
 * NPM_CONFIG__AUTH_TOKEN, OPENAI_API_KEY… A browser or file viewer needs none of them.
 */
const CREDENTIAL_NAME =
  /(?:^|_)(?:[A-Z]*TOKEN|[A-Z]*SECRET|[A-Z]*PASSWORD|PASSWD|CREDENTIALS?|APIKEY|API_KEY|ACCESS_KEY|PRIVATE_KEY)S?(?:_|$)/i;

/** The variables of `env` that hold a token: AKLM_TOKEN, the ones `named` (`--token-env`), and any named like a credential. */
export function tokenVariables(env: NodeJS.ProcessEnv, named: readonly string[] = []): string[] {
  return Object.keys(env).filter((name) => name === AKLM_TOKEN || named.includes(name) || CREDENTIAL_NAME.test(name));
}

/** `env` without its token variables: what a program started for the person (their browser) gets. */
export function withoutTokenVariables(env: NodeJS.ProcessEnv, named: readonly string[] = []): NodeJS.ProcessEnv {
  const dropped = new Set(tokenVariables(env, named));
  return Object.fromEntries(Object.entries(env).filter(([name]) => !dropped.has(name)));
}
