// library-config, typescript-eslint style: next-auth, passport, grant and arctic configurations, cases that must and
// must not be flagged; then the built CLI on temp copies of fixtures/libraries/* (findings, and the URLs migrated).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { fileKind } from '../src/discover.js';
import type { Finding } from '../src/report/model.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin', 'tiktok-migrate.js');
const made: string[] = [];
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiktok-libcfg-'));
  made.push(dir);
  return dir;
}

/** The library-config findings of a project made of `files` (package.json is written, never scanned). */
function lint(files: Record<string, string>): Finding[] {
  const dir = tempDir();
  const discovered = Object.entries(files).flatMap(([rel, text]) => {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    const kind = fileKind(file);
    return kind && path.basename(rel) !== 'package.json' ? [{ path: file, kind, text }] : [];
  });
  return analyze(discovered, dir).findings.filter((f) => f.ruleId === 'library-config');
}

/** [file, line, severity, fix, text the message or manual step contains] of each finding, sorted. */
function brief(found: Finding[]): [string, number, string, string][] {
  return found.map((f) => [f.file, f.line, f.severity, f.fix] as [string, number, string, string])
    .sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1] || `${a[2]}${a[3]}`.localeCompare(`${b[2]}${b[3]}`));
}

const pkg = (deps: Record<string, string>) => JSON.stringify({ name: 'app', dependencies: deps });
const NA4 = pkg({ 'next-auth': '^4.24.7' });
const NA5 = pkg({ 'next-auth': '5.0.0-beta.25' });

const providerV2 = (token: string, extra = '') => `import type { OAuthConfig } from "next-auth/providers/oauth";
export const TikTok = (o: any): OAuthConfig<any> => ({
  id: "tiktok",
  type: "oauth",
  authorization: { url: "https://www.tiktok.com/v2/auth/authorize/", params: { client_key: o.clientId, scope: "user.info.basic" } },
  token: ${token},
  userinfo: "https://open.tiktokapis.com/v2/user/info/?fields=open_id,avatar_url,display_name",
  profile(profile) {
    return { id: profile.data.user.open_id, name: profile.data.user.display_name, image: profile.data.user.avatar_url };
  },${extra}
  options: o,
});
`;
const TOKEN_REQUEST = `{
    url: "https://open.tiktokapis.com/v2/oauth/token/",
    async request({ params, provider }) {
      const res = await fetch("https://open.tiktokapis.com/v2/oauth/token/", { method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ client_key: provider.clientId, client_secret: provider.clientSecret, code: params.code,
          grant_type: "authorization_code", redirect_uri: provider.callbackUrl }) });
      return { tokens: await res.json() };
    },
  }`;

