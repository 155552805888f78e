// The redirect-state transform (issue 4: redirect URI query parameters move into state), checked as a whole project:
// transforms/__testfixtures__/redirect-state/<case>/input/** is a small project, <case>/output/** holds every file the
// migration changes or creates (a file absent from output/ must come out byte-identical). The helper module the
// transform adds is written in output/ as a one-line stub, `(helper: cjs)`, `(helper: esm)` or `(helper: ts)`, at the
// path where it must appear; the real file must equal helperSource(format) with the input's line endings.
// Each case runs the built CLI (`--force --no-report`, as a user applies it) on a temp copy of input/, then again to
// show that a second run changes nothing. Needs `npm run build` first (pretest does it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { helperSource, type HelperFormat } from '../../src/state/helper-module.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'tiktok-migrate.js');
const FIXTURES = path.join(ROOT, 'transforms', '__testfixtures__', 'redirect-state');
const STUB = /^\(helper: (cjs|esm|ts)\)\r?\n?$/;
const CODE = /\.(?:[cm]?[jt]sx?)$/;

const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function cli(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under `dir`, relative with '/' separators, with its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  if (!fs.existsSync(dir)) return files;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    files.set(rel, fs.readFileSync(path.join(dir, rel)));
  }
  return files;
}

/** A fresh copy of a case's input/ in its own temp folder (realpath: macOS /var vs /private/var). */
function copyInput(name: string): string {
  const dir = path.join(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tm-redirect-state-'))), name);
  made.push(path.dirname(dir));
  fs.cpSync(path.join(FIXTURES, name, 'input'), dir, { recursive: true });
  return dir;
}

/** The line ending of the input's code (the helper is written with it). */
function eolOf(input: Map<string, Buffer>): string {
  return [...input].some(([rel, bytes]) => CODE.test(rel) && bytes.toString('utf8').includes('\r\n')) ? '\r\n' : '\n';
}

const cases = fs.readdirSync(FIXTURES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

describe('redirect-state fixture projects', () => {
  it('has the cases issue 4 asks for', () => expect(cases.length).toBeGreaterThanOrEqual(13));

  for (const name of cases) {
    it(name, () => {
      const input = snapshot(path.join(FIXTURES, name, 'input'));
      const expected = snapshot(path.join(FIXTURES, name, 'output'));
      expect(input.size).toBeGreaterThan(0);
      const dir = copyInput(name);

      const first = cli(dir, '--force', '--no-report', '.');
      expect(first.code, first.stderr).not.toBe(2);
      const actual = snapshot(dir);

      // Every file of output/ is there with exactly that content (the helper stub: the real helper).
      for (const [rel, want] of expected) {
        expect(actual.has(rel), `${rel} should exist after the migration`).toBe(true);
        const got = actual.get(rel)!.toString('utf8');
        const stub = STUB.exec(want.toString('utf8'));
        if (stub) {
          expect(input.has(rel), `${rel} is a created helper, not an input file`).toBe(false);
          const source = helperSource(stub[1] as HelperFormat).replace(/\n/g, eolOf(input));
          expect(got === source, `${rel} should be the ${stub[1]} state helper`).toBe(true);
        } else {
          expect(got, rel).toBe(want.toString('utf8'));
        }
      }
      // Every other file is the input's, byte for byte, and nothing else was created.
      for (const [rel, bytes] of actual) {
        if (expected.has(rel)) continue;
        expect(input.has(rel), `${rel} was created but is not in output/`).toBe(true);
        expect(bytes.equals(input.get(rel)!), `${rel} should be unchanged`).toBe(true);
      }
      for (const rel of input.keys()) expect(actual.has(rel), `${rel} was removed`).toBe(true);

      // A second run changes nothing.
      const second = cli(dir, '--force', '--no-report', '.');
      expect(second.code, second.stderr).not.toBe(2);
      const again = snapshot(dir);
      expect([...again.keys()].sort()).toEqual([...actual.keys()].sort());
      for (const [rel, bytes] of again) expect(bytes.toString('utf8'), `second run changed ${rel}`).toBe(actual.get(rel)!.toString('utf8'));
    });
  }
});

describe('--no-state-transform', () => {
  it('leaves the redirect URI query in place and reports redirect-uri-query as a manual error', () => {
    const name = 'template-inline-state__express-same-file';
    const dir = copyInput(name);
    const before = fs.readFileSync(path.join(dir, 'server.js'), 'utf8');
    const ran = cli(dir, '--force', '--no-state-transform', '--format', 'json', '--report', 'report.json', '.');
    expect(ran.code, ran.stderr).toBe(1); // an error is left: the query
    const after = fs.readFileSync(path.join(dir, 'server.js'), 'utf8');

    // The rest of the migration still runs (v2 authorize URL), but the query and state are as they were.
    expect(after).toContain('https://www.tiktok.com/v2/auth/authorize/');
    expect(after).toContain('redirect_uri=${encodeURIComponent(`${REDIRECT_URI}?next=${encodeURIComponent(next)}&src=login`)}&state=${csrfState}');
    expect(after).toContain("res.redirect(req.query.next || '/');");
    expect(after).toContain('const { code, state } = req.query;');
    expect(after).not.toMatch(/tiktok-state|encodeState|readState/);
    expect(before).not.toBe(after);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('tiktok-state'))).toEqual([]);

    const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')) as {
      findings: { ruleId: string; severity: string; fix: string; file: string; message: string; manualStep?: string; unsafe?: boolean }[];
      changes: { file: string; transforms: string[] }[];
    };
    const query = report.findings.filter((f) => f.ruleId === 'redirect-uri-query');
    expect(query).toHaveLength(1);
    expect(query[0]).toMatchObject({ severity: 'error', fix: 'manual', file: 'server.js' });
    expect(query[0].message).toContain('next');
    expect(query[0].message).toContain('src');
    expect(query[0].manualStep).toBeTruthy();
    expect(query[0].unsafe).toBeFalsy();
    expect(report.changes.flatMap((c) => c.transforms)).not.toContain('redirect-state');
  });
});
