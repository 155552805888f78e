// v2 endpoints (spec sections 2-4), strict where v2 is strict: form bodies only, exact redirect_uri,
// client_secret on every token call, rotating refresh tokens, Bearer user info with error.code "ok".
import { staticRedirectUriProblem, type EmulatorApp } from './config.js';
import {
  bodyText,
  duplicateNames,
  findApp,
  mediaType,
  mixingMessage,
  parseScopes,
  secondsLeft,
  signedInUser,
  userByOpenId,
  type RequestContext,
} from './context.js';
import { htmlError, json, redirect, v2DataError, v2DataOk, v2OAuthError, type Reply } from './responses.js';
import type { IssuedTokens } from './store.js';
import { pickFields, V2_USER_FIELDS } from './users.js';

const FORM = 'application/x-www-form-urlencoded';
/** Parameters that belong in a v2 form body; in the query string they are the v1 habit. */
const BODY_PARAMS = ['client_key', 'client_secret', 'code', 'grant_type', 'redirect_uri', 'refresh_token', 'token'];

type Result<T> = { ok: true; value: T } | { ok: false; reply: Reply };

const invalidRequest = (description: string): Reply => v2OAuthError(400, 'invalid_request', description);

/** The form body of a token/revoke call, or the invalid_request that a non-form call earns. */
function readForm(ctx: RequestContext): Result<URLSearchParams> {
  const type = ctx.headers['content-type'];
  const allowCharset = ctx.config.settings.allow_form_charset;
  const exact = type !== undefined && type.trim().toLowerCase() === FORM;
  if (!exact && !(allowCharset && mediaType(ctx) === FORM)) {
    const hint = mediaType(ctx) === FORM
      ? ' with no parameters (no ;charset=...). fetch() adds ;charset=UTF-8 to a URLSearchParams body unless the header is set explicitly.'
      : '.';
    return {
      ok: false,
      reply: invalidRequest(`Content-Type must be exactly ${FORM}${hint} Got: ${type === undefined ? '(none)' : type}`),
    };
  }
  const inQuery = BODY_PARAMS.filter((name) => ctx.query.has(name));
  if (inQuery.length > 0) {
    return {
      ok: false,
      reply: invalidRequest(`v2 reads parameters from the form body, not the query string (found ${inQuery.join(', ')} in the query)`),
    };
  }
  const text = bodyText(ctx);
  if (text === null) return { ok: false, reply: invalidRequest('the body is not valid UTF-8') };
  if (/^\s*[[{]/.test(text)) {
    return { ok: false, reply: invalidRequest(`the body looks like JSON; v2 wants a ${FORM} body`) };
  }
  const form = new URLSearchParams(text);
  const twice = duplicateNames(form);
  if (twice.length > 0) return { ok: false, reply: invalidRequest(`parameter sent more than once: ${twice.join(', ')}`) };
  return { ok: true, value: form };
}

/**
 * client_key and client_secret from the form. A missing one is invalid_request (RFC 6749 5.2: a required parameter
 * is missing); an unknown client_key or a wrong secret is invalid_client (client authentication failed).
 */
function authenticate(ctx: RequestContext, form: URLSearchParams, why: string): Result<EmulatorApp> {
  const key = form.get('client_key');
  const secret = form.get('client_secret');
  if (!key) {
    const hint = form.has('client_id') ? ' (TikTok calls it client_key, not client_id)' : '';
    return { ok: false, reply: invalidRequest(`client_key is required${hint}`) };
  }
  if (!secret) return { ok: false, reply: invalidRequest(`client_secret is required${why}`) };
  const app = findApp(ctx.config, key);
  if (!app) return { ok: false, reply: v2OAuthError(401, 'invalid_client', `client_key "${key}" is not a known app`) };
  if (secret !== app.client_secret) {
    return { ok: false, reply: v2OAuthError(401, 'invalid_client', 'client_secret does not match the client_key') };
  }
  return { ok: true, value: app };
}

function tokenReply(ctx: RequestContext, issued: IssuedTokens): Reply {
  const grant = issued.access.grant;
  return json(200, {
    access_token: issued.access.token,
    expires_in: secondsLeft(ctx, issued.access.expiresAt),
    open_id: grant.open_id,
    refresh_token: issued.refresh.token,
    refresh_expires_in: secondsLeft(ctx, issued.refresh.expiresAt),
    scope: grant.scopes.join(','),
    token_type: 'Bearer',
  });
}

/** POST /v2/oauth/token/ */
export function v2Token(ctx: RequestContext): Reply {
  const parsed = readForm(ctx);
  if (!parsed.ok) return parsed.reply;
  const form = parsed.value;
  const grantType = form.get('grant_type');
  if (!grantType) return invalidRequest('grant_type is required: authorization_code or refresh_token');
  const why = grantType === 'refresh_token' ? ': v2 refresh requires it (v1 refresh did not)' : '';
  const auth = authenticate(ctx, form, why);
  if (!auth.ok) return auth.reply;
  const reply =
    grantType === 'authorization_code'
      ? exchangeCode(ctx, form, auth.value)
      : grantType === 'refresh_token'
        ? refreshToken(ctx, form, auth.value)
        : null;
  if (reply) {
    if (form.has('disable_auto_auth')) reply.warnings = ['disable_auto_auth is an authorize parameter, never a token one'];
    return reply;
  }
  return v2OAuthError(400, 'unsupported_grant_type', `grant_type "${grantType}" is not supported: use authorization_code or refresh_token`);
}

function exchangeCode(ctx: RequestContext, form: URLSearchParams, app: EmulatorApp): Reply {
  const code = form.get('code');
  if (!code) return invalidRequest('code is required with grant_type=authorization_code');
  const redirectUri = form.get('redirect_uri');
  if (!redirectUri) {
    return invalidRequest('redirect_uri is required on v2 and must equal the one sent to authorize (v1 did not send it)');
  }
  const found = ctx.store.findCode(code, 'v2', app.client_key);
  if (!found.ok) {
    const description = found.version ? mixingMessage('authorization code', found.version, 'v2') : found.reason;
    return v2OAuthError(400, 'invalid_grant', description);
  }
  if (redirectUri !== found.record.redirect_uri) {
    return v2OAuthError(
      400,
      'invalid_grant',
      `redirect_uri does not match the one used at authorize: got ${redirectUri}, authorize had ${found.record.redirect_uri}`,
    );
  }
  return tokenReply(ctx, ctx.store.redeemCode(found.record));
}

function refreshToken(ctx: RequestContext, form: URLSearchParams, app: EmulatorApp): Reply {
  const token = form.get('refresh_token');
  if (!token) return invalidRequest('refresh_token is required with grant_type=refresh_token');
  const found = ctx.store.findToken(token, 'refresh', 'v2');
  if (!found.ok) {
    const description = found.version ? mixingMessage('token', found.version, 'v2') : found.reason;
    return v2OAuthError(400, 'invalid_grant', description);
  }
  if (found.record.grant.client_key !== app.client_key) {
    return v2OAuthError(400, 'invalid_grant', 'refresh token was issued to another client_key');
  }
  return tokenReply(ctx, ctx.store.refresh(found.record));
}

/** POST /v2/oauth/revoke/ : form client_key, client_secret, token (an access or refresh token of the grant). */
export function v2Revoke(ctx: RequestContext): Reply {
  const parsed = readForm(ctx);
  if (!parsed.ok) return parsed.reply;
  const form = parsed.value;
  const auth = authenticate(ctx, form, ': v2 revoke authenticates the app');
  if (!auth.ok) return auth.reply;
  const token = form.get('token');
  if (!token) {
    const hint = form.has('access_token') ? ' (v2 calls it token, not access_token)' : '';
    return invalidRequest(`token is required${hint}`);
  }
  const record = ctx.store.peekToken(token);
  if (!record) return invalidRequest('token is not a token issued by this server');
  if (record.grant.version !== 'v2') return invalidRequest(mixingMessage('token', record.grant.version, 'v2'));
  if (record.grant.client_key !== auth.value.client_key) return invalidRequest('token was issued to another client_key');
  ctx.store.revoke(record);
  return json(200, {});
}

/** GET /v2/user/info/?fields=… with Authorization: Bearer <access token>. */
export function v2UserInfo(ctx: RequestContext): Reply {
  const header = ctx.headers.authorization;
  const match = header === undefined ? null : /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  if (!match) {
    const hint = ctx.query.has('access_token')
      ? ' (access_token in the query string is the v1 way)'
      : header === undefined
        ? ''
        : ' (the header must read "Bearer <access_token>")';
    return v2DataError(401, 'access_token_invalid', `The access token is missing: send Authorization: Bearer <access_token>${hint}`);
  }
  const found = ctx.store.findToken(match[1]!, 'access', 'v2');
  if (!found.ok) {
    const message = found.version ? mixingMessage('token', found.version, 'v2') : `The ${found.reason}.`;
    return v2DataError(401, 'access_token_invalid', message);
  }
  const raw = ctx.query.getAll('fields');
  if (raw.length !== 1 || raw[0]!.trim() === '') {
    return v2DataError(400, 'invalid_params', 'fields is required once, comma-separated: ?fields=open_id,union_id,avatar_url,display_name');
  }
  const fields = [...new Set(raw[0]!.split(',').map((f) => f.trim()))];
  for (const field of fields) {
    const scope = V2_USER_FIELDS[field];
    if (!Object.hasOwn(V2_USER_FIELDS, field) || scope === undefined) {
      return v2DataError(400, 'invalid_params', `unknown field "${field}" (known: ${Object.keys(V2_USER_FIELDS).join(',')})`);
    }
    if (!found.record.grant.scopes.includes(scope)) {
      return v2DataError(401, 'scope_not_authorized', `field "${field}" needs scope ${scope}, which this token was not granted`);
    }
  }
  const user = userByOpenId(ctx.config, found.record.grant.open_id) ?? signedInUser(ctx.config);
  return v2DataOk({ user: pickFields(user, fields) });
}

/** Where an authorize error goes once redirect_uri is trusted: back to the app, like OAuth's error redirect. */
function authorizeErrorRedirect(redirectUri: string, error: string, description: string, state: string | null): Reply {
  const params = new URLSearchParams({ error, error_description: description });
  if (state !== null) params.set('state', state);
  return redirect(`${redirectUri}?${params}`, error);
}

/** GET https://www.tiktok.com/v2/auth/authorize/ */
export function v2Authorize(ctx: RequestContext): Reply {
  const q = ctx.query;
  const warnings: string[] = [];
  const clientKey = q.get('client_key');
  if (!clientKey) {
    const hint = q.has('client_id') ? ' (TikTok calls it client_key, not client_id)' : '';
    return htmlError('client_key', `client_key is missing${hint}.`);
  }
  const app = findApp(ctx.config, clientKey);
  if (!app) return htmlError('client_key', `client_key "${clientKey}" is not a known app.`);
  const redirectUri = q.get('redirect_uri');
  if (!redirectUri) return htmlError('redirect_uri', 'redirect_uri is missing.');
  const problem = staticRedirectUriProblem(redirectUri, ctx.config.settings.allow_http_loopback_redirect_uris);
  if (problem) return htmlError('redirect_uri', `redirect_uri ${problem}: ${redirectUri}`);
  if (!app.redirect_uris.includes(redirectUri)) {
    return htmlError(
      'redirect_uri',
      `redirect_uri ${redirectUri} is not registered for this app; it must equal one of: ${app.redirect_uris.join(' ')}`,
    );
  }
  const state = q.get('state');
  if (q.has('client_secret')) warnings.push('client_secret must never appear in an authorize URL');
  if (state === null || state === '') warnings.push('no state: an anti-forgery state is required');
  if (q.has('code_challenge')) warnings.push('PKCE on web is undocumented by TikTok; the emulator ignores code_challenge');
  const responseType = q.get('response_type');
  if (responseType !== 'code') {
    return authorizeErrorRedirect(redirectUri, 'unsupported_response_type', 'response_type must be code', state);
  }
  const scope = q.get('scope');
  if (!scope) return authorizeErrorRedirect(redirectUri, 'invalid_request', 'scope is required', state);
  const scopes = parseScopes(scope, app);
  if (!scopes.ok) return authorizeErrorRedirect(redirectUri, 'invalid_scope', scopes.problem, state);
  const autoAuth = q.get('disable_auto_auth');
  if (autoAuth !== null && autoAuth !== '0' && autoAuth !== '1') {
    return authorizeErrorRedirect(redirectUri, 'invalid_request', 'disable_auto_auth must be 0 or 1', state);
  }
  const record = ctx.store.issueCode({
    version: 'v2',
    client_key: app.client_key,
    redirect_uri: redirectUri,
    scopes: scopes.scopes,
    open_id: signedInUser(ctx.config).open_id,
  });
  const params = new URLSearchParams({ code: record.code, scopes: scopes.scopes.join(',') });
  if (state !== null) params.set('state', state);
  return { ...redirect(`${redirectUri}?${params}`), warnings };
}