describe('library-config: next-auth', () => {
  it.each([
    ['the built-in provider of next-auth v5', { 'package.json': NA5, 'auth.ts':
      'import NextAuth from "next-auth";\nimport TikTok from "next-auth/providers/tiktok";\n' +
      'export const { handlers, auth } = NextAuth({ providers: [TikTok({ clientId: process.env.AUTH_TIKTOK_ID, clientSecret: process.env.AUTH_TIKTOK_SECRET })] });\n' }],
    ['a v4 custom provider already v2 (token.request sends client_key, profile.data.user)', { 'package.json': NA4, 'tiktok.ts': providerV2(TOKEN_REQUEST) }],
    ['a custom provider for another service', { 'package.json': NA4, 'github.ts':
      'export const GitHub = { id: "github", type: "oauth", authorization: "https://github.com/login/oauth/authorize", token: "https://github.com/login/oauth/access_token" }; // not tiktok\n' }],
    ['an object with id tiktok that is no provider', { 'package.json': NA4, 'share.ts': 'export const targets = [{ id: "tiktok", label: "TikTok", url: "https://www.tiktok.com/upload" }];\n' }],
  ])('valid: %s', (_name, files) => {
    expect(lint(files)).toEqual([]);
  });

  it('invalid: v4 provider with v2 URLs and a token URL only: the token request, with the v4 way (token.request)', () => {
    const found = lint({ 'package.json': NA4, 'tiktok.ts': providerV2('"https://open.tiktokapis.com/v2/oauth/token/"') });
    expect(brief(found)).toEqual([['tiktok.ts', 6, 'error', 'manual']]);
    expect(found[0].message).toContain('never sends client_key');
    expect(found[0].manualStep).toContain('async request({ params, provider })');
    expect(found[0].manualStep).toContain('next-auth v4 has no built-in TikTok provider');
  });

  it('invalid: next-auth v5: the fix is the built-in provider; v4 token.params are called out on v4 only', () => {
    const five = lint({ 'package.json': NA5, 'tiktok.ts': providerV2('{ url: "https://open.tiktokapis.com/v2/oauth/token/", params: { client_key: "k" } }') });
    expect(five).toHaveLength(1);
    expect(five[0].manualStep).toContain("import TikTok from 'next-auth/providers/tiktok'");
    expect(five[0].message).not.toContain('token.params');
    const four = lint({ 'package.json': NA4, 'tiktok.ts': providerV2('{ url: "https://open.tiktokapis.com/v2/oauth/token/", params: { client_key: "k" } }') });
    expect(four[0].message).toContain('next-auth v4 does not send token.params');
  });

  it('invalid: authorize without client_key, v2 userinfo without fields, profile read outside data.user', () => {
    const found = lint({ 'package.json': NA4, 'tiktok.ts': `import NextAuth from "next-auth";
export default NextAuth({ providers: [{
  id: "tiktok", type: "oauth",
  authorization: { url: "https://www.tiktok.com/v2/auth/authorize/", params: { scope: "user.info.basic" } },
  token: ${TOKEN_REQUEST},
  userinfo: "https://open.tiktokapis.com/v2/user/info/",
  profile(p) { return { id: p.data.open_id, name: p.data.user.display_name }; },
}] });
` });
    expect(brief(found)).toEqual([['tiktok.ts', 4, 'error', 'manual'], ['tiktok.ts', 15, 'warning', 'manual'], ['tiktok.ts', 16, 'error', 'manual']]);
    expect(found.find((f) => f.line === 4)!.manualStep).toContain('client_key');
    expect(found.find((f) => f.line === 15)!.message).toContain('fields');
    expect(found.find((f) => f.line === 16)!.message).toContain('p.data.open_id');
  });

  it('invalid: a v1 userinfo URL left to next-auth: only the URL must change (its own GET with a Bearer header)', () => {
    const found = lint({ 'package.json': NA4, 'tiktok.ts': providerV2(TOKEN_REQUEST).replace('https://open.tiktokapis.com/v2/user/info/?fields=open_id,avatar_url,display_name', 'https://open-api.tiktok.com/user/info/') });
    expect(brief(found)).toEqual([['tiktok.ts', 16, 'error', 'manual']]);
    expect(found[0].manualStep).toContain('https://open.tiktokapis.com/v2/user/info/?fields=');
  });
});

const PASSPORT = pkg({ passport: '^0.7.0', 'passport-oauth2': '^1.8.0', 'passport-tiktok-auth': '^1.0.12' });
const V2_OPTIONS = `authorizationURL: 'https://www.tiktok.com/v2/auth/authorize/',
  tokenURL: 'https://open.tiktokapis.com/v2/oauth/token/',
  clientID: process.env.TIKTOK_CLIENT_KEY, clientSecret: process.env.TIKTOK_CLIENT_SECRET,
  callbackURL: 'https://example.com/cb',`;

