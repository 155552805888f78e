// mixed-token-use, typescript-eslint style: v1 and v2 OAuth endpoints in one flow (module-level).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';

const made: string[] = [];
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function mixed(files: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiktok-mixed-'));
  made.push(dir);
  const discovered = Object.entries(files).map(([rel, text]) => {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return { path: file, kind: 'code' as const, text };
  });
  return analyze(discovered, dir).findings.filter((f) => f.ruleId === 'mixed-token-use');
}

const V2_EXCHANGE = "export const exchange = () => fetch('https://open.tiktokapis.com/v2/oauth/token/', { method: 'POST' });\n";
const V1_REFRESH = "export const refresh = () => fetch('https://open-api.tiktok.com/oauth/refresh_token/', { method: 'POST' });\n";
const V1_USERINFO = "export const me = (t) => fetch('https://open-api.tiktok.com/user/info/', { method: 'POST', body: JSON.stringify({ access_token: t }) });\n";
const V1_AUTHORIZE = "export const login = (s) => 'https://www.tiktok.com/auth/authorize/?client_key=k&response_type=code&state=' + s;\n";

describe('mixed-token-use', () => {
  it.each([
    ['a v1-only project', { 'a.js': V1_REFRESH, 'b.js': V1_AUTHORIZE }],
    ['a v2-only project', { 'a.js': V2_EXCHANGE, 'b.js': "export const u = 'https://www.tiktok.com/v2/auth/authorize/';\n" }],
    ['v1 and v2 in modules that do not import each other', { 'web/a.js': V2_EXCHANGE, 'legacy/b.js': V1_REFRESH }],
    ['v1 only in a comment next to v2', { 'a.js': `// was https://open-api.tiktok.com/oauth/refresh_token/\n${V2_EXCHANGE}` }],
    ['mobile v1 next to web v2', { 'web/a.js': V2_EXCHANGE, 'app/package.json': '{"dependencies":{"react-native":"0.74"}}', 'app/b.js': V1_REFRESH }],
  ])('valid: %s', (_name, files) => {
    expect(mixed(files)).toEqual([]);
  });

  it('invalid: v2 exchange and v1 refresh in another module that shares the client module (both ends named)', () => {
    const found = mixed({
      'src/client.js': "export const KEY = process.env.TIKTOK_CLIENT_KEY; // TikTok client\n",
      'src/login.js': `import { KEY } from './client.js';\n${V2_EXCHANGE}`,
      'src/jobs/refresh.js': `import { KEY } from '../client.js';\n${V1_REFRESH}`,
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'src/jobs/refresh.js', line: 2, severity: 'error', fix: 'auto', endpoint: 'refresh' });
    expect(found[0].message).toContain('src/login.js:2');
    expect(found[0].message).toContain('module-level');
  });

  it('invalid: a v2 token used with v1 user info in the same module; manual when user info cannot be rewritten', () => {
    const found = mixed({ 'a.js': `${V2_EXCHANGE}export const me = (t) => legacyPost('https://open-api.tiktok.com/user/info/', t);\n` });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 2, fix: 'manual', endpoint: 'user-info' });
    expect(found[0].message).toContain('in the same module');
    expect(found[0].message).toContain('remains after the migration');
  });

  it('invalid: v1 authorize with a v2 token call, resolved by the migration', () => {
    const found = mixed({ 'a.js': `${V1_AUTHORIZE}${V2_EXCHANGE}` });
    expect(found.map((f) => [f.line, f.endpoint, f.fix])).toEqual([[1, 'authorize', 'auto']]);
    expect(found[0].message).toContain('resolves the mix');
  });

  it('invalid: every v1 end is reported, each naming a v2 end', () => {
    const found = mixed({ 'a.js': `${V2_EXCHANGE}${V1_REFRESH}${V1_USERINFO}` });
    expect(found.map((f) => f.line).sort()).toEqual([2, 3]);
    for (const f of found) expect(f.message).toContain('a.js:1');
  });
});
