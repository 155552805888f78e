// The emulator's v1 side (so a sample app can be shown working BEFORE migration) and its refusal to mix v1 and v2
// codes and tokens (spec section 5; the emulator's documented choice, TikTok documents neither way).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { routeTikTokTo, startEmulator, type RunningEmulator } from '../src/emulator/index.js';

const APP = {
  client_key: 'awv1clientkey',
  client_secret: 'v1-secret',
  redirect_uris: ['https://legacy.test.example/redirect'],
};
const USER = {
  open_id: '-000v1OpenId',
  union_id: 'union-v1',
  display_name: 'Legacy Creator',
  avatar_url: 'https://p16.example/legacy.jpeg',
};
const FORM = 'application/x-www-form-urlencoded';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, config: { apps: [APP], users: [USER] } });
});
afterAll(async () => {
  await emu.close();
});

type Json = Record<string, any>;

async function call(path: string, init: RequestInit = {}): Promise<{ status: number; json: Json }> {
  const res = await fetch(`${emu.url}${path}`, { redirect: 'manual', ...init });
  return { status: res.status, json: (await res.json()) as Json };
}

const q = (params: Record<string, string>): string => new URLSearchParams(params).toString();

async function v1Code(path = '/auth/authorize/', redirect_uri = `${APP.redirect_uris[0]}?from=v1&lang=en`): Promise<URL> {
  const res = await fetch(
    `${emu.url}${path}?${q({ client_key: APP.client_key, scope: 'user.info.basic,video.list', response_type: 'code', redirect_uri, state: 'st 1' })}`,
    { redirect: 'manual' },
  );
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location')!);
}

const v1Token = (code: string, extra: Record<string, string> = {}) =>
  call(`/oauth/access_token/?${q({ client_key: APP.client_key, client_secret: APP.client_secret, code, grant_type: 'authorization_code', ...extra })}`, { method: 'POST' });

async function v1SignIn(): Promise<Json> {
  const { json } = await v1Token((await v1Code()).searchParams.get('code')!);
  expect(json.message).toBe('success');
  return json.data;
}

async function v2SignIn(): Promise<Json> {
  const redirect_uri = APP.redirect_uris[0]!;
  const res = await fetch(
    `${emu.url}/v2/auth/authorize/?${q({ client_key: APP.client_key, scope: 'user.info.basic', response_type: 'code', redirect_uri, state: 's' })}`,
    { redirect: 'manual' },
  );
  const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
  const body = q({ client_key: APP.client_key, client_secret: APP.client_secret, code, grant_type: 'authorization_code', redirect_uri });
  const { json } = await call('/v2/oauth/token/', { method: 'POST', headers: { 'content-type': FORM }, body });
  expect(json.token_type).toBe('Bearer');
  return json;
}

function expectV1Error(json: Json, code = 10002): void {
  expect(json.message).toBe('error');
  expect(json.data.error_code).toBe(code);
  expect(typeof json.data.description).toBe('string');
}

