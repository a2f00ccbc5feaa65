import type { IncomingHttpHeaders } from 'node:http';
import { json, type ApiResponse, type HandlerContext, type Route } from '../api-types';
import { drfDateTime } from '../drf-datetime';
import type { SimState } from '../sim-state';

/**
 * The request headers as Django's META names them. authentik's SystemInfo returns request.META (cleansing
 * only the session cookie); the simulator leaves out Authorization and Cookie so that no token is echoed.
 */
function metaHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || name === 'authorization' || name === 'cookie') continue;
    meta[`HTTP_${name.toUpperCase().replaceAll('-', '_')}`] = Array.isArray(value) ? value.join(', ') : value;
  }
  return meta;
}

function systemInfo(state: SimState, { request }: HandlerContext): ApiResponse {
  return json(200, {
    http_headers: metaHeaders(request.headers),
    http_host: request.headers.host ?? '',
    http_is_secure: request.secure,
    runtime: {
      python_version: '3.13.5',
      environment: 'compose',
      architecture: 'x86_64',
      platform: 'Linux-6.1.0-x86_64-with-glibc2.36',
      uname: 'Linux authentik-sim 6.1.0 x86_64',
      openssl_version: 'OpenSSL 3.5.1 1 Jul 2025',
      openssl_fips_enabled: false,
      authentik_version: state.version,
    },
    brand: 'authentik-default',
    server_time: drfDateTime(state.now()),
    embedded_outpost_disabled: false,
    embedded_outpost_host: '',
  });
}

/** `/admin/version/` (any authenticated user) and `/admin/system/` (needs a permission; `viewLicense` here). */
export function adminRoutes(state: SimState): Route[] {
  return [
    {
      pattern: /^\/admin\/version\/$/,
      methods: {
        GET: () =>
          json(200, {
            version_current: state.version,
            version_latest: state.version,
            version_latest_valid: true,
            build_hash: '',
            outdated: false,
            outpost_outdated: false,
          }),
      },
      access: 'authenticated',
    },
    {
      pattern: /^\/admin\/system\/$/,
      methods: { GET: (context) => systemInfo(state, context), POST: (context) => systemInfo(state, context) },
      access: 'view_license',
    },
  ];
}
