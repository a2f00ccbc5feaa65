import type { IncomingHttpHeaders } from 'node:http';
import type { Principal } from './auth';

/** A request as the route handlers see it: the path after /api/v3, the query, the raw body. */
export interface ApiRequest {
  method: string;
  /** After /api/v3, e.g. '/enterprise/license/'. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
  secure: boolean;
}

/** A JSON answer; no body (undefined) gives an empty response, as for 204. */
export interface ApiResponse {
  status: number;
  body?: unknown;
}

/** What a handler gets: the request, the authenticated principal (null on public routes), path parameters. */
export interface HandlerContext {
  request: ApiRequest;
  principal: Principal | null;
  params: string[];
}

export type Handler = (context: HandlerContext) => ApiResponse;

export function json(status: number, body?: unknown): ApiResponse {
  return { status, body };
}

/** DRF's `{"detail": ...}` error body. */
export function detail(status: number, message: string): ApiResponse {
  return { status, body: { detail: message } };
}

export const NOT_FOUND = 'Not found.';
export const PERMISSION_DENIED = 'You do not have permission to perform this action.';
export const SERVER_ERROR = 'A server error occurred.';

/** Who may call a route: anyone, any authenticated user, or a user with `view_license`. */
export type Access = 'public' | 'authenticated' | 'view_license';

export interface Route {
  /** Matched against the whole path after /api/v3; capture groups become `params`. */
  pattern: RegExp;
  methods: Partial<Record<string, Handler>>;
  access: Access;
  /** Writes allowed in read-only mode (authentik's license, user and flow-executor views). */
  alwaysWritable?: boolean;
}
