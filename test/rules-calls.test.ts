// Rule tests for the call rules, in the typescript-eslint RuleTester style: for each rule, `valid` snippets (no finding
// of that rule) and `invalid` snippets with the findings expected (line, column, auto/manual fix, a message substring).
// Unlike test/rules.test.ts, each snippet goes through the whole analysis (`analyze()`: scan -> audit -> transform),
// because these rules report what the request and response rewrites did or could not do.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../src/analyze.js';
import type { Finding } from '../src/report/model.js';
import { RULES } from '../src/rules/index.js';
import type { PlanOptions } from '../src/scan/types.js';

/** One snippet: a file name -> text map, or the text of a single `a.js`. */
type Files = Record<string, string> | string;
interface Expected {
  file?: string;
  line: number;
  column: number;
  fix: Finding['fix'];
  /** A substring of the message. */
  message: string;
  /** A substring of the manual step (fix: 'manual'). */
  manualStep?: string;
}
interface Cases {
  valid: { name: string; files: Files }[];
  invalid: { name: string; files: Files; errors: Expected[] }[];
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function run(files: Files, options?: PlanOptions): Analysis & { dir: string } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tm-rules-calls-')));
  dirs.push(dir);
  const entries = typeof files === 'string' ? { 'a.js': files } : files;
  const list = Object.entries(entries).map(([rel, text]) => {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
    return { path: p, kind: 'code' as const, text };
  });
  return { ...analyze(list, dir, options), dir };
}

