// The built CLI driven as a user drives it: `node bin/tiktok-migrate.js ...` in a temp copy of a sample app, with
// exit codes, stdout, the files on disk and the reports checked. Needs `npm run build` first (pretest does it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin', 'tiktok-migrate.js');
const APPS = path.join(ROOT, 'fixtures', 'apps');
const SAMPLE_APPS = ['express-v1', 'ts-service-v1'] as const;
const REPORT_MD = 'tiktok-migrate-report.md';

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(cwd: string, ...args: string[]): Ran {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiktok-migrate-e2e-'));
  made.push(dir);
  return dir;
}

/** A fresh copy of fixtures/apps/<app> in its own temp folder. */
function copyApp(app: string): string {
  const dir = path.join(tempDir(), app);
  fs.cpSync(path.join(APPS, app), dir, { recursive: true });
  return dir;
}

function makeApp(files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

/** Every file under `dir` (relative, '/' separators) with its bytes, leaving out the names in `except`. */
function snapshot(dir: string, except: string[] = []): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (rel.startsWith('.git/') || except.includes(rel)) continue;
    files.set(rel, fs.readFileSync(path.join(dir, rel)));
  }
  return files;
}

/** The paths whose bytes differ between two snapshots (or exist in one only). */
function changedFiles(before: Map<string, Buffer>, after: Map<string, Buffer>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => !before.get(n) || !after.get(n) || !before.get(n)!.equals(after.get(n)!)).sort();
}

function expectedFiles(app: string): Map<string, Buffer> {
  return snapshot(path.join(APPS, `${app}.expected`));
}

type Finding = { ruleId: string; severity: string; file: string; line: number; column: number } & {
  fix: string; message: string; applied?: boolean };
interface JsonReport {
  schemaVersion: number;
  mode: string;
  findings: Finding[];
  changes: { file: string; diff: string }[];
  skipped: { file: string; reason: string }[];
}

function readJson<T = JsonReport>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

function expectSameBytes(dir: string, expected: Map<string, Buffer>): void {
  for (const [rel, bytes] of expected) {
    const actual = fs.readFileSync(path.join(dir, rel));
    if (!actual.equals(bytes)) expect(actual.toString('utf8'), rel).toBe(bytes.toString('utf8')); // a readable diff
    expect(actual.equals(bytes), rel).toBe(true);
  }
}

describe.each(SAMPLE_APPS)('%s', (app) => {
  it('--dry-run: exit 1, a diff of exactly the expected files that git apply turns into them, sources untouched', () => {
    const dir = copyApp(app);
    const before = snapshot(dir);
    const r = cli(dir, '--dry-run');
    expect(r.code, r.stderr).toBe(1);
    const plusFiles = [...r.stdout.matchAll(/^\+\+\+ b\/(.+)$/gm)].map((m) => m[1]).sort();
    expect(plusFiles).toEqual([...expectedFiles(app).keys()].sort());
    expect(changedFiles(before, snapshot(dir, [REPORT_MD]))).toEqual([]);
    expect(fs.existsSync(path.join(dir, REPORT_MD))).toBe(true);

    const other = copyApp(app);
    const patch = path.join(tempDir(), 'changes.patch');
    fs.writeFileSync(patch, r.stdout);
    const applied = spawnSync('git', ['apply', '--whitespace=nowarn', patch], { cwd: other, encoding: 'utf8' });
    expect(applied.status, applied.stderr).toBe(0);
    expectSameBytes(other, expectedFiles(app));
  });

  it('apply: files equal the .expected ones byte for byte, nothing else changes, exit code agrees with the report', () => {
    const dir = copyApp(app);
    const before = snapshot(dir);
    const r = cli(dir, '--report', 'report.json');
    const report = readJson(path.join(dir, 'report.json'));
    const open = report.findings.some((f) => f.severity === 'error' && !f.applied);
    expect(r.code, r.stderr).toBe(open ? 1 : 0);
    // Both apps keep manual steps (express: a v1 URL in .env.example; ts-service: redirect_uri, revoke, a v1 type).
    expect(r.code).toBe(1);
    expectSameBytes(dir, expectedFiles(app));
    expect(changedFiles(before, snapshot(dir, ['report.json']))).toEqual([...expectedFiles(app).keys()].sort());
    expect(report.changes.map((c) => c.file).sort()).toEqual([...expectedFiles(app).keys()].sort());

    // Idempotent: a second run changes no byte and plans no change.
    const migrated = snapshot(dir, ['report.json']);
    cli(dir, '--report', 'report.json');
    expect(changedFiles(migrated, snapshot(dir, ['report.json']))).toEqual([]);
    expect(readJson(path.join(dir, 'report.json')).changes).toEqual([]);
  });
});