describe('library-config: passport', () => {
  it.each([
    ['passport-oauth2 for GitHub', { 'package.json': PASSPORT, 'gh.js':
      "const OAuth2Strategy = require('passport-oauth2');\nmodule.exports = new OAuth2Strategy({ authorizationURL: 'https://github.com/login/oauth/authorize', " +
      "tokenURL: 'https://github.com/login/oauth/access_token', scope: ['a', 'b'] }, (a, r, params, profile, done) => done(null, params.data.access_token));\n// tiktok next\n" }],
    ['a v2-ready passport-oauth2 TikTok strategy (client_key hooks, comma scopes, Bearer user info, flat params)', { 'package.json': PASSPORT, 'tiktok.ts': `import OAuth2Strategy from 'passport-oauth2';
export class TikTokStrategy extends OAuth2Strategy {
  constructor(verify: any) {
    super({ ${V2_OPTIONS} scope: ['user.info.basic', 'video.list'], scopeSeparator: ',' }, verify);
    this._oauth2.useAuthorizationHeaderforGET(true);
  }
  authorizationParams() { return { client_key: process.env.TIKTOK_CLIENT_KEY }; }
  tokenParams() { return { client_key: process.env.TIKTOK_CLIENT_KEY }; }
  userProfile(token: string, done: any) {
    this._oauth2.get('https://open.tiktokapis.com/v2/user/info/?fields=open_id', token, (e: any, body: string) => done(e, JSON.parse(body).data.user));
  }
}
export const strategy = new TikTokStrategy((a: string, r: string, params: any, profile: any, done: any) => done(null, { openId: params.open_id }));
` }],
    ['passport-tiktok-auth with its default version', { 'package.json': PASSPORT, 'a.js':
      "const { Strategy } = require('passport-tiktok-auth');\nmodule.exports = new Strategy({ clientID: 'k', clientSecret: 's', callbackURL: 'https://e.com/cb' }, (a, r, p, done) => done(null, p));\n" }],
    ["passport-tiktok-auth with version 'v2'", { 'package.json': PASSPORT, 'a.js':
      "const TiktokStrategy = require('passport-tiktok-auth').Strategy;\nmodule.exports = new TiktokStrategy({ version: 'v2', clientID: 'k' }, (a, r, p, done) => done(null, p));\n" }],
  ])('valid: %s', (_name, files) => {
    expect(lint(files)).toEqual([]);
  });

  it('invalid: passport-oauth2 on TikTok without the client_key hooks; a tokenParams() alone leaves the authorize redirect', () => {
    const none = lint({ 'package.json': PASSPORT, 's.js': `const OAuth2Strategy = require('passport-oauth2');\nmodule.exports = new OAuth2Strategy({ ${V2_OPTIONS} }, () => {});\n` });
    expect(brief(none)).toEqual([['s.js', 2, 'error', 'manual']]);
    expect(none[0].message).toContain('the authorize redirect and the code exchange fail');
    expect(none[0].manualStep).toContain('tokenParams() { return { client_key');
    const half = lint({ 'package.json': PASSPORT, 's.js':
      `const { Strategy } = require('passport-oauth2');\nconst s = new Strategy({ ${V2_OPTIONS} }, () => {});\ns.tokenParams = () => ({ client_key: process.env.TIKTOK_CLIENT_KEY });\n` });
    expect(half).toHaveLength(1);
    expect(half[0].message).toContain('so the authorize redirect fails');
  });

  it('invalid: a NestJS PassportStrategy(Strategy) whose options come from a config module', () => {
    const found = lint({
      'package.json': PASSPORT,
      'config.ts': "export const TIKTOK = { auth: 'https://www.tiktok.com/v2/auth/authorize/', token: 'https://open.tiktokapis.com/v2/oauth/token/' };\n",
      'tiktok.strategy.ts': `import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-oauth2';
import { TIKTOK } from './config';
const options = { authorizationURL: TIKTOK.auth, tokenURL: TIKTOK.token, clientID: 'k', clientSecret: 's', scope: 'user.info.basic video.list' };
export class TiktokStrategy extends PassportStrategy(Strategy, 'tiktok') {
  constructor() {
    super(options);
  }
}
`,
    });
    expect(brief(found)).toEqual([['tiktok.strategy.ts', 4, 'warning', 'manual'], ['tiktok.strategy.ts', 7, 'error', 'manual']]);
    expect(found.find((f) => f.severity === 'warning')!.manualStep).toContain("scopeSeparator: ','");
  });

  it('invalid: v1 reads of the token answer (verify params, a hand-parsed body) and a v1 user info request', () => {
    const found = lint({ 'package.json': PASSPORT, 's.js': `const OAuth2Strategy = require('passport-oauth2');
const s = new OAuth2Strategy({ ${V2_OPTIONS} }, (req, accessToken, refreshToken, params, profile, done) => {
  done(null, { id: params.data.open_id });
});
s.authorizationParams = () => ({ client_key: 'k' });
s.tokenParams = () => ({ client_key: 'k' });
s.userProfile = function (token, done) {
  this._oauth2._request('POST', 'https://open.tiktokapis.com/v2/user/info/', {}, JSON.stringify({ fields: ['open_id'] }), token, done);
};
s._oauth2.getOAuthAccessToken = function (code, params, cb) {
  const { access_token, refresh_token } = JSON.parse(this.body).data;
  cb(null, access_token, refresh_token, params);
};
` });
    expect(brief(found)).toEqual([['s.js', 6, 'error', 'manual'], ['s.js', 10, 'error', 'manual'], ['s.js', 14, 'error', 'manual']]);
    expect(found.find((f) => f.line === 6)!.message).toContain('params.data.open_id');
    expect(found.find((f) => f.line === 10)!.message).toContain("_request('POST'");
    expect(found.find((f) => f.line === 14)!.message).toContain('v1 shape');
  });

  it("invalid: passport-tiktok-auth with version 'v1', and pinned below 1.0.8; another TikTok strategy's version 'v1'", () => {
    const v1 = lint({ 'package.json': PASSPORT, 'a.js':
      "const { Strategy } = require('passport-tiktok-auth');\nmodule.exports = new Strategy({\n  version: 'v1',\n  clientID: 'k',\n}, (a, r, p, done) => done(null, p));\n" });
    expect(brief(v1)).toEqual([['a.js', 3, 'error', 'manual']]);
    expect(v1[0].manualStep).toContain("defaults to 'v2' since 1.0.8");
    const pinned = lint({ 'package.json': pkg({ 'passport-tiktok-auth': '1.0.5' }), 'a.js':
      "const { Strategy } = require('passport-tiktok-auth');\nmodule.exports = new Strategy({ clientID: 'k' }, (a, r, p, done) => done(null, p));\n" });
    expect(brief(pinned)).toEqual([['a.js', 2, 'error', 'manual']]);
    expect(pinned[0].message).toContain('1.0.5 speaks only v1');
    const other = lint({ 'package.json': pkg({ 'passport-tiktok-oauth2': '^1.0.0' }), 'a.ts':
      "import TikTokStrategy from 'passport-tiktok-oauth2';\nexport default new TikTokStrategy({ version: 'v1', clientKey: 'k' }, () => {});\n" });
    expect(brief(other)).toEqual([['a.ts', 2, 'error', 'manual']]);
    expect(other[0].manualStep).toContain('check its README');
  });
});

