/** Far above any authentik token (they are 60-odd characters), so only something else pasted by mistake is refused. */
const TOKEN_MAX_LENGTH = 4096;

/** Whitespace or control characters: what a token copied with its line break or a neighbouring word holds. */
// eslint-disable-next-line no-control-regex
const SPACE_OR_CONTROL = /[\s\u0000-\u001f\u007f]/;

export const TOKEN_MESSAGES = {
  missing:
    'Paste an API token: create one in authentik under Directory → Tokens and App passwords, with the intent API.',
  tooLong: `An API token has at most ${TOKEN_MAX_LENGTH} characters; paste only the token.`,
  spaces: 'The API token contains spaces or line breaks; copy it again from Directory → Tokens and App passwords.',
} as const;

/** Why `token` (as typed; it is used trimmed) is not an API token, or null when it may be one. */
export function apiTokenProblem(token: string): string | null {
  const trimmed = token.trim();
  if (trimmed === '') return TOKEN_MESSAGES.missing;
  if (trimmed.length > TOKEN_MAX_LENGTH) return TOKEN_MESSAGES.tooLong;
  return SPACE_OR_CONTROL.test(trimmed) ? TOKEN_MESSAGES.spaces : null;
}
