import type Provider from 'oidc-provider';
import { settleDueCheckouts } from '../commerce/checkout';
import { isUuid } from '../state/ids';
import type { PortalState } from '../state/portal-state';
import { ApiError, notFound } from './api-error';
import { authenticate, WWW_AUTHENTICATE } from './authenticate';
import type { ApiRequest, ApiResponse, Route } from './route';

export interface ApiAnswer {
  response: ApiResponse;
  headers: Record<string, string>;
}

export interface ApiDeps {
  state: PortalState;
  routes: readonly Route[];
  provider: Provider;
  clientId: string;
}

function refusal(error: ApiError): ApiAnswer {
  return {
    response: { status: error.status, body: error.body() },
    headers: error.status === 401 ? { 'WWW-Authenticate': WWW_AUTHENTICATE } : {},
  };
}

/**
 * One Portal API request, in this order: the path (404), the method (405), the token (401), the ids in
 * the path (404 unless UUIDs), then the route, which checks membership (404), role (403), the body (422)
 * and the state (409). A refused request leaves the data exactly as it was.
 */
export async function dispatchApi(
  deps: ApiDeps,
  request: ApiRequest,
  authorization: string | undefined,
): Promise<ApiAnswer> {
  const candidates = deps.routes.filter((route) => route.pattern.test(request.path));
  if (candidates.length === 0)
    return refusal(
      new ApiError(
        404,
        'not_found',
        `There is no ${request.path} in Portal API v1. Check the path against docs/portal-api-v1.yaml.`,
      ),
    );
  const route = candidates.find((candidate) => candidate.method === request.method);
  if (route === undefined) {
    const allowed = candidates.map((candidate) => candidate.method).join(', ');
    const refused = refusal(
      new ApiError(405, 'method_not_allowed', `${request.path} does not take ${request.method}; it takes ${allowed}.`),
    );
    return { ...refused, headers: { Allow: allowed } };
  }
  const snapshot = request.method === 'GET' ? null : structuredClone(deps.state.data);
  try {
    const user =
      route.public === true ? null : await authenticate(deps.provider, deps.clientId, deps.state, authorization);
    const params = (route.pattern.exec(request.path) ?? []).slice(1).map((param) => param.toLowerCase());
    if (!params.every(isUuid)) throw notFound('object');
    settleDueCheckouts(deps.state);
    return { response: route.handle({ state: deps.state, request, params, user }), headers: {} };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (snapshot !== null) Object.assign(deps.state.data, snapshot);
    return refusal(error);
  }
}
