// Rule tests in the typescript-eslint RuleTester style: for each rule, `valid` snippets (no finding of that rule)
// and `invalid` snippets with the findings expected. Snippets are written to a temp dir as real files, scanned with
// scan(), then checked with rule.check(result, tmpdir).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileKind } from '../src/discover.js';
import { endpointById, type EndpointId } from '../src/endpoints.js';
import type { Finding } from '../src/report/model.js';
import { RULES } from '../src/rules/index.js';
import type { Rule } from '../src/rules/rule.js';
import { scan } from '../src/scan/scan.js';

/** One snippet: a file name -> text map, or the text of a single `a.js`. */
type Files = Record<string, string> | string;
interface Expected {
  file?: string;
  severity: Finding['severity'];
  line: number;
  column: number;
  fix: Finding['fix'];
  /** A substring of the message. */
  message: string;
  endpoint?: EndpointId;
}
interface Cases {
  valid: { name: string; files: Files }[];
  invalid: { name: string; files: Files; errors: Expected[] }[];
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function check(rule: Rule, files: Files): Finding[] {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tm-rules-')));
  dirs.push(dir);
  const entries = typeof files === 'string' ? { 'a.js': files } : files;
  const list = Object.entries(entries).map(([rel, text]) => {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
    const kind = fileKind(p);
    if (!kind) throw new Error(`not a scanned file type: ${rel}`);
    return { path: p, kind, text };
  });
  return rule.check(scan(list), dir).sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

function ruleTester(id: string, cases: Cases): void {
  const rule = RULES.find((r) => r.meta.id === id)!;
  describe(id, () => {
    it('is registered with meta', () => {
      expect(rule.meta.id).toBe(id);
      expect(rule.meta.docs).toContain(`# ${id}`);
    });
    it.each(cases.valid)('valid: $name', ({ files }) => {
      expect(check(rule, files)).toEqual([]);
    });
    it.each(cases.invalid)('invalid: $name', ({ files, errors }) => {
      const found = check(rule, files);
      expect(found.map((f) => ({ file: f.file, line: f.line, column: f.column }))).toEqual(
        errors.map((e) => ({ file: e.file ?? (typeof files === 'string' ? 'a.js' : Object.keys(files)[0]), line: e.line, column: e.column })),
      );
      found.forEach((f, i) => {
        const e = errors[i];
        expect(f).toMatchObject({ ruleId: id, severity: e.severity, fix: e.fix });
        expect(f.message).toContain(e.message);
        if (e.endpoint) expect(f.endpoint).toBe(e.endpoint);
        if (f.fix === 'manual') {
          expect(f.manualStep).toBeTruthy();
          if (f.endpoint) expect(f.manualStep).toContain(endpointById(f.endpoint).manualStep);
        } else expect(f.manualStep).toBeUndefined();
      });
    });
  });
}

const v1 = (endpoint: EndpointId, url: string, fix: 'auto' | 'manual', message: string): Cases['invalid'][number] => ({
  name: `${endpoint} ${url}`,
  files: `const u = '${url}';\n`,
  errors: [{ severity: 'error', line: 1, column: 12, fix, message, endpoint }],
});

ruleTester('v1-endpoint', {
  valid: [
    { name: 'Marketing API (business-api)', files: `const u = 'https://business-api.tiktok.com/open_api/v1.3/oauth2/access_token/';\n` },
    { name: 'Douyin', files: `const u = 'https://open.douyin.com/oauth/access_token/';\n` },
    { name: 'profile link', files: `const u = 'https://www.tiktok.com/@user';\n` },
    { name: 'video link', files: `const u = 'https://www.tiktok.com/@user/video/123';\n` },
    { name: 'embed link', files: `const u = \`https://www.tiktok.com/embed/v2/1\`;\n` },
    { name: 'oembed', files: `fetch('https://www.tiktok.com/oembed?url=' + encodeURIComponent(link));\n` },
    { name: 'developer docs', files: `// https://developers.tiktok.com/doc/login-kit-web/\nconst d = 'https://developers.tiktok.com/doc/oauth-user-access-token-management/';\n` },
    {
      name: 'already v2',
      files: `const a = 'https://www.tiktok.com/v2/auth/authorize/';\nconst t = "https://open.tiktokapis.com/v2/oauth/token/";\nconst r = 'https://open.tiktokapis.com/v2/oauth/revoke/';\nconst m = 'https://open.tiktokapis.com/v2/user/info/?fields=open_id';\n// https://open.tiktokapis.com/v2/oauth/token/\n`,
    },
    { name: 'a hybrid is hybrid-host, not v1-endpoint', files: `const u = 'https://open-api.tiktok.com/v2/oauth/token/';\n` },
    { name: 'non-code files are non-code-reference', files: { '.env': 'TOKEN_URL=https://open-api.tiktok.com/oauth/access_token/\n' } },
    { name: 'no TikTok at all', files: `const u = 'https://example.com/oauth/access_token/';\n` },
  ],
  invalid: [
    v1('authorize', 'https://www.tiktok.com/auth/authorize/?client_key=k', 'auto', '-> https://www.tiktok.com/v2/auth/authorize/'),
    v1('authorize', 'https://open-api.tiktok.com/platform/oauth/connect/', 'auto', '-> https://www.tiktok.com/v2/auth/authorize/'),
    v1('token', 'https://open-api.tiktok.com/oauth/access_token/', 'auto', 'v1 token endpoint (code -> token) URL https://open-api.tiktok.com/oauth/access_token/ -> https://open.tiktokapis.com/v2/oauth/token/'),
    v1('refresh', 'https://open-api.tiktok.com/oauth/refresh_token', 'auto', '-> https://open.tiktokapis.com/v2/oauth/token/'),
    v1('revoke', 'http://open-api.tiktok.com/oauth/revoke/', 'auto', '-> https://open.tiktokapis.com/v2/oauth/revoke/'),
    v1('user-info', 'https://open-api.tiktok.com/user/info/', 'manual', 'needs a manual change: the v2 user info call must change with its URL'),
    v1('user-info', 'https://open-api.tiktok.com/oauth/userinfo/', 'manual', 'needs a manual change'),
    v1('video-list', 'https://open-api.tiktok.com/video/list/', 'manual', 'video list'),
    v1('video-query', 'https://open-api.tiktok.com/video/query/', 'manual', 'video query'),
    v1('share-video', 'https://open-api.tiktok.com/share/video/upload/', 'manual', 'there is no 1:1 v2 successor'),
    v1('qrcode-get', 'https://open-api.tiktok.com/v0/oauth/get_qrcode/', 'manual', 'needs a manual change'),
    v1('qrcode-check', 'https://open-api.tiktok.com/v0/oauth/check_qrcode/', 'manual', 'needs a manual change'),
    {
      name: 'comments are information only',
      files: `/* v1 was https://www.tiktok.com/auth/authorize/ and\n * https://open-api.tiktok.com/oauth/refresh_token/ */\nconst x = 1; // https://open-api.tiktok.com/user/info/\n`,
      errors: [
        { severity: 'info', line: 1, column: 11, fix: 'none', message: 'in a comment (left alone)', endpoint: 'authorize' },
        { severity: 'info', line: 2, column: 4, fix: 'none', message: 'in a comment (left alone)', endpoint: 'refresh' },
        { severity: 'info', line: 3, column: 17, fix: 'none', message: 'in a comment (left alone)', endpoint: 'user-info' },
      ],
    },
    {
      name: 'a v1 base URL on its own',
      files: `export const API = 'https://open-api.tiktok.com';\n`,
      errors: [{ severity: 'error', line: 1, column: 21, fix: 'manual', message: 'a v1 base URL whose paths are not all visible here' }],
    },
    {
      name: 'a path not in the map',
      files: `const u = 'https://open-api.tiktok.com/some/thing/';\n`,
      errors: [{ severity: 'error', line: 1, column: 12, fix: 'manual', message: 'not in the v1 -> v2 map' }],
    },
    {
      name: 'a base joined to a runtime path',
      files: `export const call = (p) => fetch('https://open-api.tiktok.com/' + p);\n`,
      errors: [{ severity: 'error', line: 1, column: 34, fix: 'manual', message: 'the path is chosen at run time' }],
    },
    {
      name: 'a file that does not parse is still reported, from its text',
      files: `const a = 1;\nconst u = "https://open-api.tiktok.com/oauth/access_token/";\nfunction (\n`,
      errors: [{ severity: 'error', line: 2, column: 12, fix: 'manual', message: 'the file does not parse', endpoint: 'token' }],
    },
    {
      name: 'the script block of a .vue file, in file coordinates',
      files: { 'C.vue': `<template>\n  <div/>\n</template>\n<script setup lang="ts">\nconst url: string = "https://open-api.tiktok.com/oauth/access_token/";\n</script>\n` },
      errors: [{ severity: 'error', line: 5, column: 22, fix: 'auto', message: '-> https://open.tiktokapis.com/v2/oauth/token/', endpoint: 'token' }],
    },
    {
      // BUG: a comment inside JSX ({/* … */}) is not seen by commentReferences (src/scan/scan.ts).
      name: 'a comment inside JSX',
      files: { 'A.jsx': `export const A = () => <div>{/* https://open-api.tiktok.com/oauth/revoke/ */}</div>;\n` },
      errors: [{ severity: 'info', line: 1, column: 33, fix: 'none', message: 'in a comment', endpoint: 'revoke' }],
    },
  ],
});

ruleTester('hybrid-host', {
  valid: [
    { name: 'v2 URLs', files: `const t = 'https://open.tiktokapis.com/v2/oauth/token/';\nconst a = 'https://www.tiktok.com/v2/auth/authorize/';\n` },
    { name: 'v1 URLs are v1-endpoint', files: `const t = 'https://open-api.tiktok.com/oauth/access_token/';\n` },
    { name: 'a hybrid in a comment', files: `// was https://open-api.tiktok.com/v2/oauth/token/\nexport {};\n` },
    { name: 'a hybrid in a non-code file', files: { 'config.json': '{ "url": "https://open.tiktok.com/v2/user/info/" }\n' } },
  ],
  invalid: [
    {
      name: 'open-api.tiktok.com/v2/oauth/token/',
      files: `const u = 'https://open-api.tiktok.com/v2/oauth/token/';\n`,
      errors: [{ severity: 'error', line: 1, column: 12, fix: 'auto', message: 'the host never served v2 -> https://open.tiktokapis.com/v2/oauth/token/' }],
    },
    {
      name: 'open.tiktok.com/v2/user/info/',
      files: `fetch("https://open.tiktok.com/v2/user/info/?fields=open_id");\n`,
      errors: [{ severity: 'error', line: 1, column: 8, fix: 'auto', message: '-> https://open.tiktokapis.com/v2/user/info/', endpoint: 'user-info' }],
    },
    {
      name: 'open-api.tiktok.com/v2/auth/authorize/ (the authorize page lives on www.tiktok.com)',
      files: `\nconst u = \`https://open-api.tiktok.com/v2/auth/authorize/?client_key=\${k}\`;\n`,
      errors: [{ severity: 'error', line: 2, column: 12, fix: 'auto', message: '-> https://www.tiktok.com/v2/auth/authorize/', endpoint: 'authorize' }],
    },
    {
      name: 'open.tiktokapis.com/v2/auth/authorize/',
      files: `const u = 'https://open.tiktokapis.com/v2/auth/authorize/';\n`,
      errors: [{ severity: 'error', line: 1, column: 12, fix: 'auto', message: '-> https://www.tiktok.com/v2/auth/authorize/' }],
    },
    {
      name: 'a hybrid base also joined to a runtime path: manual',
      files: `const B = 'https://open.tiktok.com';\nconst t = B + '/v2/oauth/token/';\nexport const x = (p) => fetch(B + p);\n`,
      errors: [{ severity: 'error', line: 2, column: 11, fix: 'manual', message: 'also joined to a value known only at run time' }],
    },
  ],
});

ruleTester('non-code-reference', {
  valid: [
    { name: 'v2 in .env', files: { '.env': 'TIKTOK_TOKEN_URL=https://open.tiktokapis.com/v2/oauth/token/\n' } },
    { name: 'Marketing API in JSON', files: { 'c.json': '{ "u": "https://business-api.tiktok.com/open_api/v1.3/oauth2/access_token/" }\n' } },
    { name: 'docs and profile links in HTML', files: { 'i.html': '<a href="https://developers.tiktok.com/doc/login-kit-web/">docs</a> <a href="https://www.tiktok.com/@me">me</a>\n' } },
    { name: 'the script block of a .vue file is code', files: { 'C.vue': '<template><div/></template>\n<script>\nconst u = "https://open-api.tiktok.com/oauth/revoke/";\n</script>\n' } },
    { name: 'code files', files: `const u = 'https://open-api.tiktok.com/oauth/revoke/';\n` },
  ],
  invalid: [
    {
      name: '.env',
      files: { '.env': 'A=1\nTIKTOK_TOKEN_URL=https://open-api.tiktok.com/oauth/access_token/\nTIKTOK_API=https://open-api.tiktok.com\n' },
      errors: [
        { severity: 'error', line: 2, column: 18, fix: 'manual', message: 'in a non-code file: change it by hand to https://open.tiktokapis.com/v2/oauth/token/', endpoint: 'token' },
        { severity: 'error', line: 3, column: 12, fix: 'manual', message: 'in a non-code file' },
      ],
    },
    {
      name: '.env.local with a hybrid',
      files: { '.env.local': 'X=https://open.tiktok.com/v2/oauth/token/\n' },
      errors: [{ severity: 'error', line: 1, column: 3, fix: 'manual', message: 'Hybrid token endpoint (code -> token) URL https://open.tiktok.com/v2/oauth/token/' }],
    },
    {
      name: '.json, also with escaped slashes',
      files: { 'c.json': '{\n  "auth": "https://www.tiktok.com/auth/authorize/",\n  "t": "https:\\/\\/open-api.tiktok.com\\/oauth\\/revoke\\/"\n}\n' },
      errors: [
        { severity: 'error', line: 2, column: 12, fix: 'manual', message: 'to https://www.tiktok.com/v2/auth/authorize/', endpoint: 'authorize' },
        { severity: 'error', line: 3, column: 9, fix: 'manual', message: 'to https://open.tiktokapis.com/v2/oauth/revoke/', endpoint: 'revoke' },
      ],
    },
    {
      name: '.yaml',
      files: { 'c.yaml': 'tiktok:\n  userinfo: https://open-api.tiktok.com/user/info/\n' },
      errors: [{ severity: 'error', line: 2, column: 13, fix: 'manual', message: 'v1 user info endpoint URL', endpoint: 'user-info' }],
    },
    {
      name: '.yml',
      files: { 'c.yml': 'refresh: "open-api.tiktok.com/oauth/refresh_token"\n' },
      errors: [{ severity: 'error', line: 1, column: 11, fix: 'manual', message: 'v1 refresh endpoint URL open-api.tiktok.com/oauth/refresh_token', endpoint: 'refresh' }],
    },
    {
      name: '.html, inline scripts included',
      files: { 'p.html': '<html>\n<a href="https://www.tiktok.com/auth/authorize/?client_key=x">x</a>\n<script>\nconst t = "https://open-api.tiktok.com/oauth/revoke/";\n</script>\n' },
      errors: [
        { severity: 'error', line: 2, column: 10, fix: 'manual', message: 'authorize', endpoint: 'authorize' },
        { severity: 'error', line: 4, column: 12, fix: 'manual', message: 'revoke', endpoint: 'revoke' },
      ],
    },
    {
      name: 'the template of a .vue file',
      files: { 'C.vue': '<template>\n  <a href="https://www.tiktok.com/auth/authorize/">login</a>\n</template>\n<script setup>\nconst x = 1;\n</script>\n' },
      errors: [{ severity: 'error', line: 2, column: 12, fix: 'manual', message: 'in a non-code file', endpoint: 'authorize' }],
    },
    {
      name: 'the markup of a .svelte file',
      files: { 'S.svelte': '<script>\n  const u = `https://open-api.tiktok.com/oauth/refresh_token/`;\n</script>\n<a href="https://open-api.tiktok.com/oauth/revoke/">x</a>\n' },
      errors: [{ severity: 'error', line: 4, column: 10, fix: 'manual', message: 'revoke', endpoint: 'revoke' }],
    },
  ],
});

ruleTester('parse-error', {
  valid: [
    { name: 'JS with JSX', files: `export const A = () => <a href="https://www.tiktok.com/v2/auth/authorize/">x</a>;\n` },
    { name: 'TypeScript', files: { 't.ts': 'enum E { A }\nconst f = <T,>(a: T): T => a;\nexport type U = `https://${string}`;\n' } },
    { name: 'broken JSON is never parsed', files: { 'c.json': '{ "a": "https://open-api.tiktok.com/oauth/revoke/", }\n' } },
    { name: 'a .vue template is not parsed as code', files: { 'C.vue': '<template>\n  <div :a="{{ }}"></div>\n</template>\n<script>\nexport default {};\n</script>\n' } },
  ],
  invalid: [
    {
      name: 'a JS syntax error, at its line',
      files: `const a = 1;\nconst u = "https://open-api.tiktok.com/oauth/access_token/";\nfunction (\n`,
      errors: [{ severity: 'warning', line: 3, column: 10, fix: 'manual', message: 'Could not parse: Identifier expected' }],
    },
    {
      name: 'a TS syntax error',
      files: { 'z.ts': '\n\nconst x: number = ;\n' },
      errors: [{ severity: 'warning', line: 3, column: 19, fix: 'manual', message: 'The file was left unchanged.' }],
    },
    {
      name: 'a syntax error in a .vue script block, in file coordinates',
      files: { 'x.vue': '<template>\n  <div/>\n</template>\n<script>\nconst a = ;\n</script>\n' },
      errors: [{ severity: 'warning', line: 5, column: 11, fix: 'manual', message: 'Expression expected' }],
    },
    {
      // BUG: TypeScript diagnostics end with '.', parse-error.ts appends another: "Expression expected.. The file…".
      name: 'the message reads as one sentence',
      files: 'const a = ;\n',
      errors: [{ severity: 'warning', line: 1, column: 11, fix: 'manual', message: 'Could not parse: Expression expected. The file was left unchanged.' }],
    },
  ],
});
