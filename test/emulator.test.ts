// The local TikTok OAuth emulator, v2 side: every strict rule of spec sections 2-4 shown by a WRONG request that
// is rejected with the right v2 error, plus robustness (malformed and oversized bodies) and request routing.
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpointById, v2Url } from '../src/endpoints.js';
import {
  DEFAULT_CONFIG,
  loadEmulatorConfig,
  routeTikTokTo,
  startEmulator,
  type EmulatorConfig,
  type RunningEmulator,
} from '../src/emulator/index.js';

const APP = {
  client_key: 'awtestclientkey',
  client_secret: 'test-secret',
  redirect_uris: ['https://app.test.example/callback', 'https://app.test.example/other'],
  scopes: ['user.info.basic', 'user.info.profile', 'video.list'],
};
const USER = {
  open_id: '-000testOpenId',
  union_id: 'union-test-1',
  display_name: 'Test Creator',
  avatar_url: 'https://p16.example/avatar.jpeg',
};
const CONFIG: EmulatorConfig = { apps: [APP], users: [USER] };
const REDIRECT = APP.redirect_uris[0]!;
const FORM = 'application/x-www-form-urlencoded';

let emu: RunningEmulator;
const clock = { now: Date.now() };
beforeAll(async () => {
  emu = await startEmulator({ port: 0, config: CONFIG, now: () => clock.now });
});
afterAll(async () => {
  await emu.close();
});

type Json = Record<string, any>;

function authorizeUrl(params: Record<string, string>): string {
  return `${emu.url}/v2/auth/authorize/?${new URLSearchParams(params)}`;
}

async function authorize(params: Record<string, string>): Promise<Response> {
  return fetch(authorizeUrl(params), { redirect: 'manual' });
}

const goodAuthorize = (extra: Record<string, string> = {}): Record<string, string> => ({
  client_key: APP.client_key,
  scope: 'user.info.basic,user.info.profile',
  response_type: 'code',
  redirect_uri: REDIRECT,
  state: 'xyz',
  ...extra,
});

async function getCode(extra: Record<string, string> = {}): Promise<string> {
  const res = await authorize(goodAuthorize(extra));
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location')!).searchParams.get('code')!;
}

async function post(path: string, body: string, headers: Record<string, string> = { 'content-type': FORM }): Promise<{ status: number; json: Json }> {
  const res = await fetch(`${emu.url}${path}`, { method: 'POST', headers, body, redirect: 'manual' });
  return { status: res.status, json: (await res.json()) as Json };
}

const tokenCall = (params: Record<string, string>, headers?: Record<string, string>) =>
  post('/v2/oauth/token/', new URLSearchParams(params).toString(), headers);

const exchange = (code: string, extra: Record<string, string> = {}) =>
  tokenCall({
    client_key: APP.client_key,
    client_secret: APP.client_secret,
    code,
    grant_type: 'authorization_code',
    redirect_uri: REDIRECT,
    ...extra,
  });

async function signIn(scope = 'user.info.basic,user.info.profile'): Promise<Json> {
  const { status, json } = await exchange(await getCode({ scope }));
  expect(status).toBe(200);
  return json;
}

