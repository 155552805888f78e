// The mixed v1/v2 shapes of issue 5 as small projects (fixtures/mixed/<shape>/), run through the built CLI in a temp
// copy: the mixed-token-use findings (flow-level, both ends' file:line, which side to move, resolved by this run or
// not), then a dry run against an apply and a second run on the applied tree. Needs `npm run build` (pretest).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin', 'tiktok-migrate.js');
const FIXTURES = path.join(ROOT, 'fixtures', 'mixed');

interface Finding {
  ruleId: string;
  severity: string;
  file: string;
  line: number;
  fix: string;
  message: string;
  manualStep?: string;
  applied?: boolean;
}

interface Run {
  code: number | null;
  stdout: string;
  findings: Finding[];
  changes: string[];
}

const made: string[] = [];
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A fresh copy of fixtures/mixed/<name> (outside any git work tree). */
function copy(name: string): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tiktok-mixed-fixture-')), name);
  made.push(path.dirname(dir));
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

/** Runs the CLI in `dir` on '.', with a JSON report kept outside the tree. */
function run(dir: string, ...flags: string[]): Run {
  const report = path.join(path.dirname(dir), `report-${made.length}-${Date.now()}.json`);
  const r = spawnSync(process.execPath, [BIN, ...flags, '--format', 'json', '--report', report, '.'], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' },
  });
  expect(fs.existsSync(report), r.stderr).toBe(true);
  const json = JSON.parse(fs.readFileSync(report, 'utf8')) as { findings: Finding[]; changes: { file: string }[] };
  return { code: r.status, stdout: r.stdout, findings: json.findings, changes: json.changes.map((c) => c.file).sort() };
}

const mixed = (r: Run) => r.findings.filter((f) => f.ruleId === 'mixed-token-use');

