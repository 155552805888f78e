// The scanner finds every form a v1 URL is written in (one file at a time here; across modules in
// scan-forms-modules.test.ts) and plans the right edits: checked by applying them with applyEdits.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileKind } from '../src/discover.js';
import { scan } from '../src/scan/scan.js';
import type { Reference } from '../src/scan/types.js';
import { applyEdits } from '../src/transform-edits.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** Writes the files, scans them together; `out(rel)` is a file's text after every planned edit. */
function project(files: Record<string, string>) {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tm-forms-')));
  dirs.push(dir);
  const list = Object.entries(files).map(([rel, text]) => {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
    return { path: p, kind: fileKind(p)!, text };
  });
  const result = scan(list);
  const refs = result.references;
  const abs = (rel: string) => path.join(dir, rel);
  const editsOf = (rel: string) => refs.flatMap((r) => r.edits).filter((e) => e.file === abs(rel));
  const out = (rel: string) => applyEdits(files[rel], editsOf(rel));
  const at = (r: Reference) => ({ file: path.relative(dir, r.file), line: r.line, column: r.column, kind: r.kind, endpoint: r.endpoint });
  return { dir, abs, result, refs, editsOf, out, at };
}

/** One file `a.js` (or `name`): its migrated text. */
function migrate(text: string, name = 'a.js'): string {
  return project({ [name]: text }).out(name);
}

describe('URL spellings in one literal', () => {
  it.each([
    ['single quotes', `const u = 'https://open-api.tiktok.com/oauth/access_token/';`, `const u = 'https://open.tiktokapis.com/v2/oauth/token/';`],
    ['double quotes', `const u = "https://open-api.tiktok.com/oauth/revoke/";`, `const u = "https://open.tiktokapis.com/v2/oauth/revoke/";`],
    ['backticks', 'const u = `https://www.tiktok.com/auth/authorize/`;', 'const u = `https://www.tiktok.com/v2/auth/authorize/`;'],
    ['no trailing slash', `const u = 'https://open-api.tiktok.com/oauth/revoke';`, `const u = 'https://open.tiktokapis.com/v2/oauth/revoke/';`],
    ['http -> https', `const u = 'http://www.tiktok.com/auth/authorize';`, `const u = 'https://www.tiktok.com/v2/auth/authorize/';`],
    ['http -> https on the API host', `const u = 'http://open-api.tiktok.com/oauth/refresh_token/';`, `const u = 'https://open.tiktokapis.com/v2/oauth/token/';`],
    ['protocol-relative kept', `const u = '//open-api.tiktok.com/oauth/access_token/';`, `const u = '//open.tiktokapis.com/v2/oauth/token/';`],
    ['bare host kept', 'const u = `open-api.tiktok.com/oauth/revoke/`;', 'const u = `open.tiktokapis.com/v2/oauth/revoke/`;'],
    ['upper case, port', `const u = 'https://Open-API.TikTok.com:443/OAUTH/ACCESS_TOKEN/';`, `const u = 'https://open.tiktokapis.com/v2/oauth/token/';`],
    ['older authorize form', `const u = 'https://open-api.tiktok.com/platform/oauth/connect/?client_key=k';`, `const u = 'https://www.tiktok.com/v2/auth/authorize/?client_key=k';`],
    ['query string kept', `const u = 'https://www.tiktok.com/auth/authorize/?client_key=k&scope=user.info.basic&response_type=code';`, `const u = 'https://www.tiktok.com/v2/auth/authorize/?client_key=k&scope=user.info.basic&response_type=code';`],
    ['hybrid: host only', `const u = 'https://open-api.tiktok.com/v2/oauth/token/';`, `const u = 'https://open.tiktokapis.com/v2/oauth/token/';`],
    ['hybrid open.tiktok.com', `const u = 'https://open.tiktok.com/v2/user/info/';`, `const u = 'https://open.tiktokapis.com/v2/user/info/';`],
    ['hybrid authorize', `const u = 'https://open-api.tiktok.com/v2/auth/authorize/';`, `const u = 'https://www.tiktok.com/v2/auth/authorize/';`],
  ])('%s', (_name, before, after) => {
    expect(migrate(before + '\n')).toBe(after + '\n');
  });

  it('leaves data endpoints alone, blocked with the reason', () => {
    const text = `const a = 'https://open-api.tiktok.com/user/info/';\nconst b = 'https://open-api.tiktok.com/share/video/upload/';\n`;
    const p = project({ 'a.js': text });
    expect(p.out('a.js')).toBe(text);
    expect(p.refs.map((r) => [r.endpoint, r.blocked])).toEqual([
      ['user-info', 'the v2 user info call must change with its URL, and the call that sends it was not found'],
      ['share-video', 'there is no 1:1 v2 successor'],
    ]);
  });
});

