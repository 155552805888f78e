// The redirect URI, state, client secret and PKCE rules (issue #4, spec sections 2, 4 and 5), in the typescript-eslint
// RuleTester style: `valid` snippets give no finding of the rule, `invalid` ones give exactly the findings listed.
// Snippets are written to a temp dir as real files, scanned with scan(), then checked with rule.check(result, dir).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileKind } from '../src/discover.js';
import type { Finding } from '../src/report/model.js';
import { RULES } from '../src/rules/index.js';
import { scan } from '../src/scan/scan.js';

type Files = Record<string, string> | string;
interface Expected {
  file?: string;
  severity: Finding['severity'];
  line: number;
  /** Defaults to the column of the first TikTok URL on that line. */
  column?: number;
  fix: Finding['fix'];
  /** Substrings of the message. */
  message: string | string[];
  /** Substrings the message must not contain (secret values). */
  notInMessage?: string[];
}
interface Cases {
  valid: { name: string; files: Files }[];
  invalid: { name: string; files: Files; errors: Expected[] }[];
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const entriesOf = (files: Files): Record<string, string> => (typeof files === 'string' ? { 'a.js': files } : files);

function check(id: string, files: Files): Finding[] {
  const rule = RULES.find((r) => r.meta.id === id)!;
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tm-redirect-state-')));
  dirs.push(dir);
  const list = Object.entries(entriesOf(files)).map(([rel, text]) => {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
    const kind = fileKind(p);
    if (!kind) throw new Error(`not a scanned file type: ${rel}`);
    return { path: p, kind, text };
  });
  return rule.check(scan(list), dir).sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

function urlColumn(text: string, line: number): number {
  const lineText = text.split('\n')[line - 1] ?? '';
  const at = lineText.search(/https:\/\/(?:www\.tiktok\.com|open-api\.tiktok\.com|open\.tiktokapis\.com)/);
  return at + 1;
}

function ruleTester(id: string, severity: Finding['severity'], cases: Cases): void {
  describe(id, () => {
    it('is registered with its severity and docs (what, why with the spec section, fix)', () => {
      const rule = RULES.find((r) => r.meta.id === id);
      expect(rule?.meta.severity).toBe(severity);
      expect(rule?.meta.docs).toContain(`# ${id}`);
      expect(rule?.meta.docs).toMatch(/\*\*What it finds\.\*\*[\s\S]*\*\*Why\.\*\*[\s\S]*spec section \d[\s\S]*\*\*Fix\.\*\*/i);
    });
    it.each(cases.valid)('valid: $name', ({ files }) => {
      expect(check(id, files)).toEqual([]);
    });
    it.each(cases.invalid)('invalid: $name', ({ files, errors }) => {
      const found = check(id, files);
      const entries = entriesOf(files);
      const fileOf = (e: Expected) => e.file ?? Object.keys(entries)[0];
      expect(found.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual(
        errors.map((e) => `${fileOf(e)}:${e.line}:${e.column ?? urlColumn(entries[fileOf(e)], e.line)}`),
      );
      found.forEach((f, i) => {
        const e = errors[i];
        expect(f).toMatchObject({ ruleId: id, severity: e.severity, fix: e.fix });
        for (const part of [e.message].flat()) expect(f.message).toContain(part);
        for (const secret of e.notInMessage ?? []) expect(`${f.message} ${f.manualStep ?? ''}`).not.toContain(secret);
        if (f.fix === 'manual') expect(f.manualStep).toBeTruthy();
        else expect(f.manualStep).toBeUndefined();
      });
    });
  });
}

const V1_AUTH = 'https://www.tiktok.com/auth/authorize/';
const V2_AUTH = 'https://www.tiktok.com/v2/auth/authorize/';
const V2_TOKEN = 'https://open.tiktokapis.com/v2/oauth/token/';
/** A v2 authorize URL with the given redirect_uri expression (code) and a strong state. */
const authWith = (redirect: string) =>
  `import crypto from 'node:crypto';\nexport function login(res) {\n  const state = crypto.randomBytes(16).toString('hex');\n` +
  `  res.redirect('${V2_AUTH}?client_key=k&response_type=code&scope=user.info.basic&redirect_uri=' + encodeURIComponent(${redirect}) + '&state=' + state);\n}\n`;
/** A v2 authorize URL with the given state expression (code), in a function that may declare things first. */
const stateWith = (state: string, before = '', top = '') =>
  `${top}export function login(res) {\n${before}  res.redirect(\`${V2_AUTH}?client_key=k&response_type=code&scope=user.info.basic&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb&state=\${${state}}\`);\n}\n`;
const stateLine = (before = '', top = '') => 2 + before.split('\n').length - 1 + top.split('\n').length - 1;

ruleTester('redirect-uri-query', 'error', {
  valid: [
    { name: 'a static redirect URI without a query', files: authWith("'https://app.example.com/callback'") },
    { name: 'a redirect URI built at run time with no ? in its static part', files: authWith('req.query.cb') },
    { name: 'a ? only inside the #fragment (that is redirect-uri-invalid)', files: authWith("'https://app.example.com/cb#a?b'") },
    { name: 'an env value without a query', files: { 'a.js': authWith('process.env.TIKTOK_REDIRECT_URI'), '.env': 'TIKTOK_REDIRECT_URI=https://app.example.com/cb\n' } },
    { name: 'mobile code (ios/) is skipped', files: { 'ios/App/a.js': authWith("'https://app.example.com/cb?next=1'") } },
    { name: 'a query in another parameter than redirect_uri', files: authWith("'https://app.example.com/cb'").replace('scope=user.info.basic', 'scope=a%3Fb') },
  ],
  invalid: [
    {
      name: 'a static value written (URL-encoded) in the authorize URL',
      files: `const u = '${V1_AUTH}?client_key=k&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb%3Fnext%3D%2Fhome&state=' + s;\n`,
      errors: [{ severity: 'error', line: 1, column: 12, fix: 'manual', message: ['parameters: next', 'https://app.example.com/cb?next=…', 'move next into state', 'spec section 4'] }],
    },
    {
      name: 'a module constant with two parameters',
      files: `const REDIRECT = 'https://app.example.com/callback?team=a&mode=b';\n${authWith('REDIRECT')}`,
      errors: [{ severity: 'error', line: 5, fix: 'manual', message: ['parameters: team, mode', 'from REDIRECT at a.js:1', 'move team, mode into state'] }],
    },
    {
      name: 'a template whose static part has ?',
      files: authWith('`https://app.example.com/cb?team=${team}&x=1`'),
      errors: [{ severity: 'error', line: 4, fix: 'manual', message: ['parameters: team, x', 'built as'] }],
    },
    {
      name: 'a concatenation whose static part has ?',
      files: authWith("'https://app.example.com/cb?next=' + next"),
      errors: [{ severity: 'error', line: 4, fix: 'manual', message: "parameters: next): built as 'https://app.example.com/cb?next=' + next" }],
    },
    {
      name: 'a value read from .env',
      files: { 'a.js': authWith('process.env.TIKTOK_REDIRECT_URI'), '.env': 'TIKTOK_CLIENT_KEY=k\nTIKTOK_REDIRECT_URI=https://app.example.com/cb?tenant=acme\n' },
      errors: [{ severity: 'error', line: 4, fix: 'manual', message: ['parameters: tenant', 'from TIKTOK_REDIRECT_URI in .env:2'], notInMessage: ['acme'] }],
    },
    {
      name: 'a constant imported from a config module into URLSearchParams',
      files: {
        'src/login.js':
          `import { CALLBACK } from './config.js';\nexport function url(state) {\n  const q = new URLSearchParams({ client_key: 'k', redirect_uri: CALLBACK, state });\n` +
          `  return \`${V2_AUTH}?\${q.toString()}\`;\n}\n`,
        'src/config.js': `export const CALLBACK = 'https://app.example.com/cb?from=tiktok';\n`,
      },
      errors: [{ file: 'src/login.js', severity: 'error', line: 4, fix: 'manual', message: ['parameters: from', 'from CALLBACK at src/config.js:1'] }],
    },
    {
      name: 'authorize and token use the same value: reported once, at the authorize URL',
      files:
        `const CB = 'https://app.example.com/cb?next=1';\nconst a = '${V2_AUTH}?client_key=k&redirect_uri=' + encodeURIComponent(CB) + '&state=' + s;\n` +
        `fetch('${V2_TOKEN}?client_key=k&redirect_uri=' + encodeURIComponent(CB) + '&code=' + code, { method: 'POST' });\n`,
      errors: [{ severity: 'error', line: 2, fix: 'manual', message: 'parameters: next' }],
    },
    {
      name: 'a token request alone',
      files: `fetch('${V2_TOKEN}?client_key=k&redirect_uri=' + encodeURIComponent('https://app.example.com/cb?x=1') + '&code=' + code, { method: 'POST' });\n`,
      errors: [{ severity: 'error', line: 1, fix: 'manual', message: 'parameters: x' }],
    },
  ],
});

const LONG = `https://app.example.com/${'a'.repeat(520)}`;
ruleTester('redirect-uri-invalid', 'error', {
  valid: [
    { name: 'an absolute https URI', files: authWith("'https://app.example.com/auth/tiktok/callback'") },
    { name: 'a query string alone is redirect-uri-query, not this rule', files: authWith("'https://app.example.com/cb?next=1'") },
    { name: 'an env variable no .env file defines is not judged', files: authWith('process.env.TIKTOK_REDIRECT_URI') },
    { name: 'a value known only at run time is not judged', files: authWith('`${req.protocol}://${req.get("host")}/cb`') },
    { name: 'a bad .env value the code does not use', files: { 'a.js': authWith('process.env.TIKTOK_REDIRECT_URI'), '.env': 'OTHER_CALLBACK=http://localhost/cb\n' } },
    { name: 'mobile code (android/) is skipped', files: { 'android/app/a.js': authWith("'http://localhost:3000/cb'") } },
    { name: "an empty fallback (process.env.X ?? '') is not judged", files: `const CB = process.env.TIKTOK_REDIRECT_URI ?? '';\n${authWith('CB')}` },
    { name: 'an env variable joined to a path, the variable from .env', files: { 'a.js': authWith('`${process.env.APP_URL}/auth/callback`'), '.env': 'APP_URL=https://app.example.com\n' } },
    { name: 'an empty .env value is not judged', files: { 'a.js': authWith('process.env.TIKTOK_REDIRECT_URI'), '.env': 'TIKTOK_REDIRECT_URI=\n' } },
  ],
  invalid: [
    { name: 'http', files: authWith("'http://app.example.com/cb'"), errors: [{ severity: 'error', line: 4, fix: 'manual', message: ['http://app.example.com/cb (written in the code): not https (http:)', 'spec section 4'] }] },
    { name: 'not absolute', files: authWith("'/auth/callback'"), errors: [{ severity: 'error', line: 4, fix: 'manual', message: '/auth/callback (written in the code): not absolute' }] },
    { name: 'protocol-relative', files: authWith("'//app.example.com/cb'"), errors: [{ severity: 'error', line: 4, fix: 'manual', message: 'not absolute' }] },
    { name: 'a #fragment', files: authWith("'https://app.example.com/cb#done'"), errors: [{ severity: 'error', line: 4, fix: 'manual', message: 'has a #fragment' }] },
    { name: '512 characters or more', files: authWith(`'${LONG}'`), errors: [{ severity: 'error', line: 4, fix: 'manual', message: `${LONG.length} characters (must be under 512)` }] },
    { name: 'https on localhost', files: authWith("'https://localhost:3000/cb'"), errors: [{ severity: 'error', line: 4, fix: 'manual', message: 'on localhost' }] },
    { name: '127.0.0.1', files: authWith("'http://127.0.0.1:8080/cb'"), errors: [{ severity: 'error', line: 4, fix: 'manual', message: ['not https (http:)', 'on 127.0.0.1'] }] },
    {
      name: 'a value read from .env, with where it came from',
      files: { 'src/a.js': authWith('process.env.TIKTOK_REDIRECT_URI'), '.env': 'TIKTOK_CLIENT_SECRET=shh-secret-1\nTIKTOK_REDIRECT_URI=http://localhost:3000/callback\n' },
      errors: [{ file: 'src/a.js', severity: 'error', line: 4, fix: 'manual', message: ['from TIKTOK_REDIRECT_URI in .env:2', 'on localhost'], notInMessage: ['shh-secret-1'] }],
    },
    {
      name: 'only the .env file whose value is bad',
      files: { 'a.js': authWith('process.env.TIKTOK_REDIRECT_URI'), '.env.production': 'TIKTOK_REDIRECT_URI=https://app.example.com/cb\n', '.env.local': 'TIKTOK_REDIRECT_URI=http://app.test/cb\n' },
      errors: [{ severity: 'error', line: 4, fix: 'manual', message: 'from TIKTOK_REDIRECT_URI in .env.local:1' }],
    },
    {
      name: 'an env variable joined to a path, the variable from .env',
      files: { 'a.js': authWith('`${process.env.APP_URL}/auth/callback`'), '.env': 'APP_URL=http://app.example.com\n' },
      errors: [{ severity: 'error', line: 4, fix: 'manual', message: 'http://app.example.com/auth/callback (from APP_URL in .env:1): not https' }],
    },
    {
      name: 'the fallback of process.env.X || literal',
      files: `const CB = process.env.TIKTOK_REDIRECT_URI || 'http://localhost:3000/cb';\n${authWith('CB')}`,
      errors: [{ severity: 'error', line: 5, fix: 'manual', message: 'http://localhost:3000/cb (from CB at a.js:1)' }],
    },
    {
      name: "a config module reading the variable through a helper (required('X'))",
      files: {
        'src/login.ts': `import { REDIRECT_URI } from './config';\nexport const url = (state: string) => \`${V2_AUTH}?client_key=k&redirect_uri=\${encodeURIComponent(REDIRECT_URI)}&state=\${state}\`;\n`,
        'src/config.ts': `function required(name: string): string {\n  const value = process.env[name];\n  if (!value) throw new Error(name);\n  return value;\n}\nexport const REDIRECT_URI = required('TIKTOK_REDIRECT_URI');\n`,
        '.env.example': 'TIKTOK_REDIRECT_URI=https://app.example.com/cb#x\n',
      },
      errors: [{ file: 'src/login.ts', severity: 'error', line: 2, fix: 'manual', message: ['from TIKTOK_REDIRECT_URI in .env.example:1', 'has a #fragment'] }],
    },
  ],
});

const envLines = (n: number, offset = 0) => Array.from({ length: n }, (_, i) => `TIKTOK_REDIRECT_URI_${i}=https://app${i + offset}.example.com/callback`).join('\n') + '\n';
ruleTester('redirect-uri-count', 'warning', {
  valid: [
    { name: 'ten distinct URIs', files: { '.env': envLines(10) } },
    { name: 'eleven lines but duplicates', files: { '.env': envLines(10), '.env.production': envLines(1) } },
    { name: 'keys that do not name a redirect or callback are not counted', files: { '.env': envLines(10) + 'APP_URL=https://other.example.com/\n' } },
  ],
  invalid: [
    {
      name: 'eleven distinct URIs in .env: one warning, at the eleventh',
      files: { '.env': envLines(11) },
      errors: [{ severity: 'warning', line: 11, column: 1, fix: 'manual', message: ['11 distinct redirect URIs', 'at most 10', 'spec section 4'] }],
    },
    {
      name: 'ten in .env plus one in code',
      files: { 'a.js': authWith("'https://z.example.com/cb'"), '.env': envLines(10) },
      errors: [{ file: 'a.js', severity: 'warning', line: 4, column: 1, fix: 'manual', message: '11 distinct redirect URIs' }],
    },
  ],
});

ruleTester('state-missing', 'error', {
  valid: [
    { name: 'state is sent', files: stateWith('state', "  const state = crypto.randomUUID();\n") },
    { name: 'parameters built out of sight', files: `export const go = (res, qs) => res.redirect('${V2_AUTH}?' + qs);\n` },
    {
      name: "state added with searchParams.set('state', …)",
      files: `export function go(res, s) {\n  const u = new URL('${V2_AUTH}?client_key=k&response_type=code');\n  u.searchParams.set('state', s);\n  res.redirect(u.toString());\n}\n`,
    },
    { name: 'a token URL has no state', files: `fetch('https://open-api.tiktok.com/oauth/access_token/?client_key=k&client_secret=' + s + '&code=' + c);\n` },
    { name: 'mobile code is skipped', files: { 'package.json': '{"dependencies":{"react-native":"0.74.0"}}', 'a.js': `const u = '${V1_AUTH}?client_key=k&response_type=code';\n` } },
  ],
  invalid: [
    {
      name: 'a v1 authorize URL without state',
      files: `const u = '${V1_AUTH}?client_key=k&scope=user.info.basic&response_type=code&redirect_uri=' + encodeURIComponent(cb);\n`,
      errors: [{ severity: 'error', line: 1, column: 12, fix: 'manual', message: [`${V1_AUTH} sends client_key, scope, response_type, redirect_uri but no state`, 'login CSRF', 'spec section 4'] }],
    },
    {
      name: 'URLSearchParams without state',
      files: `export function go(res) {\n  const q = new URLSearchParams({ client_key: 'k', response_type: 'code', redirect_uri: CB });\n  res.redirect(\`${V2_AUTH}?\${q}\`);\n}\n`,
      errors: [{ severity: 'error', line: 3, fix: 'manual', message: 'but no state' }],
    },
  ],
});

ruleTester('state-weak', 'warning', {
  valid: [
    { name: 'crypto.randomBytes', files: stateWith('state', "  const state = crypto.randomBytes(16).toString('hex');\n", "import crypto from 'node:crypto';\n") },
    { name: 'crypto.randomUUID()', files: stateWith('crypto.randomUUID()') },
    { name: 'uuid v4', files: stateWith('uuidv4()', '', "import { v4 as uuidv4 } from 'uuid';\n") },
    { name: 'Math.random() mixed with a CSPRNG', files: stateWith("Math.random().toString(36) + randomBytes(8).toString('hex')") },
    { name: 'a value from the session (unknown)', files: stateWith('req.session.oauthState') },
    { name: 'a function parameter (unknown)', files: stateWith('s', '', '').replace('login(res)', 'login(res, s)') },
    { name: 'nanoid', files: stateWith('nanoid()', '', "import { nanoid } from 'nanoid';\n") },
    { name: 'mobile code is skipped', files: { 'ios/App/a.js': stateWith('Math.random()') } },
  ],
  invalid: [
    { name: 'Math.random() inline', files: stateWith('Math.random()'), errors: [{ severity: 'warning', line: 2, fix: 'manual', message: ['is made from Math.random()', 'spec sections 4 and 5'] }] },
    {
      name: 'a declaration in the same function',
      files: stateWith('csrfState', "  const csrfState = Math.random().toString(36).substring(2);\n"),
      errors: [{ severity: 'warning', line: stateLine("  const csrfState = Math.random().toString(36).substring(2);\n"), fix: 'manual', message: 'made from Math.random() (csrfState at a.js:2)' }],
    },
    { name: 'Date.now()', files: stateWith('Date.now()'), errors: [{ severity: 'warning', line: 2, fix: 'manual', message: 'made from Date.now()' }] },
    { name: 'new Date().getTime()', files: stateWith('new Date().getTime()'), errors: [{ severity: 'warning', line: 2, fix: 'manual', message: 'made from new Date()' }] },
    {
      name: 'a constant in the URL',
      files: `const u = '${V1_AUTH}?client_key=k&response_type=code&state=fixed';\n`,
      errors: [{ severity: 'warning', line: 1, column: 12, fix: 'manual', message: 'is a constant' }],
    },
    {
      name: 'a module constant',
      files: stateWith('STATE', '', "const STATE = 'my-app';\n"),
      errors: [{ severity: 'warning', line: 3, fix: 'manual', message: 'is a constant' }],
    },
    {
      name: 'a constant number in URLSearchParams',
      files: `export function go(res) {\n  const q = new URLSearchParams({ client_key: 'k', state: 42 });\n  res.redirect(\`${V2_AUTH}?\${q}\`);\n}\n`,
      errors: [{ severity: 'warning', line: 3, fix: 'manual', message: 'is a constant' }],
    },
    {
      name: 'uuid v1 (time-based)',
      files: stateWith('id', '  const id = uuidv1();\n', "import { v1 as uuidv1 } from 'uuid';\n"),
      errors: [{ severity: 'warning', line: 4, fix: 'manual', message: 'made from uuid v1' }],
    },
    {
      name: 'a helper function of the module',
      files: stateWith('makeState()', '', 'function makeState() {\n  return Date.now().toString(36);\n}\n'),
      errors: [{ severity: 'warning', line: 5, fix: 'manual', message: ['made from Date.now()', 'makeState() at a.js:1'] }],
    },
  ],
});

const SECRET = 'sk_live_DO_NOT_PRINT_7f3a';
ruleTester('client-secret-exposed', 'error', {
  valid: [
    { name: 'a server token call', files: { 'server/tiktok.js': `fetch('https://open-api.tiktok.com/oauth/access_token/?client_key=k&client_secret=' + process.env.TIKTOK_CLIENT_SECRET + '&code=' + c);\n` } },
    { name: 'a server-only env variable read in an API route', files: { 'app/api/tiktok/route.ts': 'const secret = process.env.TIKTOK_CLIENT_SECRET;\n' } },
    { name: 'a public variable that is not a secret', files: { 'components/Login.tsx': 'export const key = process.env.NEXT_PUBLIC_TIKTOK_CLIENT_KEY;\n' } },
    { name: 'a component that sends only client_key', files: { 'components/Login.jsx': `export const u = '${V2_AUTH}?client_key=k&response_type=code&state=' + s;\n` } },
    { name: 'a comment in a component', files: { 'components/Login.jsx': '// the client_secret: stays on the server\nexport const x = 1;\n' } },
    { name: 'a type annotation in a component', files: { 'components/types.tsx': 'export interface Tokens {\n  client_secret: string;\n}\n' } },
    { name: 'an empty browser-exposed .env entry', files: { '.env.example': 'VITE_TIKTOK_CLIENT_SECRET=\n' } },
    { name: 'mobile code sending the secret is mobile-v1-kept, not this rule', files: { 'ios/App/a.js': `const u = '${V1_AUTH}?client_key=k&client_secret=' + s;\n` } },
  ],
  invalid: [
    {
      name: 'client_secret in an authorize URL (server code too)',
      files: { 'server/login.js': `const u = '${V2_AUTH}?client_key=k&client_secret=${SECRET}&state=' + s;\n` },
      errors: [{ severity: 'error', line: 1, column: 12, fix: 'manual', message: ['client_secret of', '(hard-coded) is exposed', 'authorize URL'], notInMessage: [SECRET] }],
    },
    {
      name: 'a token call in a front-end folder',
      files: { 'src/components/Login.js': `export const t = () => fetch('https://open-api.tiktok.com/oauth/access_token/?client_key=k&client_secret=' + SECRET + '&code=' + c);\n` },
      errors: [{ severity: 'error', line: 1, fix: 'manual', message: ['(from SECRET)', 'ships to browsers (it is in a front-end folder (components/))'] }],
    },
    {
      name: "a client_secret key in a 'use client' file",
      files: { 'app/login/page.js': `'use client';\nconst body = { client_key: 'k', client_secret: '${SECRET}' };\n` },
      errors: [{ severity: 'error', line: 2, column: 33, fix: 'manual', message: "ships to browsers (it is a 'use client' file)", notInMessage: [SECRET] }],
    },
    {
      name: 'NEXT_PUBLIC_ secret read anywhere',
      files: { 'lib/tiktok.js': 'export const secret = process.env.NEXT_PUBLIC_TIKTOK_CLIENT_SECRET;\n' },
      errors: [{ severity: 'error', line: 1, column: 23, fix: 'manual', message: ['NEXT_PUBLIC_TIKTOK_CLIENT_SECRET is read here', 'Next.js'] }],
    },
    {
      name: 'import.meta.env.VITE_ secret',
      files: { 'src/auth.ts': "const s = import.meta.env['VITE_TIKTOK_SECRET'];\n" },
      errors: [{ severity: 'error', line: 1, column: 11, fix: 'manual', message: ['VITE_TIKTOK_SECRET', 'Vite'] }],
    },
    {
      name: 'REACT_APP_ and EXPO_PUBLIC_ secrets',
      files: { 'src/a.js': 'const a = process.env.REACT_APP_CLIENT_SECRET;\nconst b = process.env.EXPO_PUBLIC_TIKTOK_SECRET_KEY;\n' },
      errors: [
        { severity: 'error', line: 1, column: 11, fix: 'manual', message: 'Create React App' },
        { severity: 'error', line: 2, column: 11, fix: 'manual', message: ['EXPO_PUBLIC_TIKTOK_SECRET_KEY', 'Expo'] },
      ],
    },
    {
      name: 'a browser-exposed secret defined in .env: the name, never the value',
      files: { '.env': `TIKTOK_CLIENT_KEY=k\nVITE_TIKTOK_CLIENT_SECRET=${SECRET}\n` },
      errors: [{ severity: 'error', line: 2, column: 1, fix: 'manual', message: 'VITE_TIKTOK_CLIENT_SECRET is defined in .env', notInMessage: [SECRET] }],
    },
  ],
});

ruleTester('pkce-on-web', 'warning', {
  valid: [
    { name: 'a web flow without PKCE', files: stateWith('crypto.randomUUID()') },
    { name: 'mobile code is skipped', files: { 'ios/App/a.js': `const u = '${V2_AUTH}?client_key=k&code_challenge=' + c + '&code_challenge_method=S256&state=' + s;\n` } },
    { name: 'a token call without code_verifier', files: `fetch('${V2_TOKEN}', { method: 'POST', body: new URLSearchParams({ client_key: 'k', code }) });\n` },
  ],
  invalid: [
    {
      name: 'code_challenge in the authorize URL',
      files: `const u = '${V2_AUTH}?client_key=k&code_challenge=' + c + '&code_challenge_method=S256&state=' + s;\n`,
      errors: [{ severity: 'warning', line: 1, column: 12, fix: 'none', message: ['code_challenge, code_challenge_method sent with', 'mobile and desktop only', 'spec section 2'] }],
    },
    {
      name: 'code_verifier in a token URL',
      files: `fetch('https://open-api.tiktok.com/oauth/access_token/?client_key=k&code=' + c + '&code_verifier=' + v, { method: 'POST' });\n`,
      errors: [{ severity: 'warning', line: 1, fix: 'none', message: 'code_verifier sent with https://open-api.tiktok.com/oauth/access_token/ (the token request' }],
    },
    {
      name: 'code_verifier in the form body of a token call',
      files: `export async function exchange(code, verifier) {\n  return fetch('${V2_TOKEN}', {\n    method: 'POST',\n    body: new URLSearchParams({ client_key: 'k', code, code_verifier: verifier }),\n  });\n}\n`,
      errors: [{ severity: 'warning', line: 2, fix: 'none', message: 'code_verifier sent with' }],
    },
  ],
});
