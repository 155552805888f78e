// mixed-token-use, typescript-eslint style: v1 and v2 OAuth endpoints in one flow, followed value by value across
// modules (flow-level), else v1 and v2 in connected modules (module-level); cases that must not be flagged first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';

const made: string[] = [];
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** `files` are scanned; `onDiskOnly` exist on disk but were left out by discovery (they mention no TikTok URL). */
function mixed(files: Record<string, string>, onDiskOnly: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiktok-mixed-'));
  made.push(dir);
  for (const [rel, text] of Object.entries(onDiskOnly)) fs.writeFileSync(path.join(dir, rel), text);
  const discovered = Object.entries(files).flatMap(([rel, text]) => {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    if (rel.endsWith('package.json')) return [];
    return [{ path: file, kind: rel.includes('.env') ? ('non-code' as const) : ('code' as const), text }];
  });
  return analyze(discovered, dir).findings.filter((f) => f.ruleId === 'mixed-token-use');
}

const V2_EXCHANGE = "export const exchange = () => fetch('https://open.tiktokapis.com/v2/oauth/token/', { method: 'POST' });\n";
const V1_REFRESH = "export const refresh = () => fetch('https://open-api.tiktok.com/oauth/refresh_token/', { method: 'POST' });\n";
const V1_USERINFO = "export const me = (t) => fetch('https://open-api.tiktok.com/user/info/', { method: 'POST', body: JSON.stringify({ access_token: t }) });\n";
const V1_AUTHORIZE = "export const login = (s) => 'https://www.tiktok.com/auth/authorize/?client_key=k&response_type=code&state=' + s;\n";

/** A v2 exchange module that returns the tokens (ES module). */
const V2_LOGIN = `export async function exchangeCode(code) {
  const res = await fetch('https://open.tiktokapis.com/v2/oauth/token/', { method: 'POST', body: new URLSearchParams({ code }) });
  const json = await res.json();
  return { accessToken: json.access_token, refreshToken: json.refresh_token, openId: json.open_id };
}
`;
const V1_REFRESH_FN = `export async function refreshTokens(refreshToken) {
  const res = await fetch('https://open-api.tiktok.com/oauth/refresh_token/?grant_type=refresh_token&refresh_token=' + refreshToken, { method: 'POST' });
  return (await res.json()).data;
}
`;
const V2_REFRESH_FN = V1_REFRESH_FN.replace('https://open-api.tiktok.com/oauth/refresh_token/?', 'https://open.tiktokapis.com/v2/oauth/token/?');
const V1_LOGIN = V2_LOGIN.replace('https://open.tiktokapis.com/v2/oauth/token/', 'https://open-api.tiktok.com/oauth/access_token/');
/** Calls exchangeCode from login.js and hands the refresh token to refreshTokens from refresh.js. */
const GLUE = `import { exchangeCode } from './login.js';
import { refreshTokens } from './refresh.js';
export async function connect(code) {
  const tokens = await exchangeCode(code);
  return refreshTokens(tokens.refreshToken);
}
`;

const summary = (found: ReturnType<typeof mixed>) => found.map((f) => `${f.file}:${f.line} ${f.fix}`).sort();

describe('mixed-token-use: not flagged', () => {
  it.each([
    ['a v1-only project', { 'a.js': V1_REFRESH, 'b.js': V1_AUTHORIZE }],
    ['a v2-only project', { 'a.js': V2_EXCHANGE, 'b.js': "export const u = 'https://www.tiktok.com/v2/auth/authorize/';\n" }],
    ['a v2-only flow across modules (exchange -> refresh)', { 'login.js': V2_LOGIN, 'refresh.js': V2_REFRESH_FN, 'glue.js': GLUE }],
    ['a v1-only flow across modules (exchange -> refresh)', { 'login.js': V1_LOGIN, 'refresh.js': V1_REFRESH_FN, 'glue.js': GLUE }],
    ['v1 and v2 in modules that do not import each other', { 'web/a.js': V2_EXCHANGE, 'legacy/b.js': V1_REFRESH }],
    ['separate packages that share nothing', {
      'packages/new/package.json': '{"name":"new"}', 'packages/new/src/login.js': V2_LOGIN,
      'packages/old/package.json': '{"name":"old"}', 'packages/old/src/refresh.js': V1_REFRESH_FN,
    }],
    ['v1 only in a comment next to v2', { 'a.js': `// was https://open-api.tiktok.com/oauth/refresh_token/\n${V2_EXCHANGE}` }],
    ['v1 only in a comment of a module the v2 tokens flow through', {
      'login.js': V2_LOGIN, 'glue.js': GLUE.replace("import { refreshTokens } from './refresh.js';\n", '').replace('return refreshTokens(', '// refreshTokens(t) used https://open-api.tiktok.com/oauth/refresh_token/\n  return (') }],
    ['mobile v1 next to web v2', { 'web/a.js': V2_EXCHANGE, 'app/package.json': '{"dependencies":{"react-native":"0.74"}}', 'app/b.js': V1_REFRESH }],
    ['a React Native package fed by the web v2 login it imports (mobile never counts)', {
      'web/login.js': V2_LOGIN,
      'app/package.json': '{"dependencies":{"react-native":"0.74"}}',
      'app/refresh.js': V1_REFRESH_FN,
      'app/glue.js': GLUE.replace("'./login.js'", "'../web/login.js'"),
    }],
  ])('valid: %s', (_name, files) => {
    expect(mixed(files)).toEqual([]);
  });
});