describe('concatenation', () => {
  it('`+` across statements: the base and the path both change', () => {
    const text = `const base = 'https://open-api.tiktok.com';\nconst url = base + '/oauth/access_token/';\nfetch(url);\n`;
    expect(migrate(text)).toBe(`const base = 'https://open.tiktokapis.com';\nconst url = base + '/v2/oauth/token/';\nfetch(url);\n`);
  });

  it('`+` inline and a template with the base', () => {
    const text = `fetch('https://open-api.tiktok.com' + '/oauth/revoke/');\nconst B = "http://open-api.tiktok.com";\nconst t = \`\${B}/oauth/access_token/\`;\n`;
    expect(migrate(text)).toBe(
      `fetch('https://open.tiktokapis.com' + '/v2/oauth/revoke/');\nconst B = "https://open.tiktokapis.com";\nconst t = \`\${B}/v2/oauth/token/\`;\n`,
    );
  });

  it('`+=` chain: the URL changes and grant_type is appended after the last part', () => {
    const text = [
      'function f(key, secret, code) {',
      "  let url = 'https://open-api.tiktok.com/oauth/access_token/';",
      "  url += '?client_key=' + key;",
      "  url += '&client_secret=' + secret;",
      "  url += '&code=' + code;",
      "  return fetch(url, { method: 'POST' });",
      '}',
      '',
    ].join('\n');
    const out = migrate(text);
    expect(out).toContain("let url = 'https://open.tiktokapis.com/v2/oauth/token/';");
    expect(out).toContain("url += '&code=' + code + '&grant_type=authorization_code';");
  });

  it('`let url = base; url += path`', () => {
    const text = `let url = 'https://open-api.tiktok.com';\nurl += '/oauth/revoke/';\n`;
    expect(migrate(text)).toBe(`let url = 'https://open.tiktokapis.com';\nurl += '/v2/oauth/revoke/';\n`);
  });
});