const GRANT = pkg({ grant: '^5.4.22', express: '^4.19.2' });
const json = (o: unknown) => `${JSON.stringify(o, null, 2)}\n`;

describe('library-config: grant', () => {
  it.each([
    ['a tiktok entry with the v2 URLs and no profile', { 'package.json': GRANT, 'config/oauth.json': json({ defaults: { origin: 'https://e.com' },
      tiktok: { key: 'k', secret: 's', authorize_url: 'https://www.tiktok.com/v2/auth/authorize/', access_url: 'https://open.tiktokapis.com/v2/oauth/token/', response: ['tokens', 'raw'] } }) }],
    ['a tiktok key in a project without grant', { 'package.json': pkg({ express: '^4' }), 'config/oauth.json': json({ tiktok: { key: 'k', secret: 's' } }) }],
    ['a tiktok object that is no grant entry', { 'package.json': GRANT, 'content.json': json({ platforms: { tiktok: { caption: 'hi', hashtags: ['#a'] } } }) }],
    ['a JS grant config with the v2 URLs', { 'package.json': GRANT, 'app.js':
      "const grant = require('grant').express();\nmodule.exports = grant({ tiktok: { key: 'k', authorize_url: 'https://www.tiktok.com/v2/auth/authorize/', access_url: 'https://open.tiktokapis.com/v2/oauth/token/' } });\n" }],
  ])('valid: %s', (_name, files) => {
    expect(lint(files)).toEqual([]);
  });

  it('invalid: the built-in (v1) tiktok provider, its profile fetch, custom_params (secret, token-only, the old client_key workaround)', () => {
    const found = lint({ 'package.json': GRANT, 'config/oauth.json': json({ defaults: { origin: 'https://e.com' },
      tiktok: { key: 'k', secret: 's', response: ['tokens', 'profile'], custom_params: { client_key: 'k', client_secret: 's', grant_type: 'authorization_code' } } }) });
    expect(brief(found)).toEqual([
      ['config/oauth.json', 5, 'error', 'manual'],
      ['config/oauth.json', 8, 'error', 'manual'],
      ['config/oauth.json', 12, 'error', 'manual'], ['config/oauth.json', 12, 'info', 'none'], ['config/oauth.json', 12, 'warning', 'manual'],
    ]);
    const [urls, profile] = [found.find((f) => f.line === 5)!, found.find((f) => f.line === 8)!];
    expect(urls.message).toContain('does not override authorize_url or access_url');
    expect(urls.manualStep).toContain('"access_url": "https://open.tiktokapis.com/v2/oauth/token/"');
    expect(profile.message).toContain('POST with the JSON body');
  });

  it('invalid: only the missing URL is asked for; nested per-environment configs; a pinned grant before 5.4.21', () => {
    const found = lint({ 'package.json': pkg({ grant: '5.4.20' }), 'config.json': json({ development: { defaults: {},
      tiktok: { key: 'k', access_url: 'https://open.tiktokapis.com/v2/oauth/token/' } } }) });
    expect(brief(found)).toEqual([['config.json', 4, 'error', 'manual'], ['config.json', 4, 'error', 'manual']]);
    expect(found.map((f) => f.message).join('\n')).toContain('grant 5.4.20 has no tiktok provider');
    const urls = found.find((f) => f.message.includes('override'))!;
    expect(urls.manualStep).toContain('"authorize_url"');
    expect(urls.manualStep).not.toContain('"access_url"');
  });

  it('invalid: a JS config (in a module importing grant, or beside defaults in a grant project); a TikTok entry under another name', () => {
    const found = lint({
      'package.json': GRANT,
      'server.js': "const grant = require('grant');\napp.use(grant.express({\n  tiktok: { key: process.env.K, response: ['tokens', 'profile'] },\n}));\n",
      'grant.config.js': "module.exports = {\n  defaults: { origin: 'https://e.com' },\n  tiktok: { key: 'k', secret: 's' },\n};\n",
      'other.json': json({ defaults: {}, tiktok_v2: { key: 'k', authorize_url: 'https://www.tiktok.com/v2/auth/authorize/', access_url: 'https://open.tiktokapis.com/v2/oauth/token/' } }),
    });
    expect(brief(found)).toEqual([
      ['grant.config.js', 3, 'error', 'manual'], ['other.json', 3, 'error', 'manual'], ['server.js', 3, 'error', 'manual'], ['server.js', 3, 'error', 'manual'],
    ]);
    expect(found.find((f) => f.file === 'other.json')!.message).toContain('named tiktok_v2');
  });
});

