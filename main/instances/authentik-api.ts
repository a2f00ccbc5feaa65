import { AdminApi, BaseAPI, Configuration, EnterpriseApi, type ApiResponse } from '@goauthentik/api';
import type { z } from 'zod';
import type { ApiLocation } from './connection-url';
import type { InstanceFetch } from './instance-fetch';
import { InstanceError } from './instance-error';
import { readJson } from './read-json';
import { responseError, type RequestContext } from './response-errors';

/** Endpoints the current client no longer models (authentik before 2024.8), over the same transport. */
export class LegacyEnterpriseApi extends BaseAPI {
  /** `GET /enterprise/license/get_install_id/`, renamed `install_id/` in 2024.8. */
  async getInstallIdRaw(initOverrides?: RequestInit): Promise<Response> {
    const headers: Record<string, string> = {};
    const token = this.configuration.accessToken;
    if (token !== undefined) headers.Authorization = `Bearer ${await token('authentik', [])}`;
    return this.request({ path: '/enterprise/license/get_install_id/', method: 'GET', headers }, initOverrides);
  }
}

/** The official client's APIs for one instance, all over one fetch. */
export interface AuthentikApi {
  location: ApiLocation;
  enterprise: EnterpriseApi;
  admin: AdminApi;
  legacy: LegacyEnterpriseApi;
}

export function createAuthentikApi(location: ApiLocation, token: string, fetchApi: InstanceFetch): AuthentikApi {
  const configuration = new Configuration({ basePath: location.basePath, accessToken: token, fetchApi });
  return {
    location,
    enterprise: new EnterpriseApi(configuration),
    admin: new AdminApi(configuration),
    legacy: new LegacyEnterpriseApi(configuration),
  };
}

/** One request to describe in messages: what it is for, and where it goes. */
export interface Operation {
  what: string;
  path: string;
  method: string;
}

function isResponseError(error: unknown): error is Error & { response: Response } {
  return error instanceof Error && error.name === 'ResponseError' && 'response' in error;
}

function isFetchError(error: unknown): error is Error & { cause: unknown } {
  return error instanceof Error && error.name === 'FetchError';
}

/**
 * Sends one generated-client call and returns its successful (2xx) raw Response, body unread. Every
 * failure becomes an InstanceError; an abort by `signal` rethrows its reason.
 */
export async function sendApi(
  api: AuthentikApi,
  operation: Operation,
  send: (init: RequestInit) => Promise<ApiResponse<unknown> | Response>,
  signal?: AbortSignal,
): Promise<{ response: Response; context: RequestContext }> {
  const context: RequestContext = { host: api.location.host, ...operation };
  try {
    const answer = await send(signal === undefined ? {} : { signal });
    // Our fetch returns undici's Response, not the global class: tell them apart by shape.
    return { response: 'raw' in answer ? answer.raw : answer, context };
  } catch (error) {
    if (error instanceof InstanceError) throw error;
    if (isResponseError(error)) throw await responseError(error.response, context);
    if (isFetchError(error)) throw error.cause;
    throw error;
  }
}

/**
 * Runs one generated-client call and returns its answer checked against `schema`, with the raw
 * Response (for headers). Every failure becomes an InstanceError; an abort by `signal` rethrows its reason.
 */
export async function callApi<S extends z.ZodType>(
  api: AuthentikApi,
  operation: Operation,
  schema: S,
  send: (init: RequestInit) => Promise<ApiResponse<unknown> | Response>,
  signal?: AbortSignal,
): Promise<{ value: z.output<S>; response: Response }> {
  const { response, context } = await sendApi(api, operation, send, signal);
  return { value: await readJson(response, schema, context), response };
}