async function userInfo(token: string | null, fields = 'open_id,display_name', init: RequestInit = {}) {
  const headers: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` };
  const res = await fetch(`${emu.url}/v2/user/info/?fields=${fields}`, { headers, redirect: 'manual', ...init });
  return { status: res.status, json: (await res.json()) as Json };
}

function expectV2Error(result: { status: number; json: Json }, error: string, status = 400): void {
  expect(result.json.error).toBe(error);
  expect(typeof result.json.error_description).toBe('string');
  expect(typeof result.json.log_id).toBe('string');
  expect(result.status).toBe(status);
}

describe('v2 authorize', () => {
  it('redirects with a single-use code, the scopes, and state unchanged (odd characters included)', async () => {
    const state = `a b+c&d=e/é?#%20"<>'=`;
    const res = await authorize(goodAuthorize({ state }));
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('code')).toMatch(/\S{10,}/);
    expect(location.searchParams.get('scopes')).toBe('user.info.basic,user.info.profile');
    expect(location.searchParams.get('state')).toBe(state);
  });

  it('omits state when none was sent', async () => {
    const params = goodAuthorize();
    delete params.state;
    const res = await authorize(params);
    expect(new URL(res.headers.get('location')!).searchParams.has('state')).toBe(false);
  });

  it.each([
    ['unregistered', 'https://evil.example/callback'],
    ['query-carrying', `${REDIRECT}?next=/home`],
    ['fragment-carrying', `${REDIRECT}#top`],
    ['http', REDIRECT.replace('https:', 'http:')],
    ['trailing-slash variant', `${REDIRECT}/`],
    ['relative', '/callback'],
  ])('answers a %s redirect_uri with a 400 HTML page naming redirect_uri', async (_kind, uri) => {
    const res = await authorize(goodAuthorize({ redirect_uri: uri }));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain('redirect_uri');
  });

  it('answers an unknown client_key (or client_id) with an HTML page naming client_key', async () => {
    const res = await authorize(goodAuthorize({ client_key: 'nope' }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('client_key');
    const params = goodAuthorize({ client_id: APP.client_key });
    delete params.client_key;
    const text = await (await authorize(params)).text();
    expect(text).toContain('client_key, not client_id');
  });

  it('sends response_type and scope errors back to the registered redirect_uri with state', async () => {
    const wrongType = new URL((await authorize(goodAuthorize({ response_type: 'token' }))).headers.get('location')!);
    expect(wrongType.searchParams.get('error')).toBe('unsupported_response_type');
    expect(wrongType.searchParams.get('state')).toBe('xyz');
    const spaces = new URL((await authorize(goodAuthorize({ scope: 'user.info.basic video.list' }))).headers.get('location')!);
    expect(spaces.searchParams.get('error')).toBe('invalid_scope');
    expect(spaces.searchParams.get('error_description')).toContain('comma-separated');
    const notGranted = new URL((await authorize(goodAuthorize({ scope: 'user.info.stats' }))).headers.get('location')!);
    expect(notGranted.searchParams.get('error')).toBe('invalid_scope');
    const params = goodAuthorize();
    delete params.scope;
    const noScope = new URL((await authorize(params)).headers.get('location')!);
    expect(noScope.searchParams.get('error')).toBe('invalid_request');
  });
});