const ARCTIC = pkg({ arctic: '^3.7.0' });
const CLIENT = 'import { TikTok } from "arctic";\nexport const tiktok = new TikTok("k", "s", "https://e.com/cb");\n';

describe('library-config: arctic', () => {
  it.each([
    ['arctic alone', { 'package.json': ARCTIC, 'auth.ts': CLIENT }],
    ['arctic with a v2 user info call', { 'package.json': ARCTIC, 'auth.ts': `${CLIENT}export const me = (t: string) => fetch("https://open.tiktokapis.com/v2/user/info/?fields=open_id", { headers: { Authorization: \`Bearer \${t}\` } });\n` }],
    ['arctic and a v1 call in modules not joined by imports', { 'package.json': ARCTIC, 'auth.ts': CLIENT, 'legacy/user.ts':
      'export const me = (t: string) => fetch("https://open-api.tiktok.com/user/info/", { method: "POST", body: JSON.stringify({ access_token: t }) });\n' }],
    ['a TikTok class that is not arctic', { 'package.json': ARCTIC, 'mine.ts': 'export class TikTok { constructor(a: string) {} }\n', 'auth.ts':
      'import { TikTok } from "./mine";\nconst t = new TikTok("k");\nexport const me = (x: string) => legacyPost("https://open-api.tiktok.com/user/info/", x);\n' }],
  ])('valid: %s', (_name, files) => {
    expect(lint(files)).toEqual([]);
  });

  it('invalid: a v1 call next to arctic: auto when this run migrates it, manual when it cannot', () => {
    const auto = lint({ 'package.json': ARCTIC, 'auth.ts': `${CLIENT}export async function me(t: string) {\n  const r = await fetch("https://open-api.tiktok.com/user/info/", { method: "POST", body: JSON.stringify({ access_token: t, fields: ["open_id"] }) });\n  return (await r.json()).data.user;\n}\n` });
    expect(brief(auto)).toEqual([['auth.ts', 4, 'error', 'auto']]);
    expect(auto[0].message).toContain('resolves the mix');
    const manual = lint({ 'package.json': ARCTIC, 'auth.ts': `${CLIENT}export const me = (t: string) => legacyPost("https://open-api.tiktok.com/user/info/", t);\n` });
    expect(brief(manual)).toEqual([['auth.ts', 3, 'error', 'manual']]);
    expect(manual[0].message).toContain('This remains after the migration');
  });

  it('invalid: arctic and a v1 call in modules joined through a third one (both ends named; the URL alone is rewritten)', () => {
    const found = lint({
      'package.json': ARCTIC,
      'src/auth.ts': CLIENT,
      'src/user.ts': 'export const me = (t: string) => legacyPost("https://open-api.tiktok.com/oauth/refresh_token/", t);\n',
      'src/routes.ts': 'import { tiktok } from "./auth";\nimport { me } from "./user";\nexport const go = () => me(String(tiktok));\n',
    });
    expect(brief(found)).toEqual([['src/user.ts', 1, 'error', 'auto']]);
    expect(found[0].message).toContain('src/auth.ts:2');
  });
});