describe('values with defaults and configs', () => {
  it('process.env.X || and ?? defaults', () => {
    const text = `const T = process.env.TIKTOK_TOKEN_URL || 'https://open-api.tiktok.com/oauth/access_token/';\nconst R = process.env.R ?? "https://open-api.tiktok.com/oauth/refresh_token/";\n`;
    expect(migrate(text)).toBe(
      `const T = process.env.TIKTOK_TOKEN_URL || 'https://open.tiktokapis.com/v2/oauth/token/';\nconst R = process.env.R ?? "https://open.tiktokapis.com/v2/oauth/token/";\n`,
    );
  });

  it('passport authorizationURL / tokenURL (no client_key in sight: no grant_type)', () => {
    const text = `new OAuth2Strategy({\n  authorizationURL: 'https://www.tiktok.com/auth/authorize/',\n  tokenURL: 'https://open-api.tiktok.com/oauth/access_token/',\n  clientID: key,\n}, verify);\n`;
    expect(migrate(text)).toBe(
      `new OAuth2Strategy({\n  authorizationURL: 'https://www.tiktok.com/v2/auth/authorize/',\n  tokenURL: 'https://open.tiktokapis.com/v2/oauth/token/',\n  clientID: key,\n}, verify);\n`,
    );
  });

  it('Auth.js authorization.url / token.url / userinfo (user info reported, not changed)', () => {
    const text = `export default {\n  authorization: { url: 'https://www.tiktok.com/auth/authorize/', params: { scope: 'user.info.basic' } },\n  token: { url: 'https://open-api.tiktok.com/oauth/access_token/' },\n  userinfo: 'https://open-api.tiktok.com/user/info/',\n};\n`;
    const p = project({ 'p.ts': text });
    expect(p.out('p.ts')).toBe(text.replace('/auth/authorize/', '/v2/auth/authorize/').replace('open-api.tiktok.com/oauth/access_token/', 'open.tiktokapis.com/v2/oauth/token/'));
    expect(p.refs.map(p.at)).toEqual([
      { file: 'p.ts', line: 2, column: 26, kind: 'v1', endpoint: 'authorize' },
      { file: 'p.ts', line: 3, column: 18, kind: 'v1', endpoint: 'token' },
      { file: 'p.ts', line: 4, column: 14, kind: 'v1', endpoint: 'user-info' },
    ]);
  });

  it('grant authorize_url / access_url', () => {
    const text = `module.exports = { tiktok: { authorize_url: 'https://www.tiktok.com/auth/authorize/', access_url: 'https://open-api.tiktok.com/oauth/access_token/', oauth: 2 } };\n`;
    expect(migrate(text)).toBe(
      `module.exports = { tiktok: { authorize_url: 'https://www.tiktok.com/v2/auth/authorize/', access_url: 'https://open.tiktokapis.com/v2/oauth/token/', oauth: 2 } };\n`,
    );
  });

  it('JSX attribute strings and templates', () => {
    const text = `export const A = () => <a href="https://www.tiktok.com/auth/authorize/?client_key=k">Login</a>;\nexport const B = ({ k }) => <a href={\`https://www.tiktok.com/auth/authorize/?client_key=\${k}\`}>x</a>;\n`;
    expect(migrate(text, 'C.jsx')).toBe(text.replaceAll('/auth/authorize/', '/v2/auth/authorize/'));
  });

  it('class fields: static, instance via this, and a constructor assignment', () => {
    const text = [
      'class TikTok {',
      "  static TOKEN = 'https://open-api.tiktok.com/oauth/access_token/';",
      "  revokeUrl = 'https://open-api.tiktok.com/oauth/revoke/';",
      '  constructor() { this.base = "https://open-api.tiktok.com"; }',
      '  token() { return fetch(TikTok.TOKEN); }',
      '  revoke() { return fetch(this.revokeUrl); }',
      "  refresh() { return fetch(this.base + '/oauth/refresh_token/'); }",
      '}',
      '',
    ].join('\n');
    expect(migrate(text, 'c.ts')).toBe(
      text
        .replace('open-api.tiktok.com/oauth/access_token/', 'open.tiktokapis.com/v2/oauth/token/')
        .replace('open-api.tiktok.com/oauth/revoke/', 'open.tiktokapis.com/v2/oauth/revoke/')
        .replace('"https://open-api.tiktok.com"', '"https://open.tiktokapis.com"')
        .replace("'/oauth/refresh_token/'", "'/v2/oauth/token/'"),
    );
  });

  it('https.request({ host, path }): the bare host stays bare, grant_type is added to the query', () => {
    const text = `const req = https.request({\n  host: 'open-api.tiktok.com',\n  path: '/oauth/access_token/?client_key=' + key + '&code=' + code,\n  method: 'POST',\n});\n`;
    expect(migrate(text)).toBe(
      `const req = https.request({\n  host: 'open.tiktokapis.com',\n  path: '/v2/oauth/token/?client_key=' + key + '&code=' + code + '&grant_type=authorization_code',\n  method: 'POST',\n});\n`,
    );
  });

  it('axios create({ baseURL }) + instance .post(path), grant_type added to the params object', () => {
    const text = `import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://open-api.tiktok.com' });\nexport const token = (code: string) =>\n  api.post('/oauth/access_token/', null, { params: { client_key: KEY, client_secret: SECRET, code } });\n`;
    const p = project({ 'ax.ts': text });
    expect(p.out('ax.ts')).toBe(
      `import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://open.tiktokapis.com' });\nexport const token = (code: string) =>\n  api.post('/v2/oauth/token/', null, { params: { client_key: KEY, client_secret: SECRET, code, grant_type: 'authorization_code' } });\n`,
    );
    expect(p.refs.map(p.at)).toEqual([{ file: 'ax.ts', line: 4, column: 3, kind: 'v1', endpoint: 'token' }]);
  });
});

describe('.vue and .svelte script blocks', () => {
  it('rewrites the <script> block, leaves the template (reported as non-code) alone', () => {
    const text = `<template>\n  <a href="https://www.tiktok.com/auth/authorize/">login</a>\n</template>\n<script setup lang="ts">\nconst url: string = "https://open-api.tiktok.com/oauth/access_token/";\n</script>\n`;
    const p = project({ 'C.vue': text });
    expect(p.out('C.vue')).toBe(text.replace('open-api.tiktok.com/oauth/access_token/', 'open.tiktokapis.com/v2/oauth/token/'));
    expect(p.refs.map((r) => ({ ...p.at(r), where: r.where }))).toEqual([
      { file: 'C.vue', line: 2, column: 12, kind: 'v1', endpoint: 'authorize', where: 'non-code' },
      { file: 'C.vue', line: 5, column: 22, kind: 'v1', endpoint: 'token', where: 'code' },
    ]);
  });

  it('svelte', () => {
    const text = '<script>\n  const u = `https://open-api.tiktok.com/oauth/refresh_token/`;\n</script>\n<a href={u}>x</a>\n';
    expect(migrate(text, 'S.svelte')).toBe(text.replace('open-api.tiktok.com/oauth/refresh_token/', 'open.tiktokapis.com/v2/oauth/token/'));
  });
});