/** Every file under `dir` with its bytes. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile()) out.set(path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'), fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'));
  return out;
}

function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f)).sort();
}

describe('fixtures/mixed', () => {
  it('v2-exchange-v1-refresh: the v2 exchange in one module, its refresh token renewed on v1 in another (flow-level, resolved)', () => {
    const dir = copy('v2-exchange-v1-refresh');
    const before = snapshot(dir);
    const dry = run(dir, '--dry-run');
    expect(dry.code).toBe(1);
    expect(changed(before, snapshot(dir))).toEqual([]);
    expect(dry.changes).toEqual(['src/tiktok/session.js']);
    const [f, ...rest] = mixed(dry);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', file: 'src/tiktok/session.js', line: 5, fix: 'auto' });
    expect(f.message).toContain('(flow-level)');
    expect(f.message).not.toContain('module-level');
    expect(f.message).toContain('tokens from the v2 token endpoint (code -> token) at src/tiktok/login.js:21');
    expect(f.message).toContain('go to the v1 refresh endpoint at src/tiktok/session.js:16 with its URL at src/tiktok/session.js:5');
    expect(f.message).toContain('returned by exchangeCode(), stored in sessions');
    expect(f.message).toContain('Move the v1 side (src/tiktok/session.js:16');
    expect(f.message).toContain('this migration does it, which resolves the mix');
    expect(f.applied).toBeUndefined();

    const applied = run(dir);
    expect(changed(before, snapshot(dir))).toEqual(['src/tiktok/session.js']);
    expect(mixed(applied)).toMatchObject([{ file: 'src/tiktok/session.js', line: 5, fix: 'auto', applied: true }]);
    expect(applied.code).toBe(0);
    const again = run(dir, '--dry-run');
    expect(mixed(again)).toEqual([]);
    expect(again.changes).toEqual([]);
    expect(again.code).toBe(0);
  });

  it('v2-token-v1-userinfo: a v2 token handed to v1 user info (resolved) and to v1 video list (remains)', () => {
    const dir = copy('v2-token-v1-userinfo');
    const dry = run(dir, '--dry-run');
    const found = mixed(dry).map((f) => `${f.file}:${f.line} ${f.fix}`).sort();
    expect(found).toEqual(['src/profile.ts:6 auto', 'src/videos.ts:5 manual']);
    const [profile, videos] = [...mixed(dry)].sort((a, b) => a.file.localeCompare(b.file));
    for (const f of [profile, videos]) {
      expect(f.message).toContain('(flow-level)');
      expect(f.message).toContain('tokens from the v2 token endpoint (code -> token) at src/oauth.ts:13 with its URL at src/oauth.ts:10');
      expect(f.message).toContain('returned by getAccessToken()');
    }
    expect(profile.message).toContain('go to the v1 user info endpoint at src/profile.ts:6 (returned by getAccessToken(), passed to loadProfile())');
    expect(profile.message).toContain('which resolves the mix');
    expect(videos.message).toContain('go to the v1 video list endpoint at src/videos.ts:5 (returned by getAccessToken(), passed to latestVideos())');
    expect(videos.message).toContain('this remains after the migration');
    expect(videos.manualStep).toContain('Migrate the v1 video list endpoint here to v2');

    const applied = run(dir);
    expect(applied.code).toBe(1); // the video list is still v1
    expect(mixed(applied).map((f) => `${f.file}:${f.line} ${f.applied ? 'applied' : 'open'}`).sort()).toEqual([
      'src/profile.ts:6 applied',
      'src/videos.ts:5 open',
    ]);
    const again = run(dir, '--dry-run');
    expect(mixed(again).map((f) => `${f.file}:${f.line} ${f.fix}`)).toEqual(['src/videos.ts:5 manual']);
    expect(mixed(again)[0].message).toContain('at src/oauth.ts:13');
  });

  it('v1-authorize-v2-token: a v1 authorize URL whose code the v2 token endpoint redeems (same redirect_uri)', () => {
    const dir = copy('v1-authorize-v2-token');
    const dry = run(dir, '--dry-run');
    expect(dry.changes).toEqual(['routes/login.js']);
    const [f, ...rest] = mixed(dry);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ file: 'routes/login.js', line: 16, fix: 'auto', severity: 'error' });
    expect(f.message).toContain('(flow-level): the code from the v1 authorize (browser redirect) endpoint at routes/login.js:16');
    expect(f.message).toContain('is redeemed by the v2 token endpoint (code -> token) at routes/callback.js:6');
    expect(f.message).toContain('linked by the same redirect_uri value, REDIRECT_URI');
    expect(f.message).toContain('the v2 token endpoint refuses a v1 code');
    expect(f.message).toContain('which resolves the mix');

    const applied = run(dir);
    expect(mixed(applied)[0].applied).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'routes/login.js'), 'utf8')).toContain('https://www.tiktok.com/v2/auth/authorize/?');
    expect(mixed(run(dir, '--dry-run'))).toEqual([]);
  });

  it('monorepo-web-mobile: web migrated, the React Native package kept, no mixed-token-use across the two (before or after)', () => {
    const dir = copy('monorepo-web-mobile');
    const before = snapshot(dir);
    const dry = run(dir, '--dry-run');
    expect(dry.changes).toEqual(['packages/web/src/tiktok.js']);
    expect(mixed(dry)).toEqual([]);
    expect(dry.findings.filter((f) => f.ruleId === 'mobile-v1-kept').map((f) => `${f.file}:${f.line}`)).toEqual([
      'packages/mobile/src/tiktokApi.js:7',
      'packages/mobile/src/tiktokApi.js:15',
    ]);

    run(dir);
    expect(changed(before, snapshot(dir))).toEqual(['packages/web/src/tiktok.js']);
    // Now the web package speaks v2 and the mobile one v1, both importing packages/shared: still no mix.
    const after = run(dir, '--dry-run');
    expect(mixed(after)).toEqual([]);
    expect(after.changes).toEqual([]);
    expect(after.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // Control: the two packages ARE connected; counted as web code, the kept v1 calls would be a mix.
    const asWeb = run(dir, '--dry-run', '--platform', 'web');
    expect(mixed(asWeb).map((f) => f.file)).toEqual(['packages/mobile/src/tiktokApi.js', 'packages/mobile/src/tiktokApi.js']);
    for (const f of mixed(asWeb)) expect(f.message).toContain('(module-level)');
  });

  it('already-v2: flows across modules all on v2 (a v1 URL only in a comment): no error, no change', () => {
    const dir = copy('already-v2');
    const before = snapshot(dir);
    const dry = run(dir, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe('');
    expect(dry.changes).toEqual([]);
    expect(dry.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(dry.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual(['v1-endpoint src/tiktok/oauth.js:1']);
    const applied = run(dir);
    expect(applied.code).toBe(0);
    expect(changed(before, snapshot(dir))).toEqual([]);
  });
});
