import { createHash } from 'node:crypto';
import { json, type Route } from '../api-types';
import type { Principal } from '../auth';
import type { SimState } from '../sim-state';
import { enterpriseEnabled } from '../summary';

function userSelf(state: SimState, principal: Principal): Record<string, unknown> {
  const username = principal.name.replace(/[^\w.@+-]/g, '-').slice(0, 150) || 'akadmin';
  return {
    pk: 1,
    username,
    name: principal.name,
    is_active: true,
    is_superuser: principal.viewLicense,
    groups: [],
    roles: [],
    email: `${username}@example.com`,
    avatar: '/static/dist/assets/images/user_default.png',
    // authentik's User.uid: SHA-256 of "<install id>-<pk>".
    uid: createHash('sha256').update(`${state.installId}-1`).digest('hex'),
    settings: {},
    type: 'internal',
    system_permissions: principal.viewLicense
      ? ['authentik_enterprise.view_license', 'authentik_rbac.view_system_info']
      : [],
  };
}

/** `is_enterprise` while the cached summary enables enterprise features. */
function capabilities(state: SimState): string[] {
  return [
    'can_save_media',
    'can_geo_ip',
    'can_impersonate',
    ...(enterpriseEnabled(state.cachedSummary) ? ['is_enterprise'] : []),
  ];
}

/**
 * `/core/users/me/` (a `UserViewSet` action: GET only, writable in read-only mode from 2024.12),
 * `/root/config/` (public), and `POST /core/applications/`: a write outside the license, user and flow
 * views, so the read-only middleware has something to refuse.
 */
export function coreRoutes(state: SimState): Route[] {
  return [
    {
      pattern: /^\/core\/users\/me\/$/,
      methods: { GET: ({ principal }) => json(200, { user: principal === null ? {} : userSelf(state, principal) }) },
      access: 'authenticated',
      alwaysWritable: state.rules.usersWritableWhenReadOnly,
    },
    {
      pattern: /^\/core\/applications\/$/,
      methods: {
        GET: () => json(200, { pagination: emptyPagination(), results: [], autocomplete: {} }),
        POST: () => json(201, {}),
      },
      access: 'authenticated',
    },
    {
      pattern: /^\/root\/config\/$/,
      methods: {
        GET: () =>
          json(200, {
            error_reporting: {
              enabled: false,
              sentry_dsn: '',
              environment: 'customer',
              send_pii: false,
              traces_sample_rate: 0.1,
            },
            capabilities: capabilities(state),
            cache_timeout: 300,
            cache_timeout_flows: 300,
            cache_timeout_policies: 300,
          }),
      },
      access: 'public',
    },
  ];
}

function emptyPagination() {
  return { next: 0, previous: 0, count: 0, current: 1, total_pages: 1, start_index: 0, end_index: 0 };
}
