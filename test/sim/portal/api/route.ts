import type { PortalState } from '../state/portal-state';
import type { UserRecord } from '../state/records';

export interface ApiRequest {
  method: string;
  /** The path from `/api/v1` on, without the query. */
  path: string;
  query: URLSearchParams;
  rawBody: string;
}

/** What a route answers: JSON (no body for 204) or a PDF file. */
export type ApiResponse =
  { status: number; body?: unknown } | { status: 200; file: { bytes: Uint8Array; filename: string } };

export interface RouteContext {
  state: PortalState;
  request: ApiRequest;
  /** The path's parameters in order, lower-cased (ids are UUIDs). */
  params: string[];
  /** The signed-in caller; routes marked `public` get null. */
  user: UserRecord | null;
}

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Matched against the full path (`/api/v1/...`); groups are the path parameters. */
  pattern: RegExp;
  public?: boolean;
  handle(context: RouteContext): ApiResponse;
}

/** A path template as a pattern: `{name}` matches one segment. */
export function path(template: string): RegExp {
  return new RegExp(`^${template.replace(/\{[a-z]+\}/g, '([^/]+)')}$`);
}

/** The caller of a route that needs sign-in (the router has already answered 401 otherwise). */
export function caller(context: RouteContext): UserRecord {
  if (context.user === null) throw new Error('route needs a signed-in user');
  return context.user;
}