describe('express-v1 specifics', () => {
  it('leaves non-code files alone and reports the manual step (the v1 URL in .env.example)', () => {
    const dir = copyApp('express-v1');
    const original = snapshot(dir);
    cli(dir, '--report', 'report.json');
    for (const rel of ['.env.example', 'public/index.html', 'README.md', 'package.json'])
      expect(fs.readFileSync(path.join(dir, rel)).equals(original.get(rel)!), rel).toBe(true);
    const open = readJson(path.join(dir, 'report.json')).findings.filter((f) => f.severity === 'error' && !f.applied);
    expect(open.map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.fix}`).sort()).toEqual([
      'non-code-reference .env.example:5 manual',
    ]);
  });

  it('--report out.json: schemaVersion 1, complete findings whose line:column point at the URL as it was read', () => {
    const dir = copyApp('express-v1');
    const original = snapshot(dir);
    expect(cli(dir, '--dry-run', '--report', 'out.json').code).toBe(1);
    const report = readJson(path.join(dir, 'out.json'));
    expect(report.schemaVersion).toBe(1);
    expect(report.mode).toBe('dry-run');
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) {
      expect(f).toMatchObject({ ruleId: expect.any(String), severity: expect.any(String), message: expect.any(String) });
      expect(['auto', 'manual', 'none']).toContain(f.fix);
      expect(f.file).not.toMatch(/\\|^\//);
      expect(original.has(f.file), f.file).toBe(true);
      expect(f.line).toBeGreaterThanOrEqual(1);
      expect(f.column).toBeGreaterThanOrEqual(1);
      const url = /https?:\/\/\S+/.exec(f.message)![0];
      const lineText = original.get(f.file)!.toString('utf8').split('\n')[f.line - 1]!;
      expect(lineText.slice(f.column - 1).startsWith(url), `${f.file}:${f.line}:${f.column} ${url}`).toBe(true);
    }
    const userInfo = report.findings.find((f) => f.file === 'server.js' && f.line === 133)!;
    expect(userInfo).toMatchObject({ ruleId: 'v1-endpoint', severity: 'error', fix: 'auto', endpoint: 'user-info' });
    expect(report.changes).toHaveLength(1);
    expect(report.changes[0]!.file).toBe('server.js');
    expect(report.changes[0]!.diff).toContain('+++ b/server.js');
  });
});

describe('ts-service-v1 specifics', () => {
  it('migrates a file that only imports the endpoints from a config module', () => {
    const dir = copyApp('ts-service-v1');
    const before = fs.readFileSync(path.join(dir, 'src/auth/tokens.ts'), 'utf8');
    expect(before).not.toMatch(/tiktok/i);
    cli(dir);
    const after = fs.readFileSync(path.join(dir, 'src/auth/tokens.ts'), 'utf8');
    expect(after).not.toBe(before);
    expect(after).toContain("grant_type: 'authorization_code'");
  });

  it('--check: exit 1 and no source written while changes are pending; once migrated, only manual steps keep it at 1', () => {
    const dir = copyApp('ts-service-v1');
    const before = snapshot(dir);
    expect(cli(dir, '--check').code).toBe(1);
    expect(changedFiles(before, snapshot(dir, [REPORT_MD]))).toEqual([]);
    expect(fs.existsSync(path.join(dir, REPORT_MD))).toBe(true);
    expect(cli(dir).code).toBe(1);
    const r = cli(dir, '--check', '--report', 'check.json');
    expect(r.code, r.stderr).toBe(1);
    const report = readJson(path.join(dir, 'check.json'));
    expect(report.changes).toEqual([]);
    const open = report.findings.filter((f) => f.severity === 'error');
    expect(open.map((f) => `${f.ruleId} ${f.fix}`).sort()).toEqual([
      'token-request-shape manual', // the code exchange: no redirect_uri in this module
      'v1-response-shape manual', // interface TokenResponse still has v1's data wrapper
    ]);
  });

  it('--format sarif: SARIF 2.1.0 whose results use rule ids the driver declares', () => {
    const dir = copyApp('ts-service-v1');
    expect(cli(dir, '--check', '--format', 'sarif', '--report', 'x.sarif').code).toBe(1);
    const sarif = readJson<{
      version: string;
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; locations: unknown[] }[] }[];
    }>(path.join(dir, 'x.sarif'));
    expect(sarif.version).toBe('2.1.0');
    const [runData] = sarif.runs;
    const ids = new Set(runData!.tool.driver.rules.map((rule) => rule.id));
    expect(runData!.results.length).toBeGreaterThan(0);
    for (const result of runData!.results) expect(ids.has(result.ruleId), result.ruleId).toBe(true);
  });

  it('--format md overrides the report file extension', () => {
    const dir = copyApp('ts-service-v1');
    cli(dir, '--dry-run', '--format', 'md', '--report', 'report.txt');
    expect(fs.readFileSync(path.join(dir, 'report.txt'), 'utf8').split('\n')[0]).toBe('# TikTok OAuth v1 → v2 migration report');
  });

  it('a JSON report left by an earlier run is not scanned as a source by the next run', () => {
    const dir = copyApp('ts-service-v1');
    expect(cli(dir, '--report', 'tiktok-migrate-report.json').code).toBe(1);
    const check = path.join(tempDir(), 'check.json');
    cli(dir, '--check', '--report', check);
    const files = readJson(check).findings.map((f) => f.file);
    expect(files.length).toBeGreaterThan(0);
    expect(files).not.toContain('tiktok-migrate-report.json');
  });
});

describe('exit 2: bad usage', () => {
  it('a path that does not exist is named on stderr', () => {
    const r = cli(copyApp('ts-service-v1'), 'no/such/dir');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no/such/dir');
  });

  it('--dry-run with --check, and an unknown flag', () => {
    const dir = copyApp('ts-service-v1');
    expect(cli(dir, '--dry-run', '--check').code).toBe(2);
    const r = cli(dir, '--frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--frobnicate');
  });

  it('a git work tree with an uncommitted tracked change: refused without --force, applied with it', () => {
    const dir = copyApp('ts-service-v1');
    const git = (...args: string[]) => {
      const r = spawnSync('git', ['-c', 'user.email=a@b', '-c', 'user.name=a', ...args], { cwd: dir, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    };
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'init');
    fs.appendFileSync(path.join(dir, 'src/server.ts'), '// local edit\n');
    const before = snapshot(dir);
    const refused = cli(dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('src/server.ts');
    expect(changedFiles(before, snapshot(dir, [REPORT_MD]))).toEqual([]);
    expect(cli(dir, '--force').code).toBe(1); // applied; manual steps remain
    expectSameBytes(dir, expectedFiles('ts-service-v1'));
  });
});

describe('bad input', () => {
  const broken = "// not valid JavaScript\nconst u = 'https://open-api.tiktok.com/oauth/access_token/'; function (\n";
  const crlf = "const u = 'https://www.tiktok.com/auth/authorize/';\r\nexport default u;\r\n";
  const bom = "\uFEFFconst u = 'https://open-api.tiktok.com/oauth/revoke/';\nexport default u;\n";
  const binary = Buffer.concat([Buffer.from("const tiktok = 'https://www.tiktok.com/auth/authorize/';"), Buffer.from([0, 0, 1, 2, 0])]);

  it('an unparsable file is left byte-identical and reported; binary skipped; CRLF and BOM kept', () => {
    const dir = makeApp({ 'broken.js': broken, 'crlf.js': crlf, 'bom.ts': bom, 'x.js': binary });
    const r = cli(dir, '--report', 'r.json');
    expect(r.code, r.stderr).toBe(1);
    expect(fs.readFileSync(path.join(dir, 'broken.js'), 'utf8')).toBe(broken);
    expect(fs.readFileSync(path.join(dir, 'x.js')).equals(binary)).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'crlf.js'), 'utf8')).toBe(crlf.replace('/auth/', '/v2/auth/'));
    expect(fs.readFileSync(path.join(dir, 'bom.ts'), 'utf8')).toBe(
      bom.replace('open-api.tiktok.com/oauth/revoke/', 'open.tiktokapis.com/v2/oauth/revoke/'),
    );
    const report = readJson(path.join(dir, 'r.json'));
    const inBroken = report.findings.filter((f) => f.file === 'broken.js');
    expect(inBroken.find((f) => f.ruleId === 'parse-error')).toMatchObject({ line: 2 });
    expect(inBroken.find((f) => f.ruleId === 'v1-endpoint')).toMatchObject({ line: 2, column: 12, fix: 'manual' });
    expect(report.skipped.map((s) => s.file)).toContain('x.js');
    expect(report.changes.map((c) => c.file).sort()).toEqual(['bom.ts', 'crlf.js']);
  });

  it('a BOM does not count as a column (editors and SARIF viewers do not show it)', () => {
    const dir = makeApp({ 'bom.ts': bom });
    cli(dir, '--dry-run', '--report', 'r.json');
    const [finding] = readJson(path.join(dir, 'r.json')).findings;
    expect(finding).toMatchObject({ file: 'bom.ts', line: 1, column: 12 });
  });
});

describe('help, version, explain', () => {
  const cwd = ROOT;

  it('explain v1-endpoint prints the docs; an unknown rule exits 2', () => {
    const r = cli(cwd, 'explain', 'v1-endpoint');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('v1-endpoint');
    expect(r.stdout).toContain('open-api.tiktok.com');
    const bad = cli(cwd, 'explain', 'nope');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('nope');
  });

  it('--version prints the package.json version; --help lists the flags', () => {
    const { version } = readJson<{ version: string }>(path.join(ROOT, 'package.json'));
    const v = cli(cwd, '--version');
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(version);
    const h = cli(cwd, '--help');
    expect(h.code).toBe(0);
    for (const flag of ['--dry-run', '--check', '--report', '--format', '--ignore', '--force']) expect(h.stdout).toContain(flag);
  });
});
