// Which handler answers a request: the emulated endpoints come from the endpoint table (src/endpoints.ts), and a
// request is matched on its path, then checked against its host when it names a TikTok host.
import type { IncomingMessage } from 'node:http';
import { AUTH_HOST, endpointById, HYBRID_HOSTS, V1_API_HOST, V2_API_HOST, type EndpointId } from '../endpoints.js';
import type { RequestContext } from './context.js';
import { htmlError, V1_CODES, v1Error, v1UserError, v2DataError, v2OAuthError, type Reply } from './responses.js';
import type { ApiVersion } from './store.js';
import { v1AccessToken, v1Authorize, v1RefreshToken, v1Revoke, v1UserInfo } from './v1-handlers.js';
import { v2Authorize, v2Revoke, v2Token, v2UserInfo } from './v2-handlers.js';

/** The error shape an endpoint answers in (spec section 3), used for errors found before its handler runs. */
export type Shape = 'html' | 'v2-oauth' | 'v2-data' | 'v1-oauth' | 'v1-user';

export interface Route {
  version: ApiVersion;
  endpoint: EndpointId;
  host: string;
  path: string;
  method: 'GET' | 'POST';
  shape: Shape;
  handle: (ctx: RequestContext) => Reply;
}

/** An error in a route's shape. `server` marks internal failures (server_error, internal_error, 10000). */
export function shapeError(shape: Shape, status: number, message: string, server = false): Reply {
  switch (shape) {
    case 'html':
      return { ...htmlError(server ? 'server_error' : 'request', message), status };
    case 'v2-oauth':
      return v2OAuthError(status, server ? 'server_error' : 'invalid_request', message);
    case 'v2-data':
      return v2DataError(status, server ? 'internal_error' : 'invalid_params', message);
    case 'v1-oauth':
      return v1Error(server ? V1_CODES.server : V1_CODES.parameter, message, status);
    case 'v1-user':
      return v1UserError(server ? V1_CODES.server : V1_CODES.parameter, message, status);
  }
}

function v2Route(endpoint: EndpointId, shape: Shape, handle: Route['handle']): Route {
  const v2 = endpointById(endpoint).v2!;
  return { version: 'v2', endpoint, host: v2.host, path: v2.path, method: v2.method, shape, handle };
}

function v1Routes(endpoint: EndpointId, shape: Shape, handle: Route['handle']): Route[] {
  return endpointById(endpoint).v1.map((form) => ({
    version: 'v1',
    endpoint,
    host: form.host,
    path: form.path,
    method: form.method,
    shape,
    handle,
  }));
}

/** Every emulated endpoint. v2 token and refresh share /v2/oauth/token/ (grant_type tells them apart). */
export const ROUTES: readonly Route[] = [
  v2Route('authorize', 'html', v2Authorize),
  v2Route('token', 'v2-oauth', v2Token),
  v2Route('revoke', 'v2-oauth', v2Revoke),
  v2Route('user-info', 'v2-data', v2UserInfo),
  ...v1Routes('authorize', 'html', v1Authorize),
  ...v1Routes('token', 'v1-oauth', v1AccessToken),
  ...v1Routes('refresh', 'v1-oauth', v1RefreshToken),
  ...v1Routes('revoke', 'v1-oauth', v1Revoke),
  ...v1Routes('user-info', 'v1-user', v1UserInfo),
];

/** Paths match with or without their trailing slash (code spells both). */
const normalize = (path: string): string => path.replace(/\/+$/, '') || '/';

export function findRoute(path: string): Route | undefined {
  const wanted = normalize(path);
  return ROUTES.find((route) => normalize(route.path) === wanted);
}

export interface Target {
  /** The host the request was meant for, lower case, no port; '' when unknown. */
  host: string;
  path: string;
  query: URLSearchParams;
  /** The query string as sent, without '?'. */
  rawQuery: string;
}

const TIKTOK_HOSTS: ReadonlySet<string> = new Set([AUTH_HOST, V1_API_HOST, V2_API_HOST, ...HYBRID_HOSTS]);

function hostnameOf(host: string | undefined): string {
  if (!host) return '';
  try {
    return new URL(`http://${host.split(',')[0]!.trim()}`).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/**
 * Where the request was going: an absolute-form request line (`GET http://open-api.tiktok.com/... HTTP/1.1`, as a
 * proxy sends it) names its host; otherwise x-forwarded-host (set by routeTikTokTo), then Host.
 * Returns null for a request target that is neither origin-form nor an absolute http(s) URL.
 */
export function parseTarget(req: IncomingMessage): Target | null {
  const raw = req.url ?? '';
  if (raw.startsWith('/')) {
    const q = raw.indexOf('?');
    const header = req.headers['x-forwarded-host'];
    const forwarded = Array.isArray(header) ? header[0] : header;
    return {
      host: hostnameOf(forwarded ?? req.headers.host),
      path: q === -1 ? raw : raw.slice(0, q),
      query: new URLSearchParams(q === -1 ? '' : raw.slice(q + 1)),
      rawQuery: q === -1 ? '' : raw.slice(q + 1),
    };
  }
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return { host: url.hostname.toLowerCase(), path: url.pathname, query: url.searchParams, rawQuery: url.search.slice(1) };
  } catch {
    return null;
  }
}

/**
 * Why a request must not reach this route because of its host, or null. Loopback and other hosts (the emulator's
 * own address, a local proxy) are matched on the path alone; a TikTok host must be the endpoint's host, so the
 * hybrids of spec section 1 (open-api.tiktok.com/v2/..., open.tiktok.com/...) fail as they would in production.
 */
export function hostProblem(route: Route, host: string): string | null {
  if (!TIKTOK_HOSTS.has(host) || host === route.host) return null;
  if ((HYBRID_HOSTS as readonly string[]).includes(host)) {
    return `${host} is not a TikTok API host (a hybrid seen in code); ${route.path} lives on ${route.host}`;
  }
  return `${route.path} lives on ${route.host}, not ${host}${route.version === 'v2' && host === V1_API_HOST ? ' (a v1/v2 hybrid URL)' : ''}`;
}

/** The 404 for a path the emulator does not know, in the shape its prefix suggests. */
export function notFound(path: string): Reply {
  const known = [...new Set(ROUTES.map((r) => `${r.method} ${r.path}`))].join(', ');
  const message = `${path} is not an emulated TikTok OAuth endpoint (emulated: ${known})`;
  return path.startsWith('/v2/') ? v2OAuthError(404, 'invalid_request', message) : v1Error(V1_CODES.parameter, message, 404);
}
