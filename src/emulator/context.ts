// What a handler sees of one request, and the small helpers both API versions share.
import type { IncomingHttpHeaders } from 'node:http';
import { endpointById, type EndpointId } from '../endpoints.js';
import { SCOPE_RE, type EmulatorApp, type EmulatorUser, type ResolvedConfig } from './config.js';
import type { ApiVersion, TokenStore } from './store.js';

export interface RequestContext {
  method: string;
  /** The path as sent, without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The body, already bounded by the server's size limit. */
  body: Buffer;
  config: ResolvedConfig;
  store: TokenStore;
  now: () => number;
}

export function findApp(config: ResolvedConfig, clientKey: string): EmulatorApp | undefined {
  return config.apps.find((app) => app.client_key === clientKey);
}

/** The user who "signs in" at authorize: the emulator has no login page, so it is always the first one. */
export function signedInUser(config: ResolvedConfig): EmulatorUser {
  return config.users[0]!;
}

export function userByOpenId(config: ResolvedConfig, openId: string): EmulatorUser | undefined {
  return config.users.find((user) => user.open_id === openId);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The body as text, or null when it is not valid UTF-8. */
export function bodyText(ctx: RequestContext): string | null {
  try {
    return utf8.decode(ctx.body).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

/** The media type of Content-Type, lower case, without parameters; '' when absent. */
export function mediaType(ctx: RequestContext): string {
  return (ctx.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Parameter names that appear more than once (RFC 6749 section 3.1: each parameter at most once). */
export function duplicateNames(params: URLSearchParams): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const key of params.keys()) {
    if (seen.has(key)) twice.add(key);
    seen.add(key);
  }
  return [...twice];
}

/** The real TikTok URL of an endpoint in a version, for messages (built from the endpoint table). */
export function endpointUrl(id: EndpointId, version: ApiVersion): string {
  const endpoint = endpointById(id);
  if (version === 'v2') {
    if (!endpoint.v2) return '(no v2 successor)';
    return `https://${endpoint.v2.host}${endpoint.v2.path}`;
  }
  const form = endpoint.v1[0]!;
  return `https://${form.host}${form.path}/`;
}

/**
 * The description of a rejected mixed-version code or token (spec section 5: never mix v1 and v2; whether TikTok
 * accepted it is undocumented, the emulator rejects it). `issuedBy` is the version that issued it.
 */
export function mixingMessage(what: 'token' | 'authorization code', issuedBy: ApiVersion, here: ApiVersion): string {
  const start = what === 'token' ? 'token' : 'authorization code';
  const signIn = endpointUrl('authorize', here);
  return (
    `${start} issued by the ${issuedBy} API, sent to a ${here} endpoint: v1 and v2 codes and tokens never mix. ` +
    `Sign in through ${signIn} to get ${here} ${what === 'token' ? 'tokens' : 'codes'}.`
  );
}

/**
 * Checks a comma-separated scope list against the app (spec section 5: comma-separated). Returns the scopes,
 * or the problem to report as invalid_scope.
 */
export function parseScopes(scope: string, app: EmulatorApp): { ok: true; scopes: string[] } | { ok: false; problem: string } {
  const scopes = [...new Set(scope.split(',').map((s) => s.trim()))];
  for (const name of scopes) {
    if (!SCOPE_RE.test(name)) {
      const hint = /\s/.test(name) ? ' (TikTok scopes are comma-separated, not space-separated)' : '';
      return { ok: false, problem: `"${name}" is not a scope name${hint}` };
    }
    if (app.scopes && !app.scopes.includes(name)) {
      return { ok: false, problem: `scope "${name}" is not granted to this app (granted: ${app.scopes.join(',')})` };
    }
  }
  return { ok: true, scopes };
}

/** Seconds left until `expiresAt`, never negative. */
export function secondsLeft(ctx: RequestContext, expiresAt: number): number {
  return Math.max(0, Math.round((expiresAt - ctx.now()) / 1000));
}
