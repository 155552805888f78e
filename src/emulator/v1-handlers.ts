// v1 endpoints with v1 behaviour (spec sections 2-3), so an app can be shown working BEFORE its migration:
// parameters in the query string, no redirect_uri at token time, refresh without client_secret, wrapped responses.
import {
  bodyText,
  endpointUrl,
  findApp,
  mediaType,
  mixingMessage,
  parseScopes,
  secondsLeft,
  signedInUser,
  userByOpenId,
  type RequestContext,
} from './context.js';
import type { EmulatorApp } from './config.js';
import { htmlError, redirect, V1_CODES, v1Error, v1Ok, v1UserError, v1UserOk, type Reply } from './responses.js';
import type { IssuedTokens } from './store.js';
import { pickFields, V1_DEFAULT_FIELDS, V1_USER_FIELDS } from './users.js';

const parameterError = (detail: string): Reply => v1Error(V1_CODES.parameter, `Parameter error: ${detail}`);

/**
 * v1 read its parameters from the query string. A form body is accepted as a fallback (the emulator's choice: it
 * keeps v1 apps that sent forms working); the query string wins when both carry a parameter.
 */
function v1Params(ctx: RequestContext): URLSearchParams {
  const params = new URLSearchParams(ctx.query);
  if (ctx.body.length > 0 && mediaType(ctx) === 'application/x-www-form-urlencoded') {
    const text = bodyText(ctx);
    if (text !== null) {
      for (const [key, value] of new URLSearchParams(text)) if (!params.has(key)) params.set(key, value);
    }
  }
  return params;
}

function missingOf(params: URLSearchParams, names: readonly string[]): string | null {
  const missing = names.filter((name) => !params.get(name));
  return missing.length > 0 ? `${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing` : null;
}

/**
 * v1 had one endpoint per grant, so grant_type told it nothing: the emulator lets it be absent (v1 apps such as
 * fixtures/apps/ts-service-v1 omit it) but rejects a wrong one. v2 needs it (one endpoint for both grants).
 */
function grantTypeFits(params: URLSearchParams, expected: string): boolean {
  const grantType = params.get('grant_type');
  return grantType === null || grantType === '' || grantType === expected;
}

/** Registered redirect domains: v1 checked the host only, so query strings on redirect_uri were allowed. */
function redirectDomains(app: EmulatorApp): string[] {
  return [...new Set(app.redirect_uris.map((uri) => new URL(uri).hostname))];
}

/** GET https://www.tiktok.com/auth/authorize/ and https://open-api.tiktok.com/platform/oauth/connect/ */
export function v1Authorize(ctx: RequestContext): Reply {
  const q = ctx.query;
  const clientKey = q.get('client_key');
  if (!clientKey) return htmlError('client_key', 'client_key is missing.');
  const app = findApp(ctx.config, clientKey);
  if (!app) return htmlError('client_key', `client_key "${clientKey}" is not a known app.`);
  const redirectUri = q.get('redirect_uri');
  if (!redirectUri) return htmlError('redirect_uri', 'redirect_uri is missing.');
  let target: URL;
  try {
    target = new URL(redirectUri);
  } catch {
    return htmlError('redirect_uri', `redirect_uri must be an absolute URL: ${redirectUri}`);
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    return htmlError('redirect_uri', `redirect_uri must be http or https: ${redirectUri}`);
  }
  const domains = redirectDomains(app);
  if (!domains.includes(target.hostname)) {
    return htmlError('redirect_uri', `redirect_uri host ${target.hostname} is not a registered redirect domain (${domains.join(', ')})`);
  }
  const state = q.get('state');
  const fail = (error: string, description: string): Reply => {
    const back = new URL(target);
    back.searchParams.set('error', error);
    back.searchParams.set('error_description', description);
    if (state !== null) back.searchParams.set('state', state);
    return redirect(back.href, error);
  };
  if (q.get('response_type') !== 'code') return fail('unsupported_response_type', 'response_type must be code');
  const scope = q.get('scope');
  if (!scope) return fail('invalid_request', 'scope is required');
  const scopes = parseScopes(scope, app);
  if (!scopes.ok) return fail('invalid_scope', scopes.problem);
  const record = ctx.store.issueCode({
    version: 'v1',
    client_key: app.client_key,
    redirect_uri: redirectUri,
    scopes: scopes.scopes,
    open_id: signedInUser(ctx.config).open_id,
  });
  target.searchParams.set('code', record.code);
  target.searchParams.set('scopes', scopes.scopes.join(','));
  if (state !== null) target.searchParams.set('state', state);
  return redirect(target.href);
}

function tokenData(ctx: RequestContext, issued: IssuedTokens): Reply {
  const grant = issued.access.grant;
  return v1Ok({
    access_token: issued.access.token,
    expires_in: secondsLeft(ctx, issued.access.expiresAt),
    open_id: grant.open_id,
    refresh_token: issued.refresh.token,
    refresh_expires_in: secondsLeft(ctx, issued.refresh.expiresAt),
    scope: grant.scopes.join(','),
  });
}

