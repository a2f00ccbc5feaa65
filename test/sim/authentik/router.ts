import { detail, NOT_FOUND, PERMISSION_DENIED, type ApiRequest, type ApiResponse, type Route } from './api-types';
import { NOT_AUTHENTICATED, type Authentication } from './auth';
import { adminRoutes } from './routes/admin-routes';
import { coreRoutes } from './routes/core-routes';
import { licenseRoutes } from './routes/license-routes';
import type { SimState } from './sim-state';
import { refusesWrites } from './summary';

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS', 'TRACE'];

export function allRoutes(state: SimState): Route[] {
  return [...licenseRoutes(state), ...adminRoutes(state), ...coreRoutes(state)];
}

/** authentik's EnterpriseMiddleware (authentik/enterprise/middleware.py): refuses writes while the CACHED status is read_only. */
function deniedByLicense(state: SimState, route: Route, method: string): boolean {
  if (SAFE_METHODS.includes(method) || route.alwaysWritable === true) return false;
  return refusesWrites(state.cachedSummary);
}

/**
 * One API request through authentik's layers, in their order: URL resolution (404), the enterprise
 * middleware (runs before authentication: 400 denied_license), DRF authentication (403 for a bad token,
 * even on public routes; 403 "not provided" where a user is needed), the method (405), the view's
 * permission (403), then the view.
 */
export function dispatch(
  state: SimState,
  routes: readonly Route[],
  request: ApiRequest,
  authentication: Authentication,
): ApiResponse {
  let route: Route | undefined;
  let params: string[] = [];
  for (const candidate of routes) {
    const match = candidate.pattern.exec(request.path);
    if (match !== null) {
      route = candidate;
      params = match.slice(1);
      break;
    }
  }
  if (route === undefined) return detail(404, NOT_FOUND);
  if (deniedByLicense(state, route, request.method)) {
    return { status: 400, body: { detail: 'Request denied due to expired/invalid license.', code: 'denied_license' } };
  }
  if (authentication.kind === 'failed') return detail(403, authentication.message);
  const principal = authentication.kind === 'authenticated' ? authentication.principal : null;
  if (route.access !== 'public' && principal === null) return detail(403, NOT_AUTHENTICATED);
  const handler = route.methods[request.method];
  if (handler === undefined) return detail(405, `Method "${request.method}" not allowed.`);
  if (route.access === 'view_license' && principal?.viewLicense !== true) return detail(403, PERMISSION_DENIED);
  return handler({ request, principal, params });
}
