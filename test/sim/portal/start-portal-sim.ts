import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWK } from 'oidc-provider';
import { toIsoUtc } from '../../../shared/time/iso';
import { FaultQueue } from '../shared/fault-queue';
import { dispatchApi } from './api/api-router';
import { accountRoutes } from './api/routes/account-routes';
import { billingRoutes } from './api/routes/billing-routes';
import { invitationRoutes } from './api/routes/invitation-routes';
import { licenseRoutes } from './api/routes/license-routes';
import { memberRoutes } from './api/routes/member-routes';
import { organizationRoutes } from './api/routes/organization-routes';
import { settleDueCheckouts } from './commerce/checkout';
import { LicenseSigner } from './commerce/license-signer';
import type { PortalFault } from './http/faults';
import { BodyTooLargeError, readBody, sendHtml, sendJson, sendPdf } from './http/http-io';
import { createIdentityProvider, INTERACTION_PATH, ISSUER_PATH, NATIVE_REDIRECT_URIS } from './oidc/identity-provider';
import { serveInteraction } from './oidc/interaction-routes';
import { TokenStore } from './oidc/token-store';
import { renderNotFoundPage } from './pages/commerce-pages';
import { servePage } from './pages/page-routes';
import { newId } from './state/ids';
import { PortalState } from './state/portal-state';
import { emptyPortalData, type OutboxMessage } from './state/records';
import { seedPortalData } from './state/seed';
import { catalogPlans } from './state/seed-licenses';
import { readStateFile, writeStateFile } from './state/state-file';
import type { OutboxMail, PortalSim, PortalSimOptions, PortalSimRequest } from './types';

const DEFAULT_CLIENT_ID = 'authentik-license-manager';

function outboxMail(message: OutboxMessage): OutboxMail {
  return {
    id: message.id,
    to: message.to,
    subject: message.subject,
    text: message.text,
    link: message.link,
    sent_at: toIsoUtc(message.sentAt),
  };
}

function newSigningKey(): JWK {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { ...privateKey.export({ format: 'jwk' }), kid: newId(), alg: 'ES256', use: 'sig' } as JWK;
}

async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

/**
 * The customer portal simulator on 127.0.0.1: Portal API v1 (`docs/portal-api-v1.yaml`) under
 * `/api/v1`, a real OpenID Provider under `/oidc` with its sign-in page under `/interaction`, checkout
 * and payment-method pages, invitation links and the outbox (`/__sim/outbox`).
 */