describe('v1 flow, end to end, with v1 shapes', () => {
  it('authorize -> access_token via query -> refresh without secret -> user info -> revoke', async () => {
    const location = await v1Code();
    // v1 allowed query strings on redirect_uri: kept, with code and state added.
    expect(location.searchParams.get('from')).toBe('v1');
    expect(location.searchParams.get('lang')).toBe('en');
    expect(location.searchParams.get('state')).toBe('st 1');

    const token = await v1Token(location.searchParams.get('code')!);
    expect(token.status).toBe(200);
    expect(token.json.message).toBe('success');
    expect(token.json.data).toMatchObject({ open_id: USER.open_id, error_code: 0, description: '', scope: 'user.info.basic,video.list' });
    expect(token.json.data).not.toHaveProperty('token_type');
    expect(token.json).not.toHaveProperty('access_token');
    const { access_token, refresh_token } = token.json.data;

    const refreshed = await call(`/oauth/refresh_token/?${q({ client_key: APP.client_key, grant_type: 'refresh_token', refresh_token })}`, { method: 'POST' });
    expect(refreshed.json.message).toBe('success');
    expect(refreshed.json.data.error_code).toBe(0);
    expect(refreshed.json.data.access_token).not.toBe(access_token);
    // v1 does not rotate (the emulator's choice): the same refresh token keeps working.
    expect(refreshed.json.data.refresh_token).toBe(refresh_token);
    const newAccess = refreshed.json.data.access_token as string;

    const info = await call('/user/info/', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ open_id: USER.open_id, access_token: newAccess, fields: ['open_id', 'display_name', 'avatar_url'] }),
    });
    expect(info.json).toEqual({
      data: { user: { open_id: USER.open_id, display_name: USER.display_name, avatar_url: USER.avatar_url } },
      error: { code: 0, message: '' },
    });
    const infoByQuery = await call(`/user/info/?access_token=${encodeURIComponent(newAccess)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fields: ['union_id'] }),
    });
    expect(infoByQuery.json.data.user).toEqual({ union_id: USER.union_id });

    const revoked = await call(`/oauth/revoke/?${q({ open_id: USER.open_id, access_token: newAccess })}`, { method: 'POST' });
    expect(revoked.json.message).toBe('success');
    expect(revoked.json.data.error_code).toBe(0);
    const after = await call('/user/info/', { method: 'POST', body: JSON.stringify({ open_id: USER.open_id, access_token: newAccess }) });
    expect(after.json.error.code).not.toBe(0);
    expect(typeof after.json.error.code).toBe('number');

    expect(emu.state.counts.v1.refreshes).toBeGreaterThanOrEqual(1);
    expect(emu.state.counts.v1.revocations).toBeGreaterThanOrEqual(1);
  });

  it('accepts the older /platform/oauth/connect/ authorize and a sample app fetching real v1 URLs', async () => {
    const code = (await v1Code('/platform/oauth/connect/')).searchParams.get('code')!;
    const restore = routeTikTokTo(emu.url);
    try {
      // Exactly how fixtures/apps/express-v1 calls it: POST, params in the URL, no body.
      const url = `https://open-api.tiktok.com/oauth/access_token/?client_key=${APP.client_key}&client_secret=${APP.client_secret}&code=${code}&grant_type=authorization_code`;
      const json = (await (await fetch(url, { method: 'post' })).json()) as Json;
      expect(json.message).toBe('success');
      expect(emu.state.requests.at(-1)).toMatchObject({ host: 'open-api.tiktok.com', path: '/oauth/access_token/', version: 'v1', status: 200 });
    } finally {
      restore();
    }
  });

  it('runs the unmodified sample app fixtures/apps/ts-service-v1 (form bodies, no grant_type) before migration', async () => {
    vi.stubEnv('TIKTOK_CLIENT_KEY', APP.client_key);
    vi.stubEnv('TIKTOK_CLIENT_SECRET', APP.client_secret);
    vi.stubEnv('TIKTOK_REDIRECT_URI', APP.redirect_uris[0]!);
    const restore = routeTikTokTo(emu.url);
    try {
      // A variable specifier: the fixture is not part of the type-checked project.
      const load = (path: string): Promise<Json> => import(path);
      const login = await load('../fixtures/apps/ts-service-v1/src/auth/login');
      const tokens = await load('../fixtures/apps/ts-service-v1/src/auth/tokens');
      const { url, state } = login.createLoginRedirect();
      const back = new URL((await fetch(url, { redirect: 'manual' })).headers.get('location')!);
      expect(back.searchParams.get('state')).toBe(state);
      const signedIn = await tokens.exchangeCode(back.searchParams.get('code'));
      expect(signedIn.openId).toBe(USER.open_id);
      const refreshed = await tokens.refreshTokens(signedIn.refreshToken);
      expect(refreshed.accessToken).not.toBe(signedIn.accessToken);
      await tokens.revokeTokens(refreshed);
      expect(emu.state.requests.slice(-4).map((r) => [r.host, r.version, r.endpoint, r.status])).toEqual([
        ['www.tiktok.com', 'v1', 'authorize', 302],
        ['open-api.tiktok.com', 'v1', 'token', 200],
        ['open-api.tiktok.com', 'v1', 'refresh', 200],
        ['open-api.tiktok.com', 'v1', 'revoke', 200],
      ]);
    } finally {
      restore();
      vi.unstubAllEnvs();
    }
  });

  it('rejects a redirect_uri outside the registered domains with an HTML page', async () => {
    const res = await fetch(
      `${emu.url}/auth/authorize/?${q({ client_key: APP.client_key, scope: 'user.info.basic', response_type: 'code', redirect_uri: 'https://evil.example/redirect' })}`,
      { redirect: 'manual' },
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('redirect_uri');
  });

  it('answers v1 errors in the wrapped v1 shape', async () => {
    const code = (await v1Code()).searchParams.get('code')!;
    expectV1Error((await call(`/oauth/access_token/?${q({ client_key: APP.client_key, code, grant_type: 'authorization_code' })}`, { method: 'POST' })).json);
    expectV1Error((await v1Token(code, { client_secret: 'wrong' })).json, 10003);
    expect((await v1Token(code)).json.message).toBe('success');
    expectV1Error((await v1Token(code)).json, 10007);
    expectV1Error((await call(`/oauth/refresh_token/?${q({ client_key: APP.client_key, grant_type: 'refresh_token' })}`, { method: 'POST' })).json);
    const malformed = await call('/user/info/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"open_id": ' });
    expect(malformed.json.error.code).toBe(10002);
    expect((await v1SignIn()).access_token).toBeTruthy();
  });
});

