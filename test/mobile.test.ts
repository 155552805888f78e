// Mobile code keeps v1 (spec section 5): never rewritten, reported as mobile-v1-kept with what was detected;
// --platform overrides the detection.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import type { DiscoveredFile } from '../src/discover.js';
import type { Platform } from '../src/scan/platform.js';

const made: string[] = [];
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function project(files: Record<string, string>, platform: Platform = 'auto') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiktok-mobile-'));
  made.push(dir);
  const discovered: DiscoveredFile[] = [];
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    if (!rel.endsWith('package.json')) discovered.push({ path: file, kind: rel.endsWith('.env') ? 'non-code' : 'code', text });
  }
  const result = analyze(discovered, dir, { requestShape: true, compatResponse: false, platform });
  return {
    changed: result.changes.map((c) => path.relative(dir, c.file).split(path.sep).join('/')).sort(),
    findings: result.findings.map((f) => `${f.ruleId} ${f.severity} ${f.file}:${f.line} ${f.fix}`).sort(),
    messages: result.findings.map((f) => f.message),
  };
}

const TOKEN = "export const TOKEN_URL = 'https://open-api.tiktok.com/oauth/access_token/';\n";
const MONOREPO = {
  'packages/web/package.json': '{"name":"web","dependencies":{"express":"^5"}}',
  'packages/web/src/tiktok.js': TOKEN,
  'packages/app/package.json': '{"name":"app","dependencies":{"react-native":"0.74.0"}}',
  'packages/app/src/tiktok.js': TOKEN,
  'packages/app/.env': 'TIKTOK_TOKEN_URL=https://open-api.tiktok.com/oauth/access_token/\n',
};

describe('mobile-v1-kept', () => {
  it('a monorepo: web migrated, the React Native package kept and reported, no error across the two', () => {
    const p = project(MONOREPO);
    expect(p.changed).toEqual(['packages/web/src/tiktok.js']);
    expect(p.findings).toEqual([
      'mobile-v1-kept info packages/app/.env:1 none',
      'mobile-v1-kept info packages/app/src/tiktok.js:1 none',
      // The token URL is a bare exported constant: the call sending it is out of sight, so it is a step to check.
      'token-request-shape error packages/web/src/tiktok.js:1 manual',
      'v1-endpoint error packages/web/src/tiktok.js:1 auto',
    ]);
    expect(p.messages.join('\n')).toContain('app/package.json depends on react-native');
  });

  it.each([
    ['an expo app', { 'package.json': '{"dependencies":{"expo":"51"}}', 'App.js': TOKEN }, 'depends on expo'],
    ['a Capacitor app', { 'package.json': '{"dependencies":{"@capacitor/core":"6"}}', 'src/auth.ts': TOKEN }, 'depends on @capacitor/core'],
    ['an android/ tree', { 'android/app/src/tiktok.js': TOKEN }, 'in an android/ folder'],
    ['an ios/ tree', { 'ios/App/tiktok.js': TOKEN }, 'in an ios/ folder'],
    ['the TikTok mobile SDK', { 'src/login.js': `import TikTok from 'react-native-tiktok';\n${TOKEN}` }, 'TikTok mobile SDK'],
  ])('%s is kept', (_name, files, reason) => {
    const p = project(files);
    expect(p.changed).toEqual([]);
    expect(p.findings.every((f) => f.startsWith('mobile-v1-kept info'))).toBe(true);
    expect(p.messages[0]).toContain(reason);
  });

  it('is not flagged for web code (a plain package, a web folder named app)', () => {
    const p = project({ 'package.json': '{"dependencies":{"react":"18","next":"14"}}', 'app/api/tiktok/route.ts': TOKEN });
    expect(p.changed).toEqual(['app/api/tiktok/route.ts']);
    expect(p.findings.filter((f) => f.startsWith('mobile-v1-kept'))).toEqual([]);
  });

  it('--platform web migrates mobile code too; --platform mobile keeps everything', () => {
    expect(project(MONOREPO, 'web').changed).toEqual(['packages/app/src/tiktok.js', 'packages/web/src/tiktok.js']);
    const mobile = project(MONOREPO, 'mobile');
    expect(mobile.changed).toEqual([]);
    expect(mobile.findings.every((f) => f.startsWith('mobile-v1-kept'))).toBe(true);
    expect(mobile.messages[0]).toContain('--platform mobile');
  });

  it('a base shared by web and mobile code is not rewritten under the mobile code', () => {
    const p = project({
      'shared/config.js': "export const BASE = 'https://open-api.tiktok.com';\n",
      'web/token.js': "import { BASE } from '../shared/config.js';\nexport const url = BASE + '/oauth/access_token/';\n",
      'app/package.json': '{"dependencies":{"react-native":"0.74.0"}}',
      'app/token.js': "import { BASE } from '../shared/config.js';\nexport const url = BASE + '/oauth/refresh_token/';\n",
    });
    expect(p.changed).toEqual([]);
    expect(p.findings).toContain('mobile-v1-kept info app/token.js:2 none');
    expect(p.findings).toContain('v1-endpoint error web/token.js:2 manual');
  });
});
