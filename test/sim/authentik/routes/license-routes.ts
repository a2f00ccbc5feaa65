import { detail, json, SERVER_ERROR, type ApiResponse, type HandlerContext, type Route } from '../api-types';
import { validateLicenseKey } from '../key-validation';
import type { LicenseKeyClaims } from '../license-claims';
import { licenseJson, type StoredLicense } from '../license-store';
import { paginate } from '../pagination';
import { queryLicenses } from '../license-query';
import { charField, parseObjectBody } from '../request-body';
import type { SimState } from '../sim-state';

const NO_LICENSE = 'No License matches the given query.';
const UUID_SEGMENT = '([^/.]+)';

type KeyInput =
  { ok: true; value: { key: string; claims: LicenseKeyClaims } | undefined } | { ok: false; response: ApiResponse };

/** Reads `key` from the body and validates it as `LicenseSerializer.validate_key` does; undefined when absent and optional. */
function validatedKey(state: SimState, context: HandlerContext, required: boolean): KeyInput {
  const body = parseObjectBody(context.request);
  if (!body.ok) return body;
  const field = charField(body.data, 'key', required);
  if (!field.ok) return field;
  if (field.value === undefined) return { ok: true, value: undefined };
  const key = field.value;
  const result = validateLicenseKey(key, {
    roots: state.roots,
    installId: state.installId,
    now: state.now(),
    rules: state.rules,
  });
  if (result.ok) return { ok: true, value: { key, claims: result.claims } };
  return {
    ok: false,
    response: result.status === 500 ? detail(500, SERVER_ERROR) : { status: 400, body: { key: [result.message] } },
  };
}

function withLicense(state: SimState, handler: (license: StoredLicense, context: HandlerContext) => ApiResponse) {
  return (context: HandlerContext): ApiResponse => {
    const license = state.licenses.find(context.params[0] ?? '');
    return license === undefined ? detail(404, NO_LICENSE) : handler(license, context);
  };
}

function update(state: SimState, required: boolean) {
  return withLicense(state, (license, context) => {
    const key = validatedKey(state, context, required);
    if (!key.ok) return key.response;
    if (key.value !== undefined) state.licenses.replace(license, key.value.key, key.value.claims);
    return json(200, licenseJson(license));
  });
}

/**
 * `forecast/` (the same from 2023.10 to 2026.8): current active counts, 12 × internal users who joined
 * in the last 30 days, and 12 × ALL active external users.
 */
function forecast(state: SimState): ApiResponse {
  const { internal, external, internalJoinedLast30Days } = state.users;
  return json(200, {
    internal_users: internal,
    external_users: external,
    forecasted_internal_users: internalJoinedLast30Days * 12,
    forecasted_external_users: external * 12,
  });
}

/**
 * `LicenseViewSet` (authentik/enterprise/api.py) as DRF's router mounts it: list routes and detail=False
 * actions first, then the detail route, so a path the version lacks (`install_id/` before 2024.8,
 * `get_install_id/` from 2024.8) falls through to the detail route and answers 404 "No License matches
 * the given query.", as authentik does.
 */
export function licenseRoutes(state: SimState): Route[] {
  const installId = (): ApiResponse => json(200, { install_id: state.installId });
  const forecastRoute: Route = {
    pattern: /^\/enterprise\/license\/forecast\/$/,
    methods: { GET: () => forecast(state) },
    access: 'view_license',
  };
  const actions: Route[] = state.legacy
    ? [
        { pattern: /^\/enterprise\/license\/get_install_id\/$/, methods: { GET: installId }, access: 'view_license' },
        // Before 2024.8 the summary was always the cached one (no `cached` parameter).
        {
          pattern: /^\/enterprise\/license\/summary\/$/,
          methods: { GET: () => json(200, state.cachedSummary) },
          access: 'authenticated',
        },
        forecastRoute,
      ]
    : [
        { pattern: /^\/enterprise\/license\/install_id\/$/, methods: { GET: installId }, access: 'view_license' },
        {
          pattern: /^\/enterprise\/license\/summary\/$/,
          methods: {
            GET: ({ request }) =>
              json(
                200,
                (request.query.get('cached') ?? 'true').toLowerCase() === 'false'
                  ? state.liveSummary()
                  : state.cachedSummary,
              ),
          },
          access: 'authenticated',
        },
        forecastRoute,
      ];
  const routes: Route[] = [
    {
      pattern: /^\/enterprise\/license\/$/,
      methods: {
        GET: ({ request }) => {
          const rows = queryLicenses(state.licenses.all().map(licenseJson), request.query);
          const page = paginate(rows, request.query, state.maxPageSize);
          return page === null ? detail(404, 'Invalid page.') : json(200, page);
        },
        POST: (context) => {
          const key = validatedKey(state, context, true);
          if (!key.ok) return key.response;
          if (key.value === undefined) return detail(500, SERVER_ERROR);
          return json(201, licenseJson(state.licenses.add(key.value.key, key.value.claims)));
        },
      },
      access: 'view_license',
    },
    ...actions,
    {
      pattern: new RegExp(`^/enterprise/license/${UUID_SEGMENT}/used_by/$`),
      methods: { GET: withLicense(state, () => json(200, [])) },
      access: 'view_license',
    },
    {
      pattern: new RegExp(`^/enterprise/license/${UUID_SEGMENT}/$`),
      methods: {
        GET: withLicense(state, (license) => json(200, licenseJson(license))),
        PUT: update(state, true),
        PATCH: update(state, false),
        DELETE: withLicense(state, (license) => {
          state.licenses.remove(license);
          return json(204);
        }),
      },
      access: 'view_license',
    },
  ];
  return routes.map((route) => ({ ...route, alwaysWritable: true }));
}