describe('mixed-token-use: flow-level', () => {
  it('invalid: the v2 exchange returned by an exported function, its refresh token passed to v1 refresh in another module', () => {
    const found = mixed({ 'login.js': V2_LOGIN, 'refresh.js': V1_REFRESH_FN, 'glue.js': GLUE });
    expect(summary(found)).toEqual(['refresh.js:2 auto']);
    expect(found[0].message).toBe(
      'Mixed v1/v2 flow (flow-level): tokens from the v2 token endpoint (code -> token) at login.js:2 go to the v1 refresh ' +
        'endpoint at refresh.js:2 (returned by exchangeCode(), passed to refreshTokens()), and tokens of the two APIs never ' +
        'mix. Move the v1 side (refresh.js:2) to v2; this migration does it, which resolves the mix.',
    );
  });

  it('invalid: the reverse direction, a v1 exchange whose tokens reach v2 refresh: the v1 exchange is the side to move', () => {
    const found = mixed({ 'login.js': V1_LOGIN, 'refresh.js': V2_REFRESH_FN, 'glue.js': GLUE });
    expect(summary(found)).toEqual(['login.js:2 auto']);
    expect(found[0].message).toContain('tokens from the v1 token endpoint (code -> token) at login.js:2 go to the v2 refresh endpoint at refresh.js:2');
    expect(found[0].message).toContain('Move the v1 side (login.js:2) to v2');
  });

  it.each([
    ['a module-level object', {
      'store.js': 'export const store = { tokens: null };\n',
      'login.js': `import { store } from './store.js';\nexport async function cb(code) {\n  const r = await fetch('https://open.tiktokapis.com/v2/oauth/token/', { method: 'POST' });\n  store.tokens = await r.json();\n}\n`,
      'me.js': `import { store } from './store.js';\nexport const me = () => fetch('https://open-api.tiktok.com/user/info/', { method: 'POST', body: JSON.stringify({ access_token: store.tokens.access_token }) });\n`,
    }, 'me.js:2', 'login.js:3', 'stored in store.tokens'],
    ['a Map', {
      'login.js': `export const byUser = new Map();\nexport async function cb(id, code) {\n  const r = await fetch('https://open.tiktokapis.com/v2/oauth/token/', { method: 'POST' });\n  byUser.set(id, await r.json());\n}\n`,
      'job.js': `import { byUser } from './login.js';\nexport async function job(id) {\n  const { refresh_token } = byUser.get(id);\n  return fetch(\`https://open-api.tiktok.com/oauth/refresh_token/?refresh_token=\${refresh_token}\`, { method: 'POST' });\n}\n`,
    }, 'job.js:4', 'login.js:3', 'stored in byUser'],
    ['this.tokens in a class', {
      'client.ts': `export class TikTok {\n  private tokens: any;\n  async login(code: string) {\n    const r = await fetch('https://open.tiktokapis.com/v2/oauth/token/', { method: 'POST' });\n    this.tokens = await r.json();\n  }\n  videos() {\n    return fetch('https://open-api.tiktok.com/video/list/', { method: 'POST', body: JSON.stringify({ access_token: this.tokens.access_token }) });\n  }\n}\n`,
    }, 'client.ts:8', 'client.ts:4', 'stored in this.tokens'],
    ['req.session across route modules', {
      'callback.js': `const axios = require('axios');\nexports.callback = async (req, res) => {\n  const { data } = await axios.post('https://open.tiktokapis.com/v2/oauth/token/', new URLSearchParams({ code: req.query.code }));\n  req.session.tiktok = data;\n};\n`,
      'refresh.js': `const axios = require('axios');\nconst { callback } = require('./callback');\nexports.refresh = (req) => axios.post('https://open-api.tiktok.com/oauth/refresh_token/', null, { params: { refresh_token: req.session.tiktok.refresh_token } });\n`,
    }, 'refresh.js:3', 'callback.js:3', 'stored in req.session.tiktok'],
    ['a .then chain and a Bearer header', {
      'a.js': `export function me(code) {\n  return fetch('https://open.tiktokapis.com/v2/oauth/token/', { method: 'POST' })\n    .then((r) => r.json())\n    .then((json) => fetch('https://open-api.tiktok.com/user/info/', { headers: { Authorization: 'Bearer ' + json.access_token } }));\n}\n`,
    }, 'a.js:4', 'a.js:2', ''],
    ['CommonJS module.exports = function, required under another name', {
      'exchange.js': `module.exports = async function exchange(code) {\n  const res = await fetch('https://open.tiktokapis.com/v2/oauth/token/', { method: 'POST' });\n  return res.json();\n};\n`,
      'job.js': `const getTokens = require('./exchange');\nasync function run(code) {\n  const t = await getTokens(code);\n  await fetch('https://open-api.tiktok.com/oauth/revoke/?access_token=' + t.access_token, { method: 'POST' });\n}\nmodule.exports = { run };\n`,
    }, 'job.js:4', 'exchange.js:2', 'returned by exchange()'],
  ])('invalid: tokens kept in %s', (_name, files, v1End, v2End, via) => {
    const found = mixed(files);
    expect(found).toHaveLength(1);
    expect(`${found[0].file}:${found[0].line}`).toBe(v1End);
    expect(found[0].message).toContain('(flow-level)');
    expect(found[0].message).toContain(`at ${v2End} go to the v1 `);
    expect(found[0].message).toContain(via);
    expect(found[0].message).not.toContain('module-level');
  });

  it('invalid: an open-api.tiktok.com data call outside the map that a v2 token reaches', () => {
    const found = mixed({ 'a.js': `${V2_LOGIN}export async function comments(code) {\n  const t = await exchangeCode(code);\n  return fetch('https://open-api.tiktok.com/comment/list/?access_token=' + t.accessToken);\n}\n` });
    expect(summary(found)).toEqual(['a.js:8 manual']);
    expect(found[0].message).toContain('go to the v1 open-api.tiktok.com data call (https://open-api.tiktok.com/comment/list/) at a.js:8');
  });

  it('invalid: the v1 share video upload fed a v2 token (flow-level); not reported when no flow reaches it', () => {
    const share = "export const share = (t, video) => fetch('https://open-api.tiktok.com/share/video/upload/?access_token=' + t, { method: 'POST', body: video });\n";
    const found = mixed({ 'a.js': `${V2_LOGIN}${share}export async function post(code, video) {\n  const t = await exchangeCode(code);\n  return share(t.accessToken, video);\n}\n` });
    expect(summary(found)).toEqual(['a.js:6 manual']);
    expect(found[0].message).toContain('go to the v1 share video (ended 2023-09-10) endpoint at a.js:6');
    expect(mixed({ 'a.js': `${V2_LOGIN}${share}` })).toEqual([]);
  });

  it('invalid: a v1 authorize and the v2 exchange that redeems its code, linked by their shared redirect_uri constant', () => {
    const found = mixed({
      'config.js': "export const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI; // TikTok callback\n",
      'login.js': `import { REDIRECT_URI } from './config.js';\nexport const url = (s) => 'https://www.tiktok.com/auth/authorize/?client_key=k&response_type=code&redirect_uri=' + encodeURIComponent(REDIRECT_URI) + '&state=' + s;\n`,
      'callback.js': `import { REDIRECT_URI } from './config.js';\nexport const redeem = (code) => fetch('https://open.tiktokapis.com/v2/oauth/token/', { method: 'POST', body: new URLSearchParams({ code, redirect_uri: REDIRECT_URI }) });\n`,
    });
    expect(summary(found)).toEqual(['login.js:2 auto']);
    expect(found[0].message).toContain('the code from the v1 authorize (browser redirect) endpoint at login.js:2 is redeemed by the v2 token endpoint (code -> token) at callback.js:2');
    expect(found[0].message).toContain('linked by the same redirect_uri value, REDIRECT_URI');
    expect(found[0].message).toContain('the v2 token endpoint refuses a v1 code');
  });

  it('invalid: a v2 authorize whose redirect_uri (from .env) names the route that runs the v1 exchange', () => {
    const found = mixed({
      '.env': 'TIKTOK_REDIRECT_URI=https://example.com/auth/tiktok/callback\n',
      'server.js': `const { exchange } = require('./tiktok');\napp.get('/login', (req, res) => {\n  const u = new URL('https://www.tiktok.com/v2/auth/authorize/');\n  u.searchParams.set('redirect_uri', process.env.TIKTOK_REDIRECT_URI);\n  res.redirect(u.toString());\n});\napp.get('/auth/tiktok/callback', async (req, res) => res.json(await exchange(req.query.code)));\n`,
      'tiktok.js': `exports.exchange = (code) => fetch('https://open-api.tiktok.com/oauth/access_token/?code=' + code, { method: 'POST' });\n`,
    });
    expect(summary(found)).toEqual(['tiktok.js:1 auto']);
    expect(found[0].message).toContain('the code from the v2 authorize (browser redirect) endpoint at server.js:3 is redeemed by the v1 token endpoint (code -> token) at tiktok.js:1');
    expect(found[0].message).toContain("its redirect_uri path /auth/tiktok/callback is the route '/auth/tiktok/callback' at server.js:7");
    expect(found[0].message).toContain('the v1 token endpoint refuses a v2 code');
  });

  it('invalid: a v1 end met by two v2 ends is one finding (flow-level only, never also module-level)', () => {
    const found = mixed({
      'login.js': V2_LOGIN,
      'v2refresh.js': V2_REFRESH_FN.replace('refreshTokens', 'renew'),
      'me.js': `import { exchangeCode } from './login.js';\nimport { renew } from './v2refresh.js';\nexport async function me(code, old) {\n  const t = old ? await renew(old) : await exchangeCode(code);\n  return fetch('https://open-api.tiktok.com/user/info/', { method: 'POST', body: JSON.stringify({ access_token: t.access_token ?? t.accessToken }) });\n}\n`,
    });
    expect(summary(found)).toEqual(['me.js:5 auto']);
    expect(found[0].message).toContain('(flow-level)');
    expect(found[0].message).toContain('The same v1 end also meets the v2 flow at');
    expect(found[0].message).not.toContain('module-level');
  });
});

