import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { readForm, sendHtml } from '../http/http-io';
import { DEMO_PASSWORD, renderErrorPage, renderSignInPage } from './interaction-pages';
import type { IdentityUser } from './identity-provider';

export interface InteractionDeps {
  provider: Provider;
  users(): readonly IdentityUser[];
  findUserByEmail(email: string): IdentityUser | undefined;
}

type InteractionDetails = Awaited<ReturnType<Provider['interactionDetails']>>;

function requestedScopes(details: InteractionDetails): string[] {
  return String(details.params.scope ?? 'openid')
    .split(' ')
    .filter((scope) => scope !== '');
}

async function pageInput(deps: InteractionDeps, details: InteractionDetails, action: string) {
  const client = await deps.provider.Client.find(String(details.params.client_id));
  const accountId = details.prompt.name === 'login' ? undefined : details.session?.accountId;
  const signedIn = accountId === undefined ? undefined : deps.users().find((user) => user.id === accountId);
  return {
    action,
    clientName: client?.clientName ?? String(details.params.client_id),
    scopes: requestedScopes(details),
    knownEmails: deps.users().map((user) => user.email),
    signedInAs: signedIn?.email ?? null,
  };
}

/** Login and consent in one form: the user, their password, and the scopes granted on Allow. */
async function finishAllowed(
  deps: InteractionDeps,
  request: IncomingMessage,
  response: ServerResponse,
  details: InteractionDetails,
  accountId: string,
): Promise<void> {
  const { Grant } = deps.provider;
  const clientId = String(details.params.client_id);
  const existing = details.grantId === undefined ? undefined : await Grant.find(details.grantId);
  const grant = existing ?? new Grant({ accountId, clientId });
  grant.addOIDCScope(requestedScopes(details).join(' '));
  const grantId = await grant.save();
  await deps.provider.interactionFinished(
    request,
    response,
    { login: { accountId }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

/**
 * `GET /interaction/<uid>` shows the sign-in page; `POST` the same path submits it: Deny ends the
 * authorization with `access_denied`, Allow with a known e-mail and the demo password signs in and
 * grants the requested scopes; anything else shows the page again with what was wrong (401).
 */
export async function serveInteraction(
  deps: InteractionDeps,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
): Promise<void> {
  let details: InteractionDetails;
  try {
    details = await deps.provider.interactionDetails(request, response);
  } catch {
    sendHtml(
      response,
      400,
      renderErrorPage(
        'session_not_found',
        'This sign-in page has expired or was opened in another browser. Start signing in again from the app.',
      ),
    );
    return;
  }
  const input = await pageInput(deps, details, path);
  if (request.method === 'GET') {
    sendHtml(response, 200, renderSignInPage(input));
    return;
  }
  if (request.method !== 'POST') {
    response.writeHead(405, { Allow: 'GET, POST' }).end();
    return;
  }
  const form = await readForm(request);
  if (form.get('decision') === 'deny') {
    await deps.provider.interactionFinished(
      request,
      response,
      { error: 'access_denied', error_description: 'The user denied the request.' },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  const sessionAccount = details.session?.accountId;
  if (input.signedInAs !== null && sessionAccount !== undefined) {
    await finishAllowed(deps, request, response, details, sessionAccount);
    return;
  }
  const email = (form.get('email') ?? '').trim();
  const user = deps.findUserByEmail(email);
  if (user === undefined || form.get('password') !== DEMO_PASSWORD) {
    sendHtml(
      response,
      401,
      renderSignInPage({
        ...input,
        email,
        error: 'Unknown e-mail address or wrong password. Check both and try again.',
      }),
    );
    return;
  }
  await finishAllowed(deps, request, response, details, user.id);
}
