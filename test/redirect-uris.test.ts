// The "Redirect URIs to register" list (collectRedirectUris, through analyze() and the run's reports), the promise
// that no secret value ever reaches a message or a report, and `explain <id>` for each rule of issue #4.
// The CLI tests run the built bin (npm test builds first; run `npm run build` before running this file alone).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { discover } from '../src/discover.js';
import { collectRedirectUris, displayUri, redirectUriProblems } from '../src/redirect-uris.js';
import { ruleById } from '../src/rules/index.js';
import { scan } from '../src/scan/scan.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin', 'tiktok-migrate.js');
const NEW_RULES = {
  'redirect-uri-query': 'error',
  'redirect-uri-invalid': 'error',
  'redirect-uri-count': 'warning',
  'state-missing': 'error',
  'state-weak': 'warning',
  'client-secret-exposed': 'error',
  'pkce-on-web': 'warning',
} as const;

const made: string[] = [];
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function project(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tm-redirect-uris-')));
  made.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

function cli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const V2_AUTH = 'https://www.tiktok.com/v2/auth/authorize/';
const CALLBACK = 'https://app.example.com/auth/tiktok/callback';
const SECRETS = ['sk_env_NEVER_SHOWN_91', 'pub_NEVER_SHOWN_52', 'hardcoded_NEVER_SHOWN_33', 'inline_NEVER_SHOWN_74'];

/** A small project: a .env and a second .env, code reading one, duplicates, a bad URI, a mobile package, secrets. */
const APP: Record<string, string> = {
  '.env': [
    'TIKTOK_CLIENT_KEY=abc',
    `TIKTOK_CLIENT_SECRET=${SECRETS[0]}`,
    `TIKTOK_REDIRECT_URI=${CALLBACK}`,
    'CALLBACK_URL=http://localhost:3000/cb',
    'APP_URL=https://app.example.com',
    'LOGIN_REDIRECT_PATH=/after-login',
    `NEXT_PUBLIC_TIKTOK_CLIENT_SECRET=${SECRETS[1]}`,
    '',
  ].join('\n'),
  '.env.production': `TIKTOK_REDIRECT_URI=${CALLBACK}\n`,
  'src/login.js': [
    "import crypto from 'node:crypto';",
    'export function login(req, res) {',
    "  const state = crypto.randomBytes(16).toString('hex');",
    `  res.redirect('${V2_AUTH}?client_key=abc&response_type=code&scope=user.info.basic&redirect_uri=' + encodeURIComponent(process.env.TIKTOK_REDIRECT_URI) + '&state=' + state);`,
    '}',
    '',
  ].join('\n'),
  'src/legacy.js': [
    "const BAD = 'https://app.example.com/cb?next=/x#top';",
    `export const a = (s) => '${V2_AUTH}?client_key=abc&redirect_uri=' + encodeURIComponent(BAD) + '&client_secret=${SECRETS[3]}&state=' + s;`,
    '',
  ].join('\n'),
  // Rewritten by the token-request transform: its diff is in the report, so it holds no secret (a diff shows code).
  'src/token.js': `export const t = (code) => fetch('https://open.tiktokapis.com/v2/oauth/token/?client_key=abc&redirect_uri=' + encodeURIComponent('${CALLBACK}') + '&code=' + code, { method: 'POST' });\n`,
  'src/components/TikTokButton.jsx': [
    "// TikTok login button",
    `const config = { client_key: 'abc', client_secret: '${SECRETS[2]}' };`,
    'export const TikTokButton = () => <a href="/login">TikTok</a>;',
    '',
  ].join('\n'),
  'src/old.js': "export const REVOKE = 'https://open-api.tiktok.com/oauth/revoke/';\n",
  'mobile/package.json': '{"name":"app","dependencies":{"react-native":"0.74.0"}}',
  'mobile/.env': 'TIKTOK_REDIRECT_URI=https://mobile.example.com/cb\n',
  'mobile/src/login.js': "export const AUTH = 'https://www.tiktok.com/auth/authorize/?client_key=abc&redirect_uri=https%3A%2F%2Fmobile.example.com%2Fcb';\n",
};

const EXPECTED_URIS = [
  { value: CALLBACK, file: '.env', line: 3, problems: [] },
  { value: 'http://localhost:3000/cb', file: '.env', line: 4, problems: ['not https (http:)', 'on localhost (localhost is for desktop apps, not web)'] },
  { value: 'https://app.example.com/cb?next=/x#top', file: 'src/legacy.js', line: 1, problems: ['has a query string (next): carry it in state', 'has a #fragment'] },
];

describe('redirect URIs to register', () => {
  it('analyze() lists every redirect URI once (first location), with its problems; mobile, non-URL and non-redirect keys left out', async () => {
    const dir = project(APP);
    const found = await discover({ paths: [dir], ignore: [] });
    const result = analyze(found.files, dir);
    expect(result.redirectUris).toEqual(EXPECTED_URIS);
  });

  it('collectRedirectUris reads the values the code takes from .env files, not only REDIRECT/CALLBACK keys', () => {
    const dir = project({});
    const files = {
      'a.js': `export const u = (s) => '${V2_AUTH}?client_key=k&redirect_uri=' + encodeURIComponent(process.env.TIKTOK_RETURN_URL) + '&state=' + s;\n`,
      '.env': 'TIKTOK_RETURN_URL=https://app.example.com/return\n',
    };
    const list = Object.entries(files).map(([rel, text]) => {
      fs.writeFileSync(path.join(dir, rel), text);
      return { path: path.join(dir, rel), kind: rel === '.env' ? ('non-code' as const) : ('code' as const), text };
    });
    expect(collectRedirectUris(scan(list), dir)).toEqual([{ value: 'https://app.example.com/return', file: '.env', line: 1, problems: [] }]);
  });

  it('problems are short phrases; displayUri hides query values', () => {
    expect(redirectUriProblems('https://app.example.com/cb')).toEqual([]);
    expect(redirectUriProblems(`https://app.example.com/${'x'.repeat(600)}`)).toEqual(['624 characters (must be under 512)']);
    expect(redirectUriProblems('app.example.com/cb')).toEqual(['not absolute']);
    expect(displayUri('https://app.example.com/cb?token=abc&x=')).toBe('https://app.example.com/cb?token=…&x=');
  });

  it('the JSON and Markdown reports of a run carry the same list', () => {
    const dir = project(APP);
    cli(dir, '--dry-run', '--report', 'r.json');
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'r.json'), 'utf8')) as { redirectUris: unknown };
    expect(json.redirectUris).toEqual(EXPECTED_URIS);
    cli(dir, '--dry-run', '--report', 'r.md');
    const md = fs.readFileSync(path.join(dir, 'r.md'), 'utf8');
    expect(md).toContain('## Redirect URIs to register');
    expect(md).toContain(`| \`${CALLBACK}\` | \`.env:3\` | none |`);
    expect(md).toContain('`http://localhost:3000/cb`');
    expect(md).toContain('- Redirect URIs found: 3');
    expect(md).not.toContain('mobile.example.com/cb`');
  });
});