describe('grant_type', () => {
  it.each([
    ['added to a query string', `'https://open-api.tiktok.com/oauth/access_token/?client_key=a&code=c'`, `'https://open.tiktokapis.com/v2/oauth/token/?client_key=a&code=c&grant_type=authorization_code'`],
    ['not duplicated in a query string', `'https://open-api.tiktok.com/oauth/access_token/?client_key=a&grant_type=authorization_code&code=c'`, `'https://open.tiktokapis.com/v2/oauth/token/?client_key=a&grant_type=authorization_code&code=c'`],
    ['refresh gets refresh_token', `'https://open-api.tiktok.com/oauth/refresh_token/?client_key=a&refresh_token=r'`, `'https://open.tiktokapis.com/v2/oauth/token/?client_key=a&refresh_token=r&grant_type=refresh_token'`],
    ['after a runtime part', `"https://open-api.tiktok.com/oauth/access_token/?client_key=" + key + "&code=" + code`, `"https://open.tiktokapis.com/v2/oauth/token/?client_key=" + key + "&code=" + code + "&grant_type=authorization_code"`],
    ['at the end of a template', '`https://open-api.tiktok.com/oauth/refresh_token?client_key=${k}&refresh_token=${r}`', '`https://open.tiktokapis.com/v2/oauth/token/?client_key=${k}&refresh_token=${r}&grant_type=refresh_token`'],
    ['no parameters in sight: nothing added', `'https://open-api.tiktok.com/oauth/access_token/'`, `'https://open.tiktokapis.com/v2/oauth/token/'`],
  ])('%s', (_name, before, after) => {
    expect(migrate(`fetch(${before}, { method: 'POST' });\n`)).toBe(`fetch(${after}, { method: 'POST' });\n`);
  });

  it('added to a multi-line params object, in its layout', () => {
    const text = `const TOKEN_URL = 'https://open-api.tiktok.com/oauth/access_token/';\nawait axios.post(TOKEN_URL, null, {\n  params: {\n    client_key: KEY,\n    client_secret: SECRET,\n    code,\n  },\n});\n`;
    expect(migrate(text)).toBe(
      `const TOKEN_URL = 'https://open.tiktokapis.com/v2/oauth/token/';\nawait axios.post(TOKEN_URL, null, {\n  params: {\n    client_key: KEY,\n    client_secret: SECRET,\n    code,\n    grant_type: 'authorization_code',\n  },\n});\n`,
    );
  });

  it('refresh: added to a CRLF object without a trailing comma, in the file quotes', () => {
    const text = `const U = "https://open-api.tiktok.com/oauth/refresh_token/";\r\nrequest.post(U, {\r\n  form: {\r\n    client_key: K,\r\n    refresh_token: r\r\n  }\r\n});\r\n`;
    expect(migrate(text)).toBe(
      `const U = "https://open.tiktokapis.com/v2/oauth/token/";\r\nrequest.post(U, {\r\n  form: {\r\n    client_key: K,\r\n    refresh_token: r,\r\n    grant_type: "refresh_token"\r\n  }\r\n});\r\n`,
    );
  });

  it('quoted keys, URLSearchParams, a params constant', () => {
    const a = `const U = 'https://open-api.tiktok.com/oauth/access_token/';\nfetch(U, { body: new URLSearchParams({ 'client_key': K, 'code': c }) });\n`;
    expect(migrate(a)).toContain(`new URLSearchParams({ 'client_key': K, 'code': c, 'grant_type': 'authorization_code' })`);
    const b = `const U = 'https://open-api.tiktok.com/oauth/access_token/';\nconst params = { client_key: K, client_secret: S, code };\nfetch(U, { method: 'POST', body: new URLSearchParams(params) });\n`;
    expect(migrate(b)).toContain(`const params = { client_key: K, client_secret: S, code, grant_type: 'authorization_code' };`);
  });

  it('not duplicated in an object that has it', () => {
    const text = `const U = 'https://open-api.tiktok.com/oauth/refresh_token/';\naxios.post(U, null, { params: { client_key: K, refresh_token: r, "grant_type": 'refresh_token' } });\n`;
    expect(migrate(text)).toBe(text.replace('open-api.tiktok.com/oauth/refresh_token/', 'open.tiktokapis.com/v2/oauth/token/'));
  });
});

describe('positions', () => {
  it('1-based line/column of each URL, across CRLF, tabs and astral characters (UTF-16 columns)', () => {
    const text = `// header\r\n\tconst a = 'https://open-api.tiktok.com/oauth/revoke/';\r\nconst b = '😀' + "https://www.tiktok.com/auth/authorize/";\nconst c = \`x\${y}\`; const d = 'https://open-api.tiktok.com/video/list/';\n`;
    const p = project({ 'a.js': text });
    expect(p.refs.map(p.at)).toEqual([
      { file: 'a.js', line: 2, column: 13, kind: 'v1', endpoint: 'revoke' },
      { file: 'a.js', line: 3, column: 19, kind: 'v1', endpoint: 'authorize' },
      { file: 'a.js', line: 4, column: 31, kind: 'v1', endpoint: 'video-list' },
    ]);
    for (const r of p.refs) expect(text.slice(r.offset, r.offset + r.url.length)).toBe(r.url);
  });
});