describe('v2 token: authorization_code', () => {
  it('answers the flat v2 shape with token_type Bearer', async () => {
    const json = await signIn();
    expect(Object.keys(json).sort()).toEqual(
      ['access_token', 'expires_in', 'open_id', 'refresh_expires_in', 'refresh_token', 'scope', 'token_type'].sort(),
    );
    expect(json.token_type).toBe('Bearer');
    expect(json.open_id).toBe(USER.open_id);
    expect(json.scope).toBe('user.info.basic,user.info.profile');
    expect(json.expires_in).toBe(86_400);
  });

  it('rejects a JSON body with invalid_request', async () => {
    const code = await getCode();
    const body = JSON.stringify({ client_key: APP.client_key, client_secret: APP.client_secret, code, grant_type: 'authorization_code', redirect_uri: REDIRECT });
    expectV2Error(await post('/v2/oauth/token/', body, { 'content-type': 'application/json' }), 'invalid_request');
    // A JSON body under the right Content-Type is still not a form.
    expectV2Error(await post('/v2/oauth/token/', body), 'invalid_request');
  });

  it('rejects Content-Type with ;charset=UTF-8, including the one fetch adds to a URLSearchParams body', async () => {
    const code = await getCode();
    const params = { client_key: APP.client_key, client_secret: APP.client_secret, code, grant_type: 'authorization_code', redirect_uri: REDIRECT };
    const withCharset = await tokenCall(params, { 'content-type': `${FORM};charset=UTF-8` });
    expectV2Error(withCharset, 'invalid_request');
    expect(withCharset.json.error_description).toContain('charset');
    const res = await fetch(`${emu.url}/v2/oauth/token/`, { method: 'POST', body: new URLSearchParams(params) });
    expectV2Error({ status: res.status, json: (await res.json()) as Json }, 'invalid_request');
    // The code was not used up by the rejected calls.
    expect((await exchange(code)).status).toBe(200);
  });

  it('rejects parameters in the query string (v2 reads the body) with invalid_request', async () => {
    const code = await getCode();
    const query = new URLSearchParams({ client_key: APP.client_key, client_secret: APP.client_secret, code, grant_type: 'authorization_code', redirect_uri: REDIRECT });
    const result = await post(`/v2/oauth/token/?${query}`, '');
    expectV2Error(result, 'invalid_request');
    expect(result.json.error_description).toContain('query string');
  });

  it('rejects a missing client_secret with invalid_request', async () => {
    // invalid_request, not invalid_client: v2 requires client_secret (spec section 2), and RFC 6749 section 5.2
    // keeps invalid_client for a client that failed to authenticate; a missing required parameter is a malformed
    // request. A WRONG secret is invalid_client (next test).
    const result = await exchange(await getCode(), { client_secret: '' });
    expectV2Error(result, 'invalid_request');
    expect(result.json.error_description).toContain('client_secret');
  });

  it('rejects a wrong client_secret or an unknown client_key with invalid_client (401)', async () => {
    const code = await getCode();
    expectV2Error(await exchange(code, { client_secret: 'wrong' }), 'invalid_client', 401);
    expectV2Error(await exchange(code, { client_key: 'someone-else' }), 'invalid_client', 401);
  });

  it('rejects a reused code with invalid_grant', async () => {
    const code = await getCode();
    expect((await exchange(code)).status).toBe(200);
    const again = await exchange(code);
    expectV2Error(again, 'invalid_grant');
    expect(again.json.error_description).toContain('already used');
  });

  it('rejects a redirect_uri that differs from the authorize one with invalid_grant, a missing one with invalid_request', async () => {
    const code = await getCode();
    const other = await exchange(code, { redirect_uri: APP.redirect_uris[1]! });
    expectV2Error(other, 'invalid_grant');
    expect(other.json.error_description).toContain('redirect_uri');
    const params = { client_key: APP.client_key, client_secret: APP.client_secret, code, grant_type: 'authorization_code' };
    expectV2Error(await tokenCall(params), 'invalid_request');
    // Failed attempts do not use the code up (the emulator's choice): the right redirect_uri still works.
    expect((await exchange(code)).status).toBe(200);
  });

  it('rejects an unknown, missing or expired code', async () => {
    expectV2Error(await exchange('not-a-code'), 'invalid_grant');
    expectV2Error(await exchange(''), 'invalid_request');
    const code = await getCode();
    clock.now += 5 * 60 * 1000 + 1;
    try {
      const late = await exchange(code);
      expectV2Error(late, 'invalid_grant');
      expect(late.json.error_description).toContain('expired');
    } finally {
      clock.now -= 5 * 60 * 1000 + 1;
    }
  });

  it('rejects an unknown grant_type with unsupported_grant_type, a missing one with invalid_request', async () => {
    expectV2Error(await exchange(await getCode(), { grant_type: 'client_credentials' }), 'unsupported_grant_type');
    expectV2Error(await tokenCall({ client_key: APP.client_key, client_secret: APP.client_secret }), 'invalid_request');
  });

  it('rejects a parameter sent twice with invalid_request', async () => {
    const code = await getCode();
    const body = `${new URLSearchParams({ client_key: APP.client_key, client_secret: APP.client_secret, code, grant_type: 'authorization_code', redirect_uri: REDIRECT })}&code=${code}`;
    expectV2Error(await post('/v2/oauth/token/', body), 'invalid_request');
  });
});

