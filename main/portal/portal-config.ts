import { configSchema, type Config } from '../../shared/portal/schemas/config';
import { DEFAULT_PORTAL_TIMEOUT_MS, answerJson, parseAnswer, sendPortalRequest } from './portal-http';
import { PortalError } from './portal-error';
import { hostOf } from './portal-url';

const OPERATION = 'GET /api/v1/config';

function notAPortal(baseUrl: string, why: string): PortalError {
  return new PortalError(
    'not_a_portal',
    `${hostOf(baseUrl)} does not implement the customer portal API this app uses (Portal API v1: ${why}). You can still use the portal's web pages: open ${baseUrl} in your browser.`,
    { webUrl: baseUrl },
  );
}

/**
 * `GET /api/v1/config`, the one call without a token: the portal's identity provider, client id and
 * support page. A portal that answers 404 (or redirects, or sends a web page) does not implement the
 * contract: that is `not_a_portal`, carrying the portal's web address to offer instead.
 */
export async function fetchPortalConfig(baseUrl: string, timeoutMs = DEFAULT_PORTAL_TIMEOUT_MS): Promise<Config> {
  const answer = await sendPortalRequest(
    baseUrl,
    { method: 'GET', path: '/api/v1/config', operation: OPERATION },
    { timeoutMs },
  );
  if (answer.status === 404) throw notAPortal(baseUrl, `${OPERATION} answered 404 Not Found`);
  if (answer.status >= 300 && answer.status < 400)
    throw notAPortal(baseUrl, `${OPERATION} answered with a redirect (HTTP ${answer.status})`);
  if (answer.status === 200 && answerJson(answer) === undefined)
    throw notAPortal(baseUrl, `${OPERATION} answered with a web page, not JSON`);
  return parseAnswer(answer, configSchema, { baseUrl, operation: OPERATION, secrets: [] });
}
