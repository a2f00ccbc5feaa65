import type { CustomFetch } from 'openid-client';
import { BodyTooLargeError, inMebibytes, readBoundedBody } from '../net/bounded-body';
import { PortalError } from './portal-error';

/**
 * The most of one identity-provider answer, decompressed, that is read. Its discovery document and token
 * answers are a few KiB; openid-client would otherwise read whatever arrives.
 */
export const MAX_IDENTITY_PROVIDER_BODY_BYTES = 1024 * 1024;

/** Statuses whose responses cannot carry a body (the Response constructor refuses one). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * The fetch openid-client uses for discovery, tokens and revocation: the global fetch, with the answer
 * read through the byte limit before openid-client parses it. openid-client already asks for
 * `redirect: 'manual'`, so no redirect is followed.
 */
export const identityProviderFetch: CustomFetch = async (url, options) => {
  const response = await fetch(url, options);
  let body: Uint8Array;
  try {
    body = await readBoundedBody(response, MAX_IDENTITY_PROVIDER_BODY_BYTES);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    throw new PortalError(
      'unexpected_response',
      `The identity provider at ${new URL(url).host} sent an answer larger than ${inMebibytes(error.limitBytes)}, far more than signing in needs, so reading it was stopped.`,
    );
  }
  return new Response(NULL_BODY_STATUSES.has(response.status) ? null : body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
};