describe('v2 token: refresh_token', () => {
  const refresh = (refresh_token: string, extra: Record<string, string> = {}) =>
    tokenCall({ client_key: APP.client_key, client_secret: APP.client_secret, grant_type: 'refresh_token', refresh_token, ...extra });

  it('requires client_secret on refresh (v1 did not)', async () => {
    const tokens = await signIn();
    const result = await tokenCall({ client_key: APP.client_key, grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expectV2Error(result, 'invalid_request');
    expect(result.json.error_description).toContain('client_secret');
    expectV2Error(await refresh(tokens.refresh_token, { client_secret: 'wrong' }), 'invalid_client', 401);
  });

  it('rotates the refresh token: the old one is rejected after use, the new one works', async () => {
    const tokens = await signIn();
    const first = await refresh(tokens.refresh_token);
    expect(first.status).toBe(200);
    expect(first.json.token_type).toBe('Bearer');
    expect(first.json.refresh_token).not.toBe(tokens.refresh_token);
    expect(first.json.access_token).not.toBe(tokens.access_token);
    const replay = await refresh(tokens.refresh_token);
    expectV2Error(replay, 'invalid_grant');
    expect(replay.json.error_description).toContain('rotates');
    expect((await refresh(first.json.refresh_token)).status).toBe(200);
    expect((await userInfo(first.json.access_token)).status).toBe(200);
  });

  it('rejects an access token sent as the refresh token', async () => {
    const tokens = await signIn();
    expectV2Error(await refresh(tokens.access_token), 'invalid_grant');
  });
});

describe('v2 revoke and user info', () => {
  const revoke = (token: string, extra: Record<string, string> = {}) =>
    post('/v2/oauth/revoke/', new URLSearchParams({ client_key: APP.client_key, client_secret: APP.client_secret, token, ...extra }).toString());

  it('answers user info with error.code "ok" and only the requested fields', async () => {
    const tokens = await signIn();
    const { status, json } = await userInfo(tokens.access_token, 'open_id,display_name,avatar_url');
    expect(status).toBe(200);
    expect(json.error.code).toBe('ok');
    expect(json.error.message).toBe('');
    expect(typeof json.error.log_id).toBe('string');
    expect(json.data.user).toEqual({ open_id: USER.open_id, display_name: USER.display_name, avatar_url: USER.avatar_url });
  });

  it('rejects user info by POST, without a token, with a bad token, with unknown or unauthorized fields', async () => {
    const tokens = await signIn();
    const byPost = await userInfo(tokens.access_token, 'open_id', { method: 'POST', body: '{}' });
    expect(byPost.status).toBe(405);
    expect(typeof byPost.json.error.code).toBe('string');
    expect(byPost.json.error.code).not.toBe('ok');
    const none = await userInfo(null);
    expect(none.status).toBe(401);
    expect(none.json.error.code).toBe('access_token_invalid');
    const bad = await userInfo('act.garbage');
    expect(bad.status).toBe(401);
    expect(bad.json.error.code).toBe('access_token_invalid');
    const unknown = await userInfo(tokens.access_token, 'open_id,shoe_size');
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.code).toBe('invalid_params');
    const stats = await userInfo(tokens.access_token, 'follower_count');
    expect(stats.status).toBe(401);
    expect(stats.json.error.code).toBe('scope_not_authorized');
    const noFields = await fetch(`${emu.url}/v2/user/info/`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(noFields.status).toBe(400);
  });

  it('revokes: {} on success, then user info answers 401 and refresh fails', async () => {
    const tokens = await signIn();
    const result = await revoke(tokens.access_token);
    expect(result.status).toBe(200);
    expect(result.json).toEqual({});
    const after = await userInfo(tokens.access_token);
    expect(after.status).toBe(401);
    expect(after.json.error.code).toBe('access_token_invalid');
    expect(after.json.error.message).toContain('revoked');
    const refreshed = await tokenCall({ client_key: APP.client_key, client_secret: APP.client_secret, grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expectV2Error(refreshed, 'invalid_grant');
  });

  it('rejects revoke without client_secret, with a wrong one, or with an unknown token', async () => {
    const tokens = await signIn();
    expectV2Error(await revoke(tokens.access_token, { client_secret: '' }), 'invalid_request');
    expectV2Error(await revoke(tokens.access_token, { client_secret: 'wrong' }), 'invalid_client', 401);
    expectV2Error(await revoke('unknown-token'), 'invalid_request');
    const v1Style = await post(`/v2/oauth/revoke/?open_id=x&access_token=${tokens.access_token}`, '');
    expectV2Error(v1Style, 'invalid_request');
  });
});

describe('robustness', () => {
  it('answers malformed bodies with the v2 error shape and keeps serving', async () => {
    const garbage: Array<string | Uint8Array<ArrayBuffer>> = ['%%%&&==&', '\u0000\u0001binary', new Uint8Array([0xff, 0xfe, 0xc3, 0x28]), '{"unterminated": '];
    for (const body of garbage) {
      const res = await fetch(`${emu.url}/v2/oauth/token/`, { method: 'POST', headers: { 'content-type': FORM }, body });
      expect(res.status).toBe(400);
      expect(((await res.json()) as Json).error).toBe('invalid_request');
    }
    const revoke = await fetch(`${emu.url}/v2/oauth/revoke/`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'garbage' });
    expect(((await revoke.json()) as Json).error).toBe('invalid_request');
    expect((await userInfo((await signIn()).access_token)).status).toBe(200);
  });

  it('answers an oversized body with 413 and keeps serving', async () => {
    const big = 'a='.padEnd(200 * 1024, 'x');
    const res = await fetch(`${emu.url}/v2/oauth/token/`, { method: 'POST', headers: { 'content-type': FORM }, body: big });
    expect(res.status).toBe(413);
    expect(((await res.json()) as Json).error).toBe('invalid_request');
    // Far larger than the drain limit: the server may cut the connection, but it must not fall over.
    await fetch(`${emu.url}/v2/oauth/token/`, { method: 'POST', headers: { 'content-type': FORM }, body: 'a='.padEnd(3 * 1024 * 1024, 'x') })
      .then((r) => expect(r.status).toBe(413))
      .catch(() => undefined);
    expect((await userInfo((await signIn()).access_token)).status).toBe(200);
  });

  it('answers oversized headers with 431 and keeps serving', async () => {
    const res = await fetch(`${emu.url}/v2/user/info/?fields=open_id`, { headers: { 'x-padding': 'x'.repeat(20 * 1024) } }).catch(() => null);
    if (res) expect(res.status).toBe(431);
    expect((await authorize(goodAuthorize())).status).toBe(302);
  });

  it('answers a garbage request line with 400 and keeps serving', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(emu.port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect((await authorize(goodAuthorize())).status).toBe(302);
  });

  it('answers an unknown path with 404 and a wrong method with 405', async () => {
    expect((await fetch(`${emu.url}/v2/nothing/`)).status).toBe(404);
    const get = await fetch(`${emu.url}/v2/oauth/token/`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });
});

/** A raw node:http request, to send absolute-form request lines and Host headers that fetch cannot. */
function raw(path: string, headers: Record<string, string>, body = ''): Promise<{ status: number; json: Json }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: emu.port, method: 'POST', path, headers }, (res) => {
      let data = '';
      res.on('data', (chunk) => (data += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(data) as Json }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('real TikTok URLs', () => {
  const tokenUrl = v2Url(endpointById('token'))!;

  it('accepts absolute-form request lines and Host: open.tiktokapis.com', async () => {
    const viaProxy = await raw(tokenUrl, { 'content-type': FORM }, new URLSearchParams({ client_key: APP.client_key, client_secret: APP.client_secret, code: await getCode(), grant_type: 'authorization_code', redirect_uri: REDIRECT }).toString());
    expect(viaProxy.status).toBe(200);
    expect(emu.state.requests.at(-1)).toMatchObject({ host: 'open.tiktokapis.com', path: '/v2/oauth/token/', version: 'v2', status: 200 });
    const viaHost = await raw('/v2/oauth/token/', { host: 'open.tiktokapis.com', 'content-type': FORM }, new URLSearchParams({ client_key: APP.client_key, client_secret: APP.client_secret, code: await getCode(), grant_type: 'authorization_code', redirect_uri: REDIRECT }).toString());
    expect(viaHost.status).toBe(200);
  });

  it('accepts a v1 absolute-form request line as a proxy forwards it', async () => {
    const res = await fetch(`${emu.url}/auth/authorize/?${new URLSearchParams({ ...goodAuthorize(), redirect_uri: `${REDIRECT}?x=1` })}`, { redirect: 'manual' });
    const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
    const query = new URLSearchParams({ client_key: APP.client_key, client_secret: APP.client_secret, code, grant_type: 'authorization_code' });
    const v1 = await raw(`http://open-api.tiktok.com/oauth/access_token/?${query}`, {});
    expect(v1.json).toMatchObject({ message: 'success', data: { error_code: 0, open_id: USER.open_id } });
    expect(emu.state.requests.at(-1)).toMatchObject({ host: 'open-api.tiktok.com', version: 'v1', endpoint: 'token' });
  });

  it('rejects hybrid hosts (open-api.tiktok.com/v2/..., open.tiktok.com) with 404', async () => {
    const hybrid = await raw('http://open-api.tiktok.com/v2/oauth/token/', { 'content-type': FORM }, 'a=b');
    expect(hybrid.status).toBe(404);
    expect(hybrid.json.error_description).toContain('open.tiktokapis.com');
    expect((await raw('/v2/oauth/token/', { host: 'open.tiktok.com', 'content-type': FORM }, 'a=b')).status).toBe(404);
  });

  it('routeTikTokTo sends fetch for https://open.tiktokapis.com/v2/oauth/token/ to the emulator, then restores fetch', async () => {
    const original = globalThis.fetch;
    const code = await getCode();
    const restore = routeTikTokTo(emu.url);
    try {
      expect(globalThis.fetch).not.toBe(original);
      const res = await fetch(tokenUrl, {
        method: 'POST',
        headers: { 'Content-Type': FORM },
        body: new URLSearchParams({ client_key: APP.client_key, client_secret: APP.client_secret, code, grant_type: 'authorization_code', redirect_uri: REDIRECT }),
      });
      expect(res.status).toBe(200);
      const json = (await res.json()) as Json;
      expect(json.token_type).toBe('Bearer');
      expect(emu.state.requests.at(-1)).toMatchObject({ method: 'POST', host: 'open.tiktokapis.com', path: '/v2/oauth/token/', version: 'v2' });
      const info = await fetch(`https://open.tiktokapis.com/v2/user/info/?fields=open_id`, { headers: { Authorization: `Bearer ${json.access_token}` } });
      expect(((await info.json()) as Json).data.user).toEqual({ open_id: USER.open_id });
      const auth = await fetch(`https://www.tiktok.com/v2/auth/authorize/?${new URLSearchParams(goodAuthorize())}`, { redirect: 'manual' });
      expect(auth.status).toBe(302);
    } finally {
      restore();
    }
    expect(globalThis.fetch).toBe(original);
    restore();
    expect(globalThis.fetch).toBe(original);
  });
});

describe('state, config and start-up', () => {
  it('logs what the app called and counts codes and tokens per version', async () => {
    emu.state.clearRequests();
    const before = emu.state.counts.v2;
    await signIn();
    expect(emu.state.requests.map((r) => [r.method, r.path, r.version, r.status])).toEqual([
      ['GET', '/v2/auth/authorize/', 'v2', 302],
      ['POST', '/v2/oauth/token/', 'v2', 200],
    ]);
    const after = emu.state.counts.v2;
    expect(after.codesIssued - before.codesIssued).toBe(1);
    expect(after.codesRedeemed - before.codesRedeemed).toBe(1);
    expect(after.accessTokensIssued - before.accessTokensIssued).toBe(1);
  });

  it('warns about client_secret in the authorize URL and a missing state', async () => {
    const params = goodAuthorize({ client_secret: APP.client_secret });
    delete params.state;
    await authorize(params);
    expect(emu.state.requests.at(-1)!.warnings!.join(' ')).toMatch(/client_secret.*state/);
  });

  it('starts with DEFAULT_CONFIG on a random port and closes twice safely', async () => {
    const other = await startEmulator({ config: DEFAULT_CONFIG });
    try {
      expect(other.port).not.toBe(emu.port);
      const app = DEFAULT_CONFIG.apps[0]!;
      const res = await fetch(`${other.url}/v2/auth/authorize/?${new URLSearchParams({ client_key: app.client_key, scope: 'user.info.basic', response_type: 'code', redirect_uri: app.redirect_uris[0]! })}`, { redirect: 'manual' });
      expect(res.status).toBe(302);
    } finally {
      await other.close();
      await other.close();
    }
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect(startEmulator({ config: CONFIG, host: '0.0.0.0' as '127.0.0.1' })).rejects.toThrow(/127\.0\.0\.1/);
  });

  it('loads the example config and rejects bad ones with clear errors', async () => {
    const example = await loadEmulatorConfig(join(import.meta.dirname, '..', 'fixtures', 'emulator', 'config.json'));
    expect(example.apps[0]!.redirect_uris.length).toBeGreaterThan(0);
    const dir = await mkdtemp(join(tmpdir(), 'emulator-config-'));
    try {
      const cases: Array<[string, RegExp]> = [
        ['{', /not valid JSON/],
        ['{"apps": []}', /apps.*non-empty/],
        [JSON.stringify({ apps: [{ ...APP, redirect_uris: ['https://a.example/cb?x=1'] }] }), /redirect_uris\[0\].*query/],
        [JSON.stringify({ apps: [{ ...APP, redirect_uris: ['http://a.example/cb'] }] }), /https/],
        [JSON.stringify({ apps: [{ ...APP, clientSecret: 'x' }] }), /unknown key "clientSecret"/],
        [JSON.stringify({ apps: [APP, APP] }), /appears twice/],
        [JSON.stringify({ apps: [APP], users: [{ open_id: 'x' }] }), /users\[0\]\.union_id/],
      ];
      for (const [text, message] of cases) {
        const file = join(dir, 'config.json');
        await writeFile(file, text);
        await expect(loadEmulatorConfig(file)).rejects.toThrow(message);
      }
      await expect(loadEmulatorConfig(join(dir, 'missing.json'))).rejects.toThrow(/ENOENT/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
