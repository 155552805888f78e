// The published package works as the contract says: `npm pack` (of the build pretest made: --ignore-scripts keeps
// prepack from rebuilding) holds what it must and nothing else, and `npx <tarball> --dry-run app` runs the tool
// from the tarball in an empty folder, its dependencies installed from the npm registry.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const NPM_TIMEOUT = 240_000;

const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function tempDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tiktok-migrate-pack-${label}-`));
  made.push(dir);
  return dir;
}

function sh(command: string, args: string[], cwd: string, timeout = NPM_TIMEOUT) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, NO_COLOR: '1' } });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function readPackageJson(): { bin: Record<string, string>; main: string; types: string } {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as ReturnType<typeof readPackageJson>;
}

let tarball = '';
let entries: string[] = [];

beforeAll(() => {
  const dest = tempDir('tgz');
  const packed = sh('npm', ['pack', '--ignore-scripts', '--pack-destination', dest], ROOT);
  expect(packed.code, packed.stderr).toBe(0);
  const [name] = fs.readdirSync(dest).filter((f) => f.endsWith('.tgz'));
  expect(name, `npm pack wrote no tarball: ${packed.stderr}`).toBeDefined();
  tarball = path.join(dest, name!);
  const listed = sh('tar', ['-tzf', tarball], dest);
  expect(listed.code, listed.stderr).toBe(0);
  entries = listed.stdout.split('\n').filter(Boolean);
}, NPM_TIMEOUT);

describe('npm pack', () => {
  it('holds the bin, the compiled CLI, the transforms and the state helper template', () => {
    const pkg = readPackageJson();
    const wanted = [
      'package/package.json',
      'package/bin/tiktok-migrate.js',
      'package/dist/src/cli.js',
      'package/dist/transforms/token-url.js',
      'package/dist/transforms/authorize-url.js',
      'package/dist/transforms/revoke-url.js',
      'package/dist/transforms/hybrid-host.js',
      'package/dist/transforms/redirect-state.js',
      // The state transform writes the helper from this one source (as is, or built to ESM/CommonJS).
      'package/templates/tiktok-state.ts',
      ...Object.values(pkg.bin).map((bin) => `package/${path.posix.normalize(bin)}`),
    ];
    for (const entry of wanted) expect(entries, entry).toContain(entry);
  });

  it('holds the library entry points package.json declares (main, types)', () => {
    const pkg = readPackageJson();
    for (const entry of [pkg.main, pkg.types]) expect(entries, entry).toContain(`package/${path.posix.normalize(entry)}`);
  });

  it('holds no tests, no TypeScript sources and no transform fixtures', () => {
    const leaked = entries.filter(
      (e) =>
        e.startsWith('package/test/') ||
        e.startsWith('package/src/') ||
        e.startsWith('package/transforms/') ||
        e.includes('__testfixtures__') ||
        e.includes('__tests__') ||
        (e.startsWith('package/dist/') && /\.test\.js$/.test(e)),
    );
    expect(leaked).toEqual([]);
  });

  it(
    'npx <tarball> --dry-run app: exit 1, the v2 diff on stdout, the report in the working folder',
    () => {
      const cwd = tempDir('npx');
      expect(fs.readdirSync(cwd)).toEqual([]);
      fs.cpSync(path.join(ROOT, 'fixtures', 'apps', 'express-v1'), path.join(cwd, 'app'), { recursive: true });
      // A relative path: npm 11's npx runs an absolute path to an existing file as a command ("Permission denied").
      const spec = path.relative(cwd, tarball);
      const r = sh('npx', ['--yes', spec, '--dry-run', 'app'], cwd);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout).toContain('+++ b/app/server.js');
      expect(r.stdout).toContain('https://www.tiktok.com/v2/auth/authorize/');
      expect(fs.existsSync(path.join(cwd, 'tiktok-migrate-report.md'))).toBe(true);
      // Dry run: the copied app is untouched.
      const server = fs.readFileSync(path.join(cwd, 'app', 'server.js'));
      expect(server.equals(fs.readFileSync(path.join(ROOT, 'fixtures', 'apps', 'express-v1', 'server.js')))).toBe(true);
      // The state transform finds its template inside the installed package: the helper appears as a new file.
      fs.cpSync(path.join(ROOT, 'fixtures', 'apps', 'next-param-v1'), path.join(cwd, 'np'), { recursive: true });
      const state = sh('npx', ['--yes', spec, '--dry-run', '--no-report', 'np'], cwd);
      expect(state.stdout, state.stderr).toContain('+++ b/np/tiktok-state.js');
      expect(state.stdout).toContain('+module.exports = { createNonce, encodeState, decodeState, readState, verifyState, safeReturnPath };');
    },
    NPM_TIMEOUT,
  );
});