function findingsOf(id: string, files: Files, options?: PlanOptions): Finding[] {
  return run(files, options).findings.filter((f) => f.ruleId === id)
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

function ruleTester(id: string, cases: Cases): void {
  const rule = RULES.find((r) => r.meta.id === id)!;
  describe(id, () => {
    it('is registered with meta', () => {
      expect(rule.meta.id).toBe(id);
      expect(rule.meta.docs).toContain(`# ${id}`);
    });
    it.each(cases.valid)('valid: $name', ({ files }) => {
      expect(findingsOf(id, files)).toEqual([]);
    });
    it.each(cases.invalid)('invalid: $name', ({ files, errors }) => {
      const found = findingsOf(id, files);
      const first = typeof files === 'string' ? 'a.js' : Object.keys(files)[0];
      expect(found.map((f) => ({ file: f.file, line: f.line, column: f.column, fix: f.fix }))).toEqual(
        errors.map((e) => ({ file: e.file ?? first, line: e.line, column: e.column, fix: e.fix })),
      );
      found.forEach((f, i) => {
        const e = errors[i];
        expect(f).toMatchObject({ ruleId: id, severity: rule.meta.severity });
        expect(f.message).toContain(e.message);
        if (f.fix === 'manual') {
          expect(f.manualStep).toBeTruthy();
          if (e.manualStep) expect(f.manualStep).toContain(e.manualStep);
        } else expect(f.manualStep).toBeUndefined();
      });
    });
  });
}

// ------------------------------------------------------------------------------------------------- shared snippets

const CREDENTIALS = `const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
`;

/** A v2 code exchange with fetch, its body object and headers given. */
const v2Fetch = (headers: string, body: string, after = '  return res.json();') => `${CREDENTIALS}const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI;

export async function exchangeCode(code) {
  const res = await fetch('https://open.tiktokapis.com/v2/oauth/token/', {
    method: 'POST',
    headers: ${headers},
    body: ${body},
  });
${after}
}
`;
const FORM = "{ 'Content-Type': 'application/x-www-form-urlencoded' }";
const PARAMS = '{ client_key: CLIENT_KEY, client_secret: CLIENT_SECRET, code, grant_type: \'authorization_code\', redirect_uri: REDIRECT_URI }';

// ------------------------------------------------------------------------------------------------ token-request-shape

ruleTester('token-request-shape', {
  valid: [
    {
      name: 'v2 code exchange, fetch, form body and exact Content-Type',
      files: v2Fetch(FORM, `new URLSearchParams(${PARAMS})`, '  const json = await res.json();\n  return json.access_token;'),
    },
    {
      name: 'v1 code exchange, axios, the form built in a local const and sent as params.toString(): reshaped (no manual step)',
      files: `const axios = require('axios');
${CREDENTIALS}
exports.exchange = async (code) => {
  const params = new URLSearchParams(${PARAMS});
  const res = await axios.post('https://open-api.tiktok.com/oauth/access_token/', params.toString());
  return res.data.data.access_token;
};
`,
    },
    {
      name: "v2 client access token (grant_type 'client_credentials'): no code, no redirect_uri needed",
      files: v2Fetch(FORM, "new URLSearchParams({ client_key: CLIENT_KEY, client_secret: CLIENT_SECRET, grant_type: 'client_credentials' })", '  return (await res.json()).access_token;'),
    },
    {
      name: 'v2 refresh, axios, form body',
      files: `const axios = require('axios');
${CREDENTIALS}
exports.refresh = async (refreshToken) => {
  const res = await axios.post(
    'https://open.tiktokapis.com/v2/oauth/token/',
    new URLSearchParams({ client_key: CLIENT_KEY, client_secret: CLIENT_SECRET, grant_type: 'refresh_token', refresh_token: refreshToken }),
    { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
  );
  return res.data.access_token;
};
`,
    },
    {
      name: 'v2 revoke, got form (got sends exactly the form type)',
      files: { 'a.mjs': `import got from 'got';
${CREDENTIALS}
export const revoke = (token) =>
  got.post('https://open.tiktokapis.com/v2/oauth/revoke/', { form: { client_key: CLIENT_KEY, client_secret: CLIENT_SECRET, token } });
` },
    },
    {
      name: 'v1 code exchange with every value in scope: reshaped by the tool, nothing left to report here',
      files: `${CREDENTIALS}const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI;

async function exchangeCode(code) {
  const res = await fetch(\`https://open-api.tiktok.com/oauth/access_token/?client_key=\${CLIENT_KEY}&client_secret=\${CLIENT_SECRET}&code=\${code}&grant_type=authorization_code\`, { method: 'POST' });
  const json = await res.json();
  return json.data.access_token;
}
`,
    },
    {
      name: 'not TikTok Login Kit: a Google token exchange with a JSON body and client_id',
      files: `export const google = (code) =>
  fetch('https://oauth2.googleapis.com/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_id: process.env.GOOGLE_CLIENT_ID, client_secret: process.env.GOOGLE_CLIENT_SECRET, code, grant_type: 'authorization_code' }),
  });
`,
    },
  ],
  invalid: [
    {
      name: 'a token URL in a config map read at run time (configs[platform].tokenUrl): the unseen call is a manual step',
      files: `const configs = { tiktok: { tokenUrl: 'https://open-api.tiktok.com/oauth/access_token/' } };
exports.exchange = (platform, body) => fetch(configs[platform].tokenUrl, { method: 'POST', body });
`,
      errors: [{ line: 1, column: 40, fix: 'manual', message: 'URL is rewritten to v2, but the call that sends it is not in view', manualStep: 'form body' }],
    },
    {
      name: 'v1 code exchange, no redirect_uri anywhere in this module: manual, says what to add',
      files: `${CREDENTIALS}
async function exchangeCode(code) {
  const url = \`https://open-api.tiktok.com/oauth/access_token/?client_key=\${CLIENT_KEY}&client_secret=\${CLIENT_SECRET}&code=\${code}&grant_type=authorization_code\`;
  const res = await fetch(url, { method: 'POST' });
  return (await res.json()).data.access_token;
}
`,
      errors: [{ line: 6, column: 21, fix: 'manual', message: 'it needs redirect_uri (the exact redirect_uri used at authorize), and no value for it was found', manualStep: 'redirect_uri' }],
    },
    {
      name: 'v1 refresh, no client_secret anywhere in this module: manual',
      files: `const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;

async function refresh(refreshToken) {
  const res = await fetch('https://open-api.tiktok.com/oauth/refresh_token/?client_key=' + CLIENT_KEY + '&grant_type=refresh_token&refresh_token=' + refreshToken, { method: 'POST' });
  return res.json();
}
`,
      errors: [{ line: 4, column: 21, fix: 'manual', message: 'it needs client_secret (v2 requires the client secret here), and no value for it was found' }],
    },
    {
      name: 'v1 code exchange sent through a helper function: manual, the client is not one the tool rewrites',
      files: `const https = require('https');
${CREDENTIALS}const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI;

function postJson(url) {
  return new Promise((resolve, reject) => {
    https.request(url, { method: 'POST' }, (res) => {
      let raw = '';
      res.on('data', (c) => (raw += c));
      res.on('end', () => resolve(JSON.parse(raw)));
    }).on('error', reject).end();
  });
}

exports.exchangeCode = (code) =>
  postJson(\`https://open-api.tiktok.com/oauth/access_token/?client_key=\${CLIENT_KEY}&client_secret=\${CLIENT_SECRET}&code=\${code}&grant_type=authorization_code\`);
`,
      errors: [{ line: 17, column: 3, fix: 'manual', message: 'was not reshaped for v2: calls made with this HTTP client are not rewritten yet' }],
    },
    {
      name: "v1 code exchange in a 'use client' file: manual, move it to the server",
      files: { 'app/login/callback.tsx': `'use client';

import { useEffect } from 'react';

export default function Callback({ code }: { code: string }) {
  useEffect(() => {
    fetch(\`https://open-api.tiktok.com/oauth/access_token/?client_key=\${process.env.NEXT_PUBLIC_TIKTOK_CLIENT_KEY}&client_secret=\${process.env.NEXT_PUBLIC_TIKTOK_CLIENT_SECRET}&code=\${code}&grant_type=authorization_code\`, { method: 'POST' });
  }, [code]);
  return null;
}
` },
      errors: [{ line: 7, column: 5, fix: 'manual', message: "runs in the browser (it is a 'use client' file): move it to your server" }],
    },
    {
      name: 'v1 refresh in a component folder: manual, move it to the server',
      files: { 'src/components/TikTokSession.js': `${CREDENTIALS}
export function refreshSession(refreshToken) {
  return fetch('https://open-api.tiktok.com/oauth/refresh_token/?client_key=' + CLIENT_KEY + '&grant_type=refresh_token&refresh_token=' + refreshToken, { method: 'POST' });
}
` },
      errors: [{ line: 5, column: 10, fix: 'manual', message: 'this call runs in the browser (it is in a front-end folder (components/)): move it to your server' }],
    },
    {
      name: 'v2 code exchange with a JSON body: auto',
      files: v2Fetch("{ 'Content-Type': 'application/json' }", `JSON.stringify(${PARAMS})`, '  const json = await res.json();\n  return json.access_token;'),
      errors: [{ line: 6, column: 21, fix: 'auto', message: 'it sends a JSON body, and v2 accepts only application/x-www-form-urlencoded' }],
    },
    {
      name: 'v2 code exchange with client_id instead of client_key: auto',
      files: v2Fetch(FORM, 'new URLSearchParams({ client_id: CLIENT_KEY, client_secret: CLIENT_SECRET, code, grant_type: \'authorization_code\', redirect_uri: REDIRECT_URI })',
        '  const json = await res.json();\n  return json.access_token;'),
      errors: [{ line: 6, column: 21, fix: 'auto', message: 'it sends client_id, and TikTok calls it client_key' }],
    },
    {
      name: 'v2 code exchange with ;charset=UTF-8: auto',
      files: v2Fetch("{ 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' }", `new URLSearchParams(${PARAMS})`,
        '  const json = await res.json();\n  return json.access_token;'),
      errors: [{ line: 6, column: 21, fix: 'auto', message: 'its Content-Type is not exactly application/x-www-form-urlencoded' }],
    },
    {
      name: 'v2 code exchange without redirect_uri, the authorize URL of the same module has it: auto',
      files: `${CREDENTIALS}const REDIRECT_URI = 'https://app.example.com/auth/tiktok/callback';

export const authorizeUrl = (state) =>
  \`https://www.tiktok.com/v2/auth/authorize/?client_key=\${CLIENT_KEY}&scope=user.info.basic&response_type=code&redirect_uri=\${encodeURIComponent(REDIRECT_URI)}&state=\${state}\`;

export async function exchangeCode(code) {
  const res = await fetch('https://open.tiktokapis.com/v2/oauth/token/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_key: CLIENT_KEY, client_secret: CLIENT_SECRET, code, grant_type: 'authorization_code' }),
  });
  const json = await res.json();
  return json.access_token;
}
`,
      errors: [{ line: 9, column: 21, fix: 'auto', message: 'it lacks redirect_uri' }],
    },
    {
      name: 'v2 code exchange without redirect_uri and no value for it in scope: manual',
      files: v2Fetch(FORM, 'new URLSearchParams({ client_key: CLIENT_KEY, client_secret: CLIENT_SECRET, code, grant_type: \'authorization_code\' })',
        '  const json = await res.json();\n  return json.access_token;').replace("const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI;\n", ''),
      errors: [{ line: 5, column: 21, fix: 'manual', message: 'it lacks redirect_uri (it needs redirect_uri (the exact redirect_uri used at authorize), and no value for it was found in this code, so the request was left as it is (the manual step has the whole v2 request))' }],
    },
  ],
});

// ---------------------------------------------------------------------------------------------- v1-response-shape

const V1_EXCHANGE = `${CREDENTIALS}const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI;
`;
const v1FetchCall = "await fetch(`https://open-api.tiktok.com/oauth/access_token/?client_key=${CLIENT_KEY}&client_secret=${CLIENT_SECRET}&code=${code}&grant_type=authorization_code`, { method: 'POST' })";

const RETURNS_WHOLE_V1 = `${V1_EXCHANGE}
// Callers read result.data.access_token.
async function requestToken(code) {
  const res = ${v1FetchCall};
  const json = await res.json();
  return json;
}

module.exports = { requestToken };
`;

const V2_RETURNS_JSON = v2Fetch(FORM, `new URLSearchParams(${PARAMS})`,
  "  const json = await res.json();\n  if (json.error) throw new Error(json.error_description);\n  return json;");

ruleTester('v1-response-shape', {
  valid: [
    {
      name: 'the v1 response only logged or put into an error message (not a consumer of its fields)',
      files: RETURNS_WHOLE_V1.replace('  return json;', "  console.log('token response', JSON.stringify(json, null, 2));\n  if (!json.data) throw new Error(`token failed: ${JSON.stringify(json)}`);\n  return json.data.access_token;"),
    },
    {
      name: 'v2 fetch call read in the v2 shape (json.access_token)',
      files: v2Fetch(FORM, `new URLSearchParams(${PARAMS})`,
        '  const json = await res.json();\n  if (json.error) throw new Error(json.error_description);\n  return { token: json.access_token, openId: json.open_id };'),
    },
    {
      name: 'v2 axios call: res.data.access_token is right for axios',
      files: `const axios = require('axios');
${CREDENTIALS}const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI;

exports.exchangeCode = async (code) => {
  const res = await axios.post(
    'https://open.tiktokapis.com/v2/oauth/token/',
    new URLSearchParams({ client_key: CLIENT_KEY, client_secret: CLIENT_SECRET, code, grant_type: 'authorization_code', redirect_uri: REDIRECT_URI }),
    { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
  );
  if (res.data.error) throw new Error(res.data.error_description);
  return res.data.access_token;
};
`,
    },
    {
      name: 'v1 call whose reads the tool moves to the v2 shape (no v2 call here, so nothing is left to report)',
      files: `${V1_EXCHANGE}
async function exchangeCode(code) {
  const res = ${v1FetchCall};
  const json = await res.json();
  if (json.message === 'error') throw new Error(json.data.description);
  return json.data.access_token;
}
`,
    },
    {
      // Already v2 and read the v2 way; its callers get the flat v2 body. Reporting it would never go away (a second
      // run, --check in CI), and --compat-response would wrap correct v2 code.
      name: 'v2 call that returns its (already v2) body to the callers',
      files: V2_RETURNS_JSON,
    },
  ],
  invalid: [
    {
      name: 'v1-shaped reads on a v2 fetch call: auto',
      files: v2Fetch(FORM, `new URLSearchParams(${PARAMS})`,
        "  const json = await res.json();\n  if (json.message === 'error') throw new Error(json.data.description);\n  return { token: json.data.access_token, openId: json.data.open_id };"),
      errors: [{ line: 6, column: 21, fix: 'auto', message: 'read in the v1 shape (4 reads' }],
    },
    {
      name: 'v1-shaped reads on a v2 axios call (res.data.data.access_token): auto',
      files: `const axios = require('axios');
${CREDENTIALS}
exports.refresh = async (refreshToken) => {
  const res = await axios.post(
    'https://open.tiktokapis.com/v2/oauth/token/',
    new URLSearchParams({ client_key: CLIENT_KEY, client_secret: CLIENT_SECRET, grant_type: 'refresh_token', refresh_token: refreshToken }),
    { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
  );
  return res.data.data.access_token;
};
`,
      errors: [{ line: 6, column: 21, fix: 'auto', message: 'read in the v1 shape (1 read,' }],
    },
    {
      name: 'the whole v1 response is returned from the function: manual',
      files: RETURNS_WHOLE_V1,
      errors: [{ line: 9, column: 10, fix: 'manual', message: 'response leaves here whole', manualStep: '--compat-response' }],
    },
    {
      name: 'a v1 response type declared with data: manual, at the type',
      files: { 'a.ts': `interface TikTokTokenResponse {
  data: { access_token: string; open_id: string; error_code: number; description: string };
  message: 'success' | 'error';
}
const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY!;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET!;
const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI!;

export async function exchangeCode(code: string): Promise<string> {
  const res = ${v1FetchCall};
  const json: TikTokTokenResponse = await res.json();
  return json.data.access_token;
}
` },
      errors: [{ line: 1, column: 1, fix: 'manual', message: "type TikTokTokenResponse still describes v1's { data, message } wrapper" }],
    },
    {
      name: 'a field v2 does not return (captcha): manual',
      files: `${V1_EXCHANGE}
async function exchangeCode(code) {
  const res = ${v1FetchCall};
  const json = await res.json();
  if (json.data.captcha) throw new Error('captcha required');
  return json.data.access_token;
}
`,
      errors: [{ line: 8, column: 7, fix: 'manual', message: 'reads json.data.captcha, which v2 does not return' }],
    },
    {
      name: 'v1 error_code compared with a specific code: manual',
      files: `${V1_EXCHANGE}
async function exchangeCode(code) {
  const res = ${v1FetchCall};
  const json = await res.json();
  if (json.data.error_code === 10002) throw new Error('bad code');
  return json.data.access_token;
}
`,
      errors: [{ line: 8, column: 7, fix: 'manual', message: "compares v1's numeric error_code" }],
    },
    {
      // Missed today: the reads of `await fetch(…).then((r) => r.json())` are neither moved nor reported.
      name: 'v1-shaped reads of `await fetch(…).then((r) => r.json())` on a v2 call: auto',
      files: v2Fetch(FORM, `new URLSearchParams(${PARAMS})`, '  return 0;')
        .replace('const res = await fetch(', 'const json = await fetch(').replace('  });\n  return 0;', '  }).then((r) => r.json());\n  return json.data.access_token;'),
      errors: [{ line: 6, column: 22, fix: 'auto', message: 'read in the v1 shape (1 read,' }],
    },
  ],
});

describe('v1-response-shape with --compat-response', () => {
  const COMPAT: PlanOptions = { requestShape: true, compatResponse: true };

  it('wraps the escaping v1 response as { data: json } at that spot, and reports nothing left to do there', () => {
    const { changes, findings } = run(RETURNS_WHOLE_V1, COMPAT);
    expect(changes).toHaveLength(1);
    expect(changes[0].after).toContain('  const json = await res.json();\n  return { data: json };\n}');
    expect(changes[0].after).toContain("body: new URLSearchParams({");
    expect(findings.filter((f) => f.ruleId === 'v1-response-shape' && f.fix === 'manual')).toEqual([]);
  });

  it('a second run changes nothing (the wrap is not wrapped again)', () => {
    const first = run(RETURNS_WHOLE_V1, COMPAT).changes[0].after;
    const second = run(first, COMPAT);
    expect(second.changes.map((c) => c.after)).toEqual([]);
  });

  it('leaves a v2 call that returns its v2 body alone', () => {
    const { changes } = run(V2_RETURNS_JSON, COMPAT);
    expect(changes).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------- v2-userinfo-error-check

const userInfo = (check: string, prelude = '') => `${prelude}export async function getUser(accessToken) {
  const res = await fetch('https://open.tiktokapis.com/v2/user/info/?fields=open_id,display_name,avatar_url', {
    headers: { Authorization: \`Bearer \${accessToken}\` },
  });
  const body = await res.json();
  ${check}
  return body.data.user;
}
`;

ruleTester('v2-userinfo-error-check', {
  valid: [
    { name: "error.code !== 'ok'", files: userInfo("if (body.error.code !== 'ok') throw new Error(body.error.message);") },
    { name: "error.code === 'ok' in a ternary", files: userInfo("if (!(body.error.code === 'ok')) return null;") },
    { name: 'no error check at all', files: userInfo('') },
    {
      name: 'v1 user info (its error.code !== 0 is fixed together with the call, reported by v1-endpoint)',
      files: `export async function getUser(accessToken, openId) {
  const res = await fetch('https://open-api.tiktok.com/user/info/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ open_id: openId, access_token: accessToken, fields: ['open_id', 'display_name'] }),
  });
  const json = await res.json();
  if (json.error.code !== 0) throw new Error(json.error.message);
  return json.data.user;
}
`,
    },
    {
      name: 'the Business API user info (not Login Kit) with if (error.code)',
      files: `export async function adsUser(token) {
  const res = await fetch('https://business-api.tiktok.com/open_api/v1.3/user/info/', { headers: { 'Access-Token': token } });
  const body = await res.json();
  if (body.error.code) throw new Error(body.message);
  return body.data;
}
`,
    },
  ],
  invalid: [
    {
      name: 'if (body.error.code) on v2: auto',
      files: userInfo('if (body.error.code) throw new Error(body.error.message);'),
      errors: [{ line: 2, column: 21, fix: 'auto', message: "treats success as failure (error.code is \"ok\" on success); 1 check rewritten to compare with 'ok'" }],
    },
    {
      name: 'error.code !== 0 on v2: auto',
      files: userInfo('if (body.error.code !== 0) throw new Error(body.error.message);'),
      errors: [{ line: 2, column: 21, fix: 'auto', message: '1 check rewritten' }],
    },
    {
      name: '!body.error.code and a || chain on v2: auto, both checks',
      files: userInfo('if (!body.error.code) console.log(\'ok\');\n  if (body.error.code || !body.data) throw new Error(body.error.message);'),
      errors: [{ line: 2, column: 21, fix: 'auto', message: '2 checks rewritten' }],
    },
    {
      name: 'axios v2 user info, res.data.error.code !== 0: auto',
      files: `import axios from 'axios';

export async function getUser(accessToken) {
  const res = await axios.get('https://open.tiktokapis.com/v2/user/info/', {
    params: { fields: 'open_id,display_name' },
    headers: { Authorization: \`Bearer \${accessToken}\` },
  });
  if (res.data.error.code !== 0) throw new Error(res.data.error.message);
  return res.data.data.user;
}
`,
      errors: [{ line: 4, column: 21, fix: 'auto', message: '1 check rewritten' }],
    },
    {
      // Missed today: the body of `await fetch(…).then((r) => r.json())` is not followed.
      name: 'if (json.error.code) on `await fetch(…).then((r) => r.json())`: auto',
      files: `export async function getUser(accessToken) {
  const json = await fetch('https://open.tiktokapis.com/v2/user/info/?fields=open_id', {
    headers: { Authorization: \`Bearer \${accessToken}\` },
  }).then((r) => r.json());
  if (json.error.code) throw new Error(json.error.message);
  return json.data.user;
}
`,
      errors: [{ line: 2, column: 22, fix: 'auto', message: '1 check rewritten' }],
    },
  ],
});

describe('v2-userinfo-error-check fix', () => {
  it("rewrites the checks to compare with 'ok'", () => {
    const { changes } = run(userInfo('if (!body.error.code) console.log(\'ok\');\n  if (body.error.code || !body.data) throw new Error(body.error.message);'));
    expect(changes[0].after).toContain("if (body.error.code === 'ok') console.log('ok');\n  if (body.error.code !== 'ok' || !body.data) throw");
  });
});