/** POST https://open-api.tiktok.com/oauth/access_token/?client_key&client_secret&code&grant_type=authorization_code */
export function v1AccessToken(ctx: RequestContext): Reply {
  const params = v1Params(ctx);
  const missing = missingOf(params, ['client_key', 'client_secret', 'code']);
  if (missing) return parameterError(missing);
  if (!grantTypeFits(params, 'authorization_code')) {
    return parameterError(`grant_type must be authorization_code on ${endpointUrl('token', 'v1')}`);
  }
  const app = findApp(ctx.config, params.get('client_key')!);
  if (!app) return v1Error(V1_CODES.client, 'client_key is invalid');
  if (params.get('client_secret') !== app.client_secret) return v1Error(V1_CODES.client, 'client_secret is wrong');
  const found = ctx.store.findCode(params.get('code')!, 'v1', app.client_key);
  if (!found.ok) {
    return v1Error(V1_CODES.code, found.version ? mixingMessage('authorization code', found.version, 'v1') : found.reason);
  }
  return tokenData(ctx, ctx.store.redeemCode(found.record));
}

/** POST https://open-api.tiktok.com/oauth/refresh_token/?client_key&grant_type=refresh_token&refresh_token (no secret) */
export function v1RefreshToken(ctx: RequestContext): Reply {
  const params = v1Params(ctx);
  const missing = missingOf(params, ['client_key', 'refresh_token']);
  if (missing) return parameterError(missing);
  if (!grantTypeFits(params, 'refresh_token')) {
    return parameterError(`grant_type must be refresh_token on ${endpointUrl('refresh', 'v1')}`);
  }
  const app = findApp(ctx.config, params.get('client_key')!);
  if (!app) return v1Error(V1_CODES.client, 'client_key is invalid');
  const found = ctx.store.findToken(params.get('refresh_token')!, 'refresh', 'v1');
  if (!found.ok) {
    return v1Error(V1_CODES.refreshToken, found.version ? mixingMessage('token', found.version, 'v1') : found.reason);
  }
  if (found.record.grant.client_key !== app.client_key) {
    return v1Error(V1_CODES.refreshToken, 'refresh token was issued to another client_key');
  }
  return tokenData(ctx, ctx.store.refresh(found.record));
}

/** POST https://open-api.tiktok.com/oauth/revoke/?open_id&access_token */
export function v1Revoke(ctx: RequestContext): Reply {
  const params = v1Params(ctx);
  const missing = missingOf(params, ['open_id', 'access_token']);
  if (missing) return parameterError(missing);
  const found = ctx.store.findToken(params.get('access_token')!, 'access', 'v1');
  if (!found.ok) {
    return v1Error(V1_CODES.accessToken, found.version ? mixingMessage('token', found.version, 'v1') : found.reason);
  }
  if (found.record.grant.open_id !== params.get('open_id')) return parameterError('open_id does not match the access token');
  ctx.store.revoke(found.record);
  return v1Ok({});
}

type UserRequest = { ok: true; accessToken: string; openId: string | null; fields: string[] } | { ok: false; reply: Reply };

const userParameterError = (detail: string): Reply => v1UserError(V1_CODES.parameter, `Parameter error: ${detail}`);

/** The v1 user-info request: a JSON body {open_id, access_token, fields}, or ?access_token= (and ?open_id=) with {fields}. */
function readUserRequest(ctx: RequestContext): UserRequest {
  let body: Record<string, unknown> = {};
  if (ctx.body.length > 0) {
    const text = bodyText(ctx);
    let parsed: unknown;
    try {
      parsed = text === null ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return { ok: false, reply: userParameterError('the body must be a JSON object {open_id, access_token, fields}') };
    }
    body = parsed as Record<string, unknown>;
  }
  const pick = (name: string): unknown => body[name] ?? ctx.query.get(name) ?? undefined;
  const accessToken = pick('access_token');
  const openId = pick('open_id');
  if (typeof accessToken !== 'string' || accessToken === '') {
    const hint = ctx.headers.authorization ? ' (an Authorization header is the v2 way; v1 wants access_token)' : '';
    return { ok: false, reply: userParameterError(`access_token is missing${hint}`) };
  }
  if (openId !== undefined && typeof openId !== 'string') return { ok: false, reply: userParameterError('open_id must be a string') };
  let fields: unknown = pick('fields');
  if (typeof fields === 'string') fields = fields.split(',').map((f) => f.trim());
  if (fields === undefined) fields = V1_DEFAULT_FIELDS;
  if (!Array.isArray(fields) || fields.length === 0 || !fields.every((f): f is string => typeof f === 'string')) {
    return { ok: false, reply: userParameterError('fields must be a non-empty array of field names') };
  }
  const unknown = fields.find((f) => !(V1_USER_FIELDS as readonly string[]).includes(f));
  if (unknown !== undefined) return { ok: false, reply: userParameterError(`unknown field "${unknown}"`) };
  return { ok: true, accessToken, openId: openId ?? null, fields: [...new Set(fields)] };
}

/** POST https://open-api.tiktok.com/user/info/ (and GET /oauth/userinfo/, seen in code). */
export function v1UserInfo(ctx: RequestContext): Reply {
  const request = readUserRequest(ctx);
  if (!request.ok) return request.reply;
  const found = ctx.store.findToken(request.accessToken, 'access', 'v1');
  if (!found.ok) {
    return v1UserError(V1_CODES.accessToken, found.version ? mixingMessage('token', found.version, 'v1') : found.reason);
  }
  const openId = found.record.grant.open_id;
  if (request.openId !== null && request.openId !== openId) {
    return userParameterError('open_id does not match the access token');
  }
  const user = userByOpenId(ctx.config, openId) ?? signedInUser(ctx.config);
  return v1UserOk(pickFields(user, request.fields));
}