describe('secrets are never printed', () => {
  it('no secret value in any finding, in the Markdown, JSON or SARIF report, or on stdout/stderr', async () => {
    const dir = project(APP);
    const found = await discover({ paths: [dir], ignore: [] });
    const { findings } = analyze(found.files, dir);
    const exposed = findings.filter((f) => f.ruleId === 'client-secret-exposed').map((f) => `${f.file}:${f.line}`).sort();
    // The rule did find them (so the absence of values below means something).
    expect(exposed).toEqual(['.env:7', 'src/components/TikTokButton.jsx:2', 'src/legacy.js:2']);
    const texts = findings.map((f) => `${f.message}\n${f.manualStep ?? ''}`);
    for (const format of ['md', 'json', 'sarif']) {
      const r = cli(dir, '--dry-run', '--report', `report.${format}`);
      expect(r.stdout).toContain('oauth/revoke/'); // the diff of src/old.js: a run that did print things
      texts.push(fs.readFileSync(path.join(dir, `report.${format}`), 'utf8'), r.stdout, r.stderr);
    }
    expect(texts.join('\n')).toContain('NEXT_PUBLIC_TIKTOK_CLIENT_SECRET');
    for (const secret of SECRETS) expect(texts.join('\n')).not.toContain(secret);
  });
});

describe('explain <id> for the redirect URI, state, client secret and PKCE rules', () => {
  it.each(Object.entries(NEW_RULES))('%s', (id, severity) => {
    const r = cli(ROOT, 'explain', id);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`# ${id}`);
    expect(r.stdout).toMatch(/\*\*What it finds\.\*\*[\s\S]*\*\*Why\.\*\*[\s\S]*spec section \d[\s\S]*\*\*Fix\.\*\*/i);
    expect(r.stdout).toContain(`Severity: ${severity}. Fix: ${ruleById(id)!.meta.fixable}.`);
  });

  it('the rules list names each of them', () => {
    const r = cli(ROOT, 'rules');
    expect(r.code).toBe(0);
    for (const id of Object.keys(NEW_RULES)) expect(r.stdout).toContain(id);
  });
});