describe('mixed-token-use: through a store module the scan left out', () => {
  // tokens.js names no TikTok URL, so discovery does not keep it; the login and the refresh job both import it.
  const STORE = "const tokens = new Map();\nexports.save = (id, t) => tokens.set(id, t);\nexports.load = (id) => tokens.get(id);\n";
  const LOGIN = "const { save } = require('./tokens');\nexports.login = async (code) => {\n  const json = await (await fetch('https://open-api.tiktok.com/oauth/access_token/?code=' + code, { method: 'POST' })).json();\n  save(json.data.open_id, json.data.refresh_token);\n};\n";
  const JOB = "const { load } = require('./tokens');\nexports.refresh = (id) => fetch('https://open.tiktokapis.com/v2/oauth/token/', { method: 'POST', body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: load(id) }) });\n";

  it('invalid: a v1 exchange stores the refresh token, the v2 refresh job loads it (flow-level, through the store)', () => {
    const found = mixed({ 'login.js': LOGIN, 'job.js': JOB }, { 'tokens.js': STORE });
    expect(summary(found)).toEqual(['login.js:3 auto']);
    expect(found[0].message).toMatch(/^Mixed v1\/v2 flow \(flow-level\): tokens from the v1 token endpoint .* at login\.js:3 go to the v2 refresh endpoint at job\.js:2 \(.*stored in tokens/);
  });

  it('valid: without the shared store the two modules are not connected at all', () => {
    expect(mixed({ 'login.js': LOGIN.replace("require('./tokens')", "require('./other')"), 'job.js': JOB }, { 'tokens.js': STORE, 'other.js': 'exports.save = () => {};\n' })).toEqual([]);
  });
});

describe('mixed-token-use: module-level when no flow can be followed', () => {
  it('invalid: v2 exchange and v1 refresh in another module that shares the client module (both ends named)', () => {
    const found = mixed({
      'src/client.js': "export const KEY = process.env.TIKTOK_CLIENT_KEY; // TikTok client\n",
      'src/login.js': `import { KEY } from './client.js';\n${V2_EXCHANGE}`,
      'src/jobs/refresh.js': `import { KEY } from '../client.js';\n${V1_REFRESH}`,
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'src/jobs/refresh.js', line: 2, severity: 'error', fix: 'auto', endpoint: 'refresh' });
    expect(found[0].message).toContain('src/login.js:2');
    expect(found[0].message).toContain('(module-level)');
    expect(found[0].message).toContain('no token flow between them could be followed');
    expect(found[0].message).not.toContain('flow-level');
  });

  it('invalid: a v2 token used with v1 user info in the same module; manual when user info cannot be rewritten', () => {
    const found = mixed({ 'a.js': `${V2_EXCHANGE}export const me = (t) => legacyPost('https://open-api.tiktok.com/user/info/', t);\n` });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 2, fix: 'manual', endpoint: 'user-info' });
    expect(found[0].message).toContain('in the same module');
    expect(found[0].message).toContain('module-level');
    expect(found[0].message).toContain('remains after the migration');
  });

  it('invalid: v1 authorize with a v2 token call and no redirect_uri to tie them, resolved by the migration', () => {
    const found = mixed({ 'a.js': `${V1_AUTHORIZE}${V2_EXCHANGE}` });
    expect(found.map((f) => [f.line, f.endpoint, f.fix])).toEqual([[1, 'authorize', 'auto']]);
    expect(found[0].message).toContain('module-level');
    expect(found[0].message).toContain('resolves the mix');
  });

  it('invalid: every v1 end is reported, each naming a v2 end', () => {
    const found = mixed({ 'a.js': `${V2_EXCHANGE}${V1_REFRESH}${V1_USERINFO}` });
    expect(found.map((f) => f.line).sort()).toEqual([2, 3]);
    for (const f of found) expect(f.message).toContain('a.js:1');
  });

  it('a helper shared by a v1 and a v2 flow does not join them (the return goes back to its own caller)', () => {
    const found = mixed({
      'norm.js': 'export const normalize = (json) => ({ access: json.access_token }); // TikTok tokens\n',
      'v2.js': `import { normalize } from './norm.js';\nexport async function a(code) {\n  const t = normalize(await (await fetch('https://open.tiktokapis.com/v2/oauth/token/', { method: 'POST' })).json());\n  return fetch('https://open.tiktokapis.com/v2/user/info/?fields=open_id', { headers: { Authorization: 'Bearer ' + t.access } });\n}\n`,
      'v1.js': `import { normalize } from './norm.js';\nexport async function b(rt) {\n  const t = normalize(await (await fetch('https://open-api.tiktok.com/oauth/refresh_token/?refresh_token=' + rt, { method: 'POST' })).json());\n  return fetch('https://open-api.tiktok.com/video/list/', { method: 'POST', body: JSON.stringify({ access_token: t.access }) });\n}\n`,
    });
    expect(summary(found)).toEqual(['v1.js:3 auto', 'v1.js:4 manual']);
    for (const f of found) expect(f.message).toContain('(module-level)');
  });

  it('a Map keeps its keys apart: only the read of the key the v2 tokens were stored under is flow-level', () => {
    const found = mixed({
      'store.js': 'export const cache = new Map(); // TikTok and legacy tokens\n',
      'login.js': `import { cache } from './store.js';\nexport async function cb(code) {\n  const r = await fetch('https://open.tiktokapis.com/v2/oauth/token/', { method: 'POST' });\n  cache.set('tiktok', await r.json());\n}\n`,
      'legacy.js': `import { cache } from './store.js';\nexport const old = () => fetch('https://open-api.tiktok.com/oauth/refresh_token/?refresh_token=' + cache.get('legacy').refresh_token, { method: 'POST' });\nexport const me = () => fetch('https://open-api.tiktok.com/user/info/?access_token=' + cache.get('tiktok').access_token);\n`,
    });
    expect(found.map((f) => `${f.file}:${f.line} ${f.message.includes('(flow-level)') ? 'flow' : f.message.includes('(module-level)') ? 'module' : '?'}`).sort())
      .toEqual(['legacy.js:2 module', 'legacy.js:3 flow']);
  });

  it('a config object holding a v2 and a v1 URL: only the call that really sends the v2 token is flow-level', () => {
    const found = mixed({
      'config.js': "export const TIKTOK = { tokenUrl: 'https://open.tiktokapis.com/v2/oauth/token/', userInfoUrl: 'https://open-api.tiktok.com/user/info/' };\n",
      'a.js': `import { TIKTOK } from './config.js';\nexport async function a(code) {\n  const j = await (await fetch(TIKTOK.tokenUrl, { method: 'POST' })).json();\n  return fetch(TIKTOK.userInfoUrl, { method: 'POST', body: JSON.stringify({ access_token: j.access_token }) });\n}\n`,
    });
    expect(summary(found)).toEqual(['config.js:1 manual']);
    expect(found[0].message).toContain('tokens from the v2 token endpoint (code -> token) at a.js:3 with its URL at config.js:1 go to the v1 user info endpoint at a.js:4 with its URL at config.js:1');
  });
});