// ------------------------------------------------------------------------------------------ the built CLI, end to end

interface Report { findings: (Finding & { applied?: boolean })[]; changes: { file: string; diff: string }[] }

function runFixture(name: string, ...args: string[]): { dir: string; code: number | null; report: Report; stdout: string } {
  const dir = path.join(tempDir(), name);
  fs.cpSync(path.join(ROOT, 'fixtures', 'libraries', name), dir, { recursive: true });
  const r = spawnSync(process.execPath, [BIN, ...args, '--report', 'report.json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (!fs.existsSync(path.join(dir, 'report.json'))) throw new Error(`no report (exit ${r.status}): ${r.stderr}`);
  return { dir, code: r.status, report: JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')) as Report, stdout: r.stdout };
}

const libraryFindings = (report: Report) => brief(report.findings.filter((f) => f.ruleId === 'library-config'));

describe('library-config: the CLI on fixtures/libraries', () => {
  it('next-auth: the v4 custom provider reports client_key, the token request, userinfo and profile(); its URLs are migrated', () => {
    const { dir, code, report } = runFixture('next-auth');
    expect(code).toBe(1);
    expect(libraryFindings(report)).toEqual([
      ['lib/tiktok-provider.ts', 15, 'error', 'manual'], ['lib/tiktok-provider.ts', 19, 'error', 'manual'],
      ['lib/tiktok-provider.ts', 23, 'error', 'manual'], ['lib/tiktok-provider.ts', 26, 'error', 'manual'],
    ]);
    const provider = fs.readFileSync(path.join(dir, 'lib/tiktok-provider.ts'), 'utf8');
    expect(provider).toContain('url: "https://www.tiktok.com/v2/auth/authorize/"');
    expect(provider).toContain('url: "https://open.tiktokapis.com/v2/oauth/token/"');
    expect(provider).not.toContain('https://www.tiktok.com/auth/authorize/');
  });

  it('passport: the passport-oauth2 TikTok strategy and passport-tiktok-auth v1 are reported, GitHub is not; URLs migrated', () => {
    const { dir, report } = runFixture('passport');
    expect(libraryFindings(report)).toEqual([
      ['auth/tiktok-creator.js', 7, 'error', 'manual'],
      ['auth/tiktok.js', 5, 'error', 'manual'], ['auth/tiktok.js', 12, 'warning', 'manual'],
      ['auth/tiktok.js', 17, 'error', 'manual'], ['auth/tiktok.js', 22, 'error', 'manual'],
    ]);
    const strategy = fs.readFileSync(path.join(dir, 'auth/tiktok.js'), 'utf8');
    expect(strategy).toContain("authorizationURL: 'https://www.tiktok.com/v2/auth/authorize/'");
    expect(strategy).toContain("tokenURL: 'https://open.tiktokapis.com/v2/oauth/token/'");
    expect(fs.readFileSync(path.join(dir, 'auth/github.js'), 'utf8')).toBe(fs.readFileSync(path.join(ROOT, 'fixtures/libraries/passport/auth/github.js'), 'utf8'));
  });

  it('grant: the JSON config with no URL at all is reported (built-in v1 provider, v1 profile fetch); nothing is rewritten', () => {
    const { code, report, stdout } = runFixture('grant', '--dry-run');
    expect(code).toBe(1);
    expect(libraryFindings(report)).toEqual([
      ['config/oauth.json', 7, 'error', 'manual'], ['config/oauth.json', 11, 'info', 'none'], ['config/oauth.json', 12, 'error', 'manual'],
    ]);
    expect(report.changes).toEqual([]);
    expect(stdout).toBe('');
  });

  it('arctic: the v1 user info call joined to the arctic client is reported and migrated (dry run diff, then applied)', () => {
    const dry = runFixture('arctic', '--dry-run');
    expect(libraryFindings(dry.report)).toEqual([['src/tiktok-user.ts', 7, 'error', 'auto']]);
    expect(dry.stdout).toContain('+  const response = await fetch("https://open.tiktokapis.com/v2/user/info/?fields=open_id,avatar_url", {');
    const applied = runFixture('arctic');
    expect(applied.report.findings.find((f) => f.ruleId === 'library-config')).toMatchObject({ fix: 'auto', applied: true });
    expect(fs.readFileSync(path.join(applied.dir, 'src/tiktok-user.ts'), 'utf8')).not.toContain('open-api.tiktok.com');
  });
});
