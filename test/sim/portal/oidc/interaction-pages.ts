import { escapeHtml, htmlPage } from '../html';

/** Every seeded user signs in with this password (the simulator is test and demo infrastructure only). */
export const DEMO_PASSWORD = 'portal-demo';

export interface SignInPageInput {
  action: string;
  clientName: string;
  scopes: string[];
  /** Offered in the e-mail field's suggestion list. */
  knownEmails: string[];
  /** Shown and not asked again when the browser already has a session. */
  signedInAs: string | null;
  email?: string;
  error?: string;
}

const SCOPE_WORDS: Record<string, string> = {
  openid: 'know who you are',
  email: 'see your e-mail address',
  profile: 'see your name',
  offline_access: 'stay signed in until you sign out',
};

/** The one interaction page: who you are (unless already signed in), what the app asks for, Allow / Deny. */
export function renderSignInPage(input: SignInPageInput): string {
  const asks = input.scopes.map((scope) => `<li>${escapeHtml(SCOPE_WORDS[scope] ?? scope)}</li>`).join('');
  const who =
    input.signedInAs === null
      ? `<label for="email">E-mail</label>
<input id="email" name="email" type="email" list="known-users" autocomplete="username" value="${escapeHtml(input.email ?? '')}">
<datalist id="known-users">${input.knownEmails.map((email) => `<option value="${escapeHtml(email)}">`).join('')}</datalist>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password">
<p class="note">Demo password for every user: <code>${DEMO_PASSWORD}</code></p>`
      : `<p>Signed in as <strong>${escapeHtml(input.signedInAs)}</strong>.</p>`;
  const error = input.error === undefined ? '' : `<p class="error" role="alert">${escapeHtml(input.error)}</p>`;
  return htmlPage(
    'Sign in to the customer portal',
    `${error}
<form method="post" action="${escapeHtml(input.action)}">
${who}
<p><strong>${escapeHtml(input.clientName)}</strong> asks to:</p>
<ul>${asks}</ul>
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>`,
  );
}

/** What oidc-provider shows when it cannot send the browser back to the app (bad client, bad redirect URI …). */
export function renderErrorPage(error: string, description: string): string {
  return htmlPage(
    'Sign-in failed',
    `<p class="error" role="alert"><code>${escapeHtml(error)}</code>: ${escapeHtml(description)}</p>`,
  );
}
