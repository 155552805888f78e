// routeNodeHttpTo: node:http / node:https requests for TikTok's hosts go to the emulator (or any http URL), with
// method, path, query, headers and body kept and the original host in x-forwarded-host; other hosts are untouched.
// Also the undici router of fixtures/flows/route-undici.mjs, which the flow runner uses for the undici client.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import { fetch as undiciFetch, request as undiciRequest } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROUTED_HOSTS, routeNodeHttpTo, startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { routeUndiciTo } from '../fixtures/flows/route-undici.mjs';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** An http server that answers every request with what it received. */
async function startEcho(): Promise<{ url: string; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(entry);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(entry));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => (server.close(() => resolve()), server.closeAllConnections())),
  };
}

/** Sends a request with node's API and resolves with status and body text. */
function send(req: http.ClientRequest, body?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const REDIRECT_URI = 'https://app.example.test/auth/tiktok/callback';
const CONFIG = {
  apps: [{ client_key: 'awroutekey', client_secret: 'route-secret', redirect_uris: [REDIRECT_URI], scopes: ['user.info.basic'] }],
};

let echo: Awaited<ReturnType<typeof startEcho>>;
let emulator: RunningEmulator;
let restore: (() => void) | undefined;

beforeAll(async () => {
  echo = await startEcho();
  emulator = await startEmulator({ port: 0, config: CONFIG });
});
afterEach(() => {
  restore?.();
  restore = undefined;
  echo.seen.length = 0;
  emulator.state.reset();
});
afterAll(async () => {
  await echo.close();
  await emulator.close();
});

describe('routeNodeHttpTo', () => {
  it('https.request(url, options, cb) keeps method, path, query, headers and body; the host goes in x-forwarded-host', async () => {
    restore = routeNodeHttpTo(echo.url);
    const body = 'client_key=k&client_secret=s&grant_type=refresh_token&refresh_token=r';
    const req = https.request(
      'https://open.tiktokapis.com/v2/oauth/token/?x=1',
      { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Custom': 'yes' } },
      () => {},
    );
    const res = await send(req, body);
    expect(res.status).toBe(200);
    expect(echo.seen).toHaveLength(1);
    const [seen] = echo.seen;
    expect(seen).toMatchObject({ method: 'POST', url: '/v2/oauth/token/?x=1', body });
    expect(seen!.headers).toMatchObject({
      'content-type': 'application/x-www-form-urlencoded',
      'x-custom': 'yes',
      'x-forwarded-host': 'open.tiktokapis.com',
      'x-forwarded-proto': 'https',
    });
  });

  it('takes (options), URL objects, host+path, hostname+port and a non-default port; drops an https.Agent', async () => {
    restore = routeNodeHttpTo(echo.url);
    await send(https.request({ host: 'open-api.tiktok.com', path: '/oauth/revoke/?open_id=o', method: 'POST', agent: new https.Agent() }));
    await send(https.request(new URL('https://www.tiktok.com/auth/authorize/?a=b')));
    await send(https.request({ hostname: 'OPEN-API.tiktok.com', port: 443, path: '/user/info/', method: 'POST' }), '{}');
    await send(https.request(new URL('https://open.tiktok.com:8443/v2/x/'), { method: 'PUT' }));
    expect(echo.seen.map((s) => `${s.method} ${s.headers['x-forwarded-host']}${s.url}`)).toEqual([
      'POST open-api.tiktok.com/oauth/revoke/?open_id=o',
      'GET www.tiktok.com/auth/authorize/?a=b',
      'POST open-api.tiktok.com/user/info/',
      'PUT open.tiktok.com:8443/v2/x/',
    ]);
  });

  it('http.get and https.get are routed too (and ended for the caller)', async () => {
    restore = routeNodeHttpTo(echo.url);
    const viaHttp = await send(http.get({ host: 'www.tiktok.com', path: '/auth/authorize/?s=1' }));
    const viaHttps = await new Promise<string>((resolve, reject) => {
      https
        .get('https://open-api.tiktok.com/oauth/userinfo/?access_token=t', (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c));
          res.on('end', () => resolve(text));
        })
        .on('error', reject);
    });
    expect(JSON.parse(viaHttp.text)).toMatchObject({ method: 'GET', url: '/auth/authorize/?s=1' });
    expect(JSON.parse(viaHttp.text).headers['x-forwarded-proto']).toBe('http');
    expect(JSON.parse(viaHttps)).toMatchObject({ method: 'GET', url: '/oauth/userinfo/?access_token=t' });
  });

  it('leaves other hosts alone', async () => {
    const other = await startEcho();
    try {
      restore = routeNodeHttpTo(echo.url);
      const res = await send(http.request(`${other.url}/oauth/access_token/`, { method: 'POST' }));
      expect(res.status).toBe(200);
      expect(other.seen).toHaveLength(1);
      expect(other.seen[0]!.headers['x-forwarded-host']).toBeUndefined();
      expect(echo.seen).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it('patches the ES named exports too, and restore puts the originals back (twice is harmless)', async () => {
    const before = { hr: http.request, hg: http.get, sr: https.request, sg: https.get };
    restore = routeNodeHttpTo(echo.url);
    const named = await import('node:https');
    expect(named.request).toBe(https.request);
    expect(https.request).not.toBe(before.sr);
    restore();
    restore();
    expect({ hr: http.request, hg: http.get, sr: https.request, sg: https.get }).toEqual(before);
    expect((await import('node:https')).request).toBe(before.sr);
  });

  it('refuses an emulator URL that is not plain http', () => {
    expect(() => routeNodeHttpTo('https://127.0.0.1:1')).toThrow(/plain http/);
  });

  it('against the emulator: https.request and http.get reach v1 and v2 endpoints under their real hosts', async () => {
    restore = routeNodeHttpTo(emulator.url);
    const authorize = await send(
      http.get(`http://www.tiktok.com/v2/auth/authorize/?client_key=awroutekey&scope=user.info.basic&response_type=code&redirect_uri=${encodeURIComponent(REDIRECT_URI)}&state=s1`),
    );
    expect(authorize.status).toBe(302);
    const code = new URL(authorize.headers.location!).searchParams.get('code')!;
    const form = new URLSearchParams({ client_key: 'awroutekey', client_secret: 'route-secret', code, grant_type: 'authorization_code', redirect_uri: REDIRECT_URI });
    const token = await send(
      https.request('https://open.tiktokapis.com/v2/oauth/token/', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      form.toString(),
    );
    expect(token.status).toBe(200);
    expect(JSON.parse(token.text)).toMatchObject({ open_id: expect.any(String), token_type: 'Bearer' });
    const v1 = await send(https.request({ host: 'open-api.tiktok.com', path: '/oauth/revoke/?open_id=x&access_token=y', method: 'POST' }));
    expect(JSON.parse(v1.text)).toMatchObject({ message: 'error', data: { error_code: 10008 } });
    expect(emulator.state.requests.map((r) => `${r.method} ${r.host}${r.path} ${r.version} ${r.status}`)).toEqual([
      'GET www.tiktok.com/v2/auth/authorize/ v2 302',
      'POST open.tiktokapis.com/v2/oauth/token/ v2 200',
      'POST open-api.tiktok.com/oauth/revoke/ v1 200',
    ]);
  });

  it('against the emulator: axios (through follow-redirects) is routed, v1 and v2', async () => {
    restore = routeNodeHttpTo(emulator.url);
    const v1 = await axios.post('https://open-api.tiktok.com/oauth/refresh_token/', null, {
      params: { client_key: 'awroutekey', refresh_token: 'nope' },
    });
    expect(v1.data).toMatchObject({ message: 'error', data: { error_code: 10010 } });
    const v2 = await axios.post(
      'https://open.tiktokapis.com/v2/oauth/revoke/',
      new URLSearchParams({ client_key: 'awroutekey', client_secret: 'route-secret', token: 'nope' }).toString(),
      { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, validateStatus: () => true },
    );
    expect(v2.status).toBe(400);
    expect(v2.data).toMatchObject({ error: 'invalid_request', error_description: expect.stringContaining('token') });
    expect(emulator.state.requests.map((r) => `${r.host}${r.path} ${r.version}`)).toEqual([
      'open-api.tiktok.com/oauth/refresh_token/ v1',
      'open.tiktokapis.com/v2/oauth/revoke/ v2',
    ]);
  });
});

describe('routeUndiciTo (fixtures/flows/route-undici.mjs)', () => {
  it("routes undici's request() and fetch() through the global dispatcher, and restores it", async () => {
    restore = routeUndiciTo(echo.url, ROUTED_HOSTS);
    const { body } = await undiciRequest('https://open-api.tiktok.com/oauth/access_token/?code=c', {
      method: 'POST',
      headers: { 'x-custom': '1' },
    });
    expect(await body.json()).toMatchObject({
      method: 'POST',
      url: '/oauth/access_token/?code=c',
      headers: { 'x-forwarded-host': 'open-api.tiktok.com', 'x-forwarded-proto': 'https', 'x-custom': '1' },
    });
    const res = await undiciFetch('https://open.tiktokapis.com/v2/oauth/token/', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=refresh_token',
    });
    expect(await res.json()).toMatchObject({
      url: '/v2/oauth/token/',
      body: 'grant_type=refresh_token',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-host': 'open.tiktokapis.com' },
    });
    const other = await undiciRequest(`${echo.url}/plain`);
    expect(((await other.body.json()) as Seen).headers['x-forwarded-host']).toBeUndefined();
    restore();
    restore = undefined;
  });
});