describe('v1 and v2 never mix', () => {
  it('rejects a v1 token on v2 user info with 401 access_token_invalid', async () => {
    const v1 = await v1SignIn();
    const res = await call('/v2/user/info/?fields=open_id', { headers: { authorization: `Bearer ${v1.access_token}` } });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('access_token_invalid');
    expect(res.json.error.message).toContain('token issued by the v1 API');
  });

  it('rejects a v2 token on v1 user info with the v1 error shape', async () => {
    const v2 = await v2SignIn();
    const res = await call('/user/info/', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ open_id: v2.open_id, access_token: v2.access_token, fields: ['open_id'] }),
    });
    expect(res.json.data).toEqual({});
    expect(res.json.error.code).not.toBe(0);
    expect(res.json.error.message).toContain('token issued by the v2 API');
  });

  it('rejects a v2 refresh token on the v1 refresh endpoint and the reverse', async () => {
    const v2 = await v2SignIn();
    const onV1 = await call(`/oauth/refresh_token/?${q({ client_key: APP.client_key, grant_type: 'refresh_token', refresh_token: v2.refresh_token })}`, { method: 'POST' });
    expect(onV1.json.message).toBe('error');
    expect(onV1.json.data.description).toContain('token issued by the v2 API');
    const v1 = await v1SignIn();
    const body = q({ client_key: APP.client_key, client_secret: APP.client_secret, grant_type: 'refresh_token', refresh_token: v1.refresh_token });
    const onV2 = await call('/v2/oauth/token/', { method: 'POST', headers: { 'content-type': FORM }, body });
    expect(onV2.json.error).toBe('invalid_grant');
    expect(onV2.json.error_description).toContain('token issued by the v1 API');
  });

  it('rejects a v1 code at the v2 token endpoint and a v2 code at the v1 one', async () => {
    const v1Location = await v1Code('/auth/authorize/', APP.redirect_uris[0]);
    const body = q({
      client_key: APP.client_key,
      client_secret: APP.client_secret,
      code: v1Location.searchParams.get('code')!,
      grant_type: 'authorization_code',
      redirect_uri: APP.redirect_uris[0]!,
    });
    const onV2 = await call('/v2/oauth/token/', { method: 'POST', headers: { 'content-type': FORM }, body });
    expect(onV2.json.error).toBe('invalid_grant');
    expect(onV2.json.error_description).toContain('issued by the v1 API');

    const res = await fetch(
      `${emu.url}/v2/auth/authorize/?${q({ client_key: APP.client_key, scope: 'user.info.basic', response_type: 'code', redirect_uri: APP.redirect_uris[0]! })}`,
      { redirect: 'manual' },
    );
    const v2Code = new URL(res.headers.get('location')!).searchParams.get('code')!;
    const onV1 = await v1Token(v2Code);
    expect(onV1.json.message).toBe('error');
    expect(onV1.json.data.description).toContain('issued by the v2 API');
  });

  it('rejects revoking a v1 token on v2 and a v2 token on v1', async () => {
    const v1 = await v1SignIn();
    const body = q({ client_key: APP.client_key, client_secret: APP.client_secret, token: v1.access_token });
    const onV2 = await call('/v2/oauth/revoke/', { method: 'POST', headers: { 'content-type': FORM }, body });
    expect(onV2.json.error).toBe('invalid_request');
    expect(onV2.json.error_description).toContain('token issued by the v1 API');
    const v2 = await v2SignIn();
    const onV1 = await call(`/oauth/revoke/?${q({ open_id: v2.open_id, access_token: v2.access_token })}`, { method: 'POST' });
    expect(onV1.json.data.description).toContain('token issued by the v2 API');
  });
});
