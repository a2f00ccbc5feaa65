import { authentikRules, type AuthentikRules } from '../../shared/license/authentik-rules';
import { callApi, type AuthentikApi } from './authentik-api';
import {
  forecastSchema,
  installIdSchema,
  legacySummarySchema,
  summarySchema,
  systemTimeSchema,
  versionSchema,
} from './authentik-schemas';
import { InstanceError } from './instance-error';
import type { Availability, InstanceSnapshot, LicenseForecast, LicenseSummary, ServerClock } from './instance-snapshot';
import { listAllLicenses } from './license-list';
import { summaryFromLegacyWire, summaryFromWire } from './summary-mapping';

/** Why the sibling requests of a failed read were abandoned. */
const SIBLING_FAILED = new Error('another request of the same read failed');

async function readInstallId(
  api: AuthentikApi,
  rules: AuthentikRules,
  signal: AbortSignal,
): Promise<{ installId: string | null; availability: Exclude<Availability, 'absent'> }> {
  const path = rules.installIdPath;
  const legacy = path === '/enterprise/license/get_install_id/';
  try {
    const { value } = await callApi(
      api,
      { what: 'the Install ID', path, method: 'GET' },
      installIdSchema,
      (init) =>
        legacy ? api.legacy.getInstallIdRaw(init) : api.enterprise.enterpriseLicenseInstallIdRetrieveRaw(init),
      signal,
    );
    return { installId: value.install_id, availability: 'ok' };
  } catch (error) {
    // Reading the Install ID needs view_license; without it the rest of the read is still worth having.
    if (error instanceof InstanceError && error.code === 'forbidden')
      return { installId: null, availability: 'forbidden' };
    throw error;
  }
}

async function readSummary(
  api: AuthentikApi,
  rules: AuthentikRules,
  live: boolean,
  signal: AbortSignal,
): Promise<LicenseSummary> {
  const operation = {
    what: live ? 'the live license summary' : 'the license summary',
    path: '/enterprise/license/summary/',
    method: 'GET',
  };
  const send = (init: RequestInit) =>
    api.enterprise.enterpriseLicenseSummaryRetrieveRaw(live ? { cached: false } : {}, init);
  if (rules.summaryShape === 'booleans')
    return summaryFromLegacyWire((await callApi(api, operation, legacySummarySchema, send, signal)).value);
  return summaryFromWire((await callApi(api, operation, summarySchema, send, signal)).value);
}

async function readForecast(
  api: AuthentikApi,
  signal: AbortSignal,
): Promise<{ forecast: LicenseForecast | null; availability: Availability }> {
  try {
    const { value } = await callApi(
      api,
      { what: 'the user forecast', path: '/enterprise/license/forecast/', method: 'GET' },
      forecastSchema,
      (init) => api.enterprise.enterpriseLicenseForecastRetrieveRaw(init),
      signal,
    );
    return {
      forecast: {
        internalUsers: value.internal_users,
        externalUsers: value.external_users,
        forecastedInternalUsers: value.forecasted_internal_users,
        forecastedExternalUsers: value.forecasted_external_users,
      },
      availability: 'ok',
    };
  } catch (error) {
    if (error instanceof InstanceError && error.code === 'not_found') return { forecast: null, availability: 'absent' };
    if (error instanceof InstanceError && error.code === 'forbidden')
      return { forecast: null, availability: 'forbidden' };
    throw error;
  }
}

/** Runs one request, noting the local time in the middle of its round trip (when the server most likely answered). */
async function timed<T>(request: () => Promise<T>): Promise<{ answer: T; localMiddle: number }> {
  const sentAt = Date.now();
  const answer = await request();
  return { answer, localMiddle: (sentAt + Date.now()) / 2 };
}

/** The skew from an answer's HTTP `Date` (whole seconds, cut down: the middle of its second is the best guess); null when absent or unreadable. */
function dateHeaderClock(response: Response, localMiddle: number): ServerClock | null {
  const date = response.headers.get('date');
  const ms = date === null ? Number.NaN : Date.parse(date);
  return Number.isNaN(ms) ? null : { skewMs: Math.round(ms + 500 - localMiddle), source: 'date' };
}

/** The skew from `/admin/system/`'s `server_time`; null when it cannot be read (it needs a permission many tokens lack). */
async function readServerTime(api: AuthentikApi, signal: AbortSignal): Promise<ServerClock | null> {
  try {
    const { answer, localMiddle } = await timed(() =>
      callApi(
        api,
        { what: 'the server time', path: '/admin/system/', method: 'GET' },
        systemTimeSchema,
        (init) => api.admin.adminSystemRetrieveRaw(init),
        signal,
      ),
    );
    return { skewMs: Math.round(answer.value.server_time - localMiddle), source: 'server_time' };
  } catch (error) {
    // Only a clock check: the Date header stands in, and the read goes on.
    if (error instanceof InstanceError) return null;
    throw error;
  }
}

/**
 * Everything `status` needs, in as few requests as possible: the version first (it decides the shapes),
 * then the Install ID, live and cached summaries, forecast, license list and server time together: 7
 * requests when the licenses fit one page. Any failure other than the two tolerated 403s, a missing
 * forecast and an unreadable server time fails the whole read, and the requests still running are
 * abandoned. The clock skew is measured against the local middle of the answering request's round trip.
 */
export async function readSnapshot(api: AuthentikApi, url: string): Promise<InstanceSnapshot> {
  const { answer: versionAnswer, localMiddle: versionMiddle } = await timed(() =>
    callApi(api, { what: 'the authentik version', path: '/admin/version/', method: 'GET' }, versionSchema, (init) =>
      api.admin.adminVersionRetrieveRaw(init),
    ),
  );
  const version = versionAnswer.value.version_current;
  const rules = authentikRules(version);

  const siblings = new AbortController();
  const settle = <T>(promise: Promise<T>): Promise<T> =>
    promise.catch((error: unknown) => {
      siblings.abort(SIBLING_FAILED);
      throw error;
    });
  const { signal } = siblings;
  const [installId, live, cached, forecast, licenses, serverTime] = await Promise.all([
    settle(readInstallId(api, rules, signal)),
    settle(readSummary(api, rules, true, signal)),
    settle(readSummary(api, rules, false, signal)),
    settle(readForecast(api, signal)),
    settle(listAllLicenses(api, signal)),
    settle(readServerTime(api, signal)),
  ]);

  return {
    url,
    version,
    rules,
    installId: installId.installId,
    installIdAvailability: installId.availability,
    live,
    cached,
    forecast: forecast.forecast,
    forecastAvailability: forecast.availability,
    licenses,
    clock: serverTime ?? dateHeaderClock(versionAnswer.response, versionMiddle),
  };
}