export async function startPortalSim(options: PortalSimOptions = {}): Promise<PortalSim> {
  const saved = options.stateFile === undefined ? null : readStateFile(options.stateFile);
  const signer =
    saved !== null
      ? LicenseSigner.fromSaved(saved.signer)
      : options.pki !== undefined
        ? LicenseSigner.fromPki(options.pki)
        : await LicenseSigner.create();
  const tokens = new TokenStore(saved?.oidc.artifacts);
  const signingKey = saved?.oidc.signingKey ?? newSigningKey();
  const cookieKeys = saved?.oidc.cookieKeys ?? [randomBytes(32).toString('base64url')];
  const faults = new FaultQueue<PortalFault>();
  const requests: PortalSimRequest[] = [];
  let handle: (request: IncomingMessage, response: ServerResponse) => Promise<void> = async () => undefined;
  const server = createServer((request, response) => {
    request.on('error', () => request.socket.destroy());
    handle(request, response).catch((error: unknown) => {
      if (error instanceof BodyTooLargeError)
        sendJson(response, 413, {
          error: { code: 'body_too_large', message: 'The request body is over 1 MiB; send less.' },
        });
      else
        sendJson(response, 500, {
          error: { code: 'server_error', message: 'The portal simulator failed on its side. Try again.' },
        });
    });
  });
  const port = await listen(server, options.port ?? 0);
  const url = `http://127.0.0.1:${port}`;
  const issuer = `${url}${ISSUER_PATH}`;
  const clientId = options.clientId ?? DEFAULT_CLIENT_ID;
  const now = options.now ?? Date.now;
  const settings = {
    now,
    checkoutDelayMs: options.checkoutDelayMs ?? 1000,
    invitationBase: options.invitationBase ?? `${url}/invitations/accept`,
    supportUrl: options.supportUrl ?? `${url}/support`,
    origin: url,
  };
  const data =
    saved?.data ??
    (options.seed === false ? emptyPortalData(catalogPlans()) : seedPortalData(now(), signer, settings.invitationBase));
  const state = new PortalState(data, signer, settings);
  const addUser = (user: { email: string; name: string }) => {
    const record = { id: newId(), email: user.email, name: user.name };
    state.data.users.push(record);
    return record;
  };
  for (const user of options.users ?? []) if (state.userByEmail(user.email) === undefined) addUser(user);

  const provider = createIdentityProvider({
    issuer,
    clientId,
    redirectUris: options.redirectUris ?? NATIVE_REDIRECT_URIS,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
    refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? 14 * 24 * 3600,
    signingKey,
    cookieKeys,
    tokens,
    findUser: (id) => state.user(id),
  });
  const providerCallback = provider.callback();
  const routes = [
    ...accountRoutes({ issuer, clientId }),
    ...organizationRoutes(),
    ...memberRoutes(),
    ...invitationRoutes(),
    ...licenseRoutes(),
    ...billingRoutes(),
  ];
  const persist = (): void => {
    if (options.stateFile !== undefined)
      writeStateFile(options.stateFile, {
        data: state.data,
        signer: signer.save(),
        oidc: { signingKey, cookieKeys, artifacts: tokens.snapshot() },
      });
  };

  handle = async (request, response) => {
    const target = new URL(request.url ?? '/', url);
    const method = request.method ?? 'GET';
    const entry: PortalSimRequest = { method, path: target.pathname, status: null };
    requests.push(entry);
    response.on('finish', () => {
      entry.status = response.statusCode;
      persist();
    });
    const fault = faults.take(method, target.pathname);
    if (fault?.kind === 'drop') {
      request.socket.destroy();
      return;
    }
    if (fault !== null) {
      sendJson(response, fault.status ?? 500, {
        error: fault.error ?? {
          code: 'server_error',
          message: 'The portal had a problem on its side. Try again in a moment.',
        },
      });
      return;
    }
    if (target.pathname === '/__sim/outbox' && method === 'GET') {
      sendJson(response, 200, state.data.outbox.map(outboxMail));
      return;
    }
    if (target.pathname.startsWith('/api/')) {
      const rawBody = await readBody(request);
      const answer = await dispatchApi(
        { state, routes, provider, clientId },
        { method, path: target.pathname, query: target.searchParams, rawBody },
        request.headers.authorization,
      );
      const result = answer.response;
      for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
      if ('file' in result) sendPdf(response, result.file.bytes, result.file.filename);
      else sendJson(response, result.status, result.body);
      return;
    }
    if (target.pathname === ISSUER_PATH || target.pathname.startsWith(`${ISSUER_PATH}/`)) {
      const mounted = request as IncomingMessage & { originalUrl?: string };
      mounted.originalUrl = request.url;
      request.url = (request.url ?? '').slice(ISSUER_PATH.length) || '/';
      await providerCallback(request, response);
      return;
    }
    if (target.pathname.startsWith(`${INTERACTION_PATH}/`)) {
      await serveInteraction(
        { provider, users: () => state.data.users, findUserByEmail: (email) => state.userByEmail(email) },
        request,
        response,
        target.pathname,
      );
      return;
    }
    settleDueCheckouts(state);
    if (await servePage(state, request, response, target)) return;
    sendHtml(response, 404, renderNotFoundPage('page'));
  };
  persist();

  return {
    url,
    issuer,
    clientId,
    rootPem: signer.rootPem,
    state,
    requests,
    outbox: () => state.data.outbox.map(outboxMail),
    addUser,
    expireTokens: (kinds = ['AccessToken']) => tokens.expire(kinds),
    fault: (fault) => faults.add(fault),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}
