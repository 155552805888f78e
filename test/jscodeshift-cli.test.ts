// Each transform runs alone with the real jscodeshift CLI, as its header comment tells users to
// (`jscodeshift --no-babel -t dist/transforms/<name>.js <files>`), on a temp copy of a fixture pair's input.
// Needs `npm run build` first (pretest does it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const JSCODESHIFT = path.join(ROOT, 'node_modules', '.bin', 'jscodeshift');
const FIXTURES = path.join(ROOT, 'transforms', '__testfixtures__');

/** transform -> fixture cases (file names without .input/.output). */
const CASES: Record<string, string[]> = {
  'authorize-url': ['express-redirect-concat.js', 'jsx-href-template.tsx'],
  'token-url': ['v1-doc-plus-equals.js', 'urlsearchparams-one-line.ts'],
  'revoke-url': ['concat-query.js'],
  'hybrid-host': ['token-open-api-v2.ts'],
};

const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

interface Shifted {
  code: number | null;
  out: string;
  actual: string;
  expected: string;
}

/** Copies <case>.input.<ext> to a temp <case>.<ext>, runs jscodeshift on it, answers the result and the .output. */
function shift(transform: string, file: string, extraFlags: string[] = []): Shifted {
  const ext = path.extname(file);
  const base = file.slice(0, -ext.length);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiktok-migrate-jscodeshift-'));
  made.push(dir);
  const target = path.join(dir, file);
  fs.copyFileSync(path.join(FIXTURES, transform, `${base}.input${ext}`), target);
  const r = spawnSync(
    JSCODESHIFT,
    ['-t', `dist/transforms/${transform}.js`, ...extraFlags, '--extensions=ts,tsx,js', '--parser=tsx', target],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
  );
  return {
    code: r.status,
    out: `${r.stdout}\n${r.stderr}`,
    actual: fs.readFileSync(target, 'utf8'),
    expected: fs.readFileSync(path.join(FIXTURES, transform, `${base}.output${ext}`), 'utf8'),
  };
}

function expectMigrated(r: Shifted): void {
  // The summary first: when the worker cannot load the transform, jscodeshift still exits 0 and says "0 ok".
  const why = /^\w*Error: .*$/m.exec(r.out)?.[0] ?? r.out.slice(0, 1000);
  expect(r.out, why).toMatch(/^1 ok$/m);
  expect(r.out).toMatch(/^0 errors$/m);
  expect(r.code).toBe(0);
  expect(r.actual).toBe(r.expected);
}

describe.each(Object.keys(CASES))('%s', (transform) => {
  // --no-babel as the README says: the transforms are compiled JavaScript already, and jscodeshift's Babel hook
  // would otherwise recompile their dependencies (ts-morph) and fail.
  it.each(CASES[transform]!)(`jscodeshift --no-babel -t dist/transforms/${transform}.js rewrites %s`, (file) => {
    expectMigrated(shift(transform, file, ['--no-babel']));
  });
});

describe('redirect-state', () => {
  // One file holding the login and its callback, the way a small Express app is written.
  const APP = [
    "const express = require('express');",
    'const app = express();',
    'const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;',
    "const REDIRECT_URI = 'https://app.example.com/auth/callback?next=/dashboard';",
    "app.get('/login', (req, res) => {",
    "  const state = require('crypto').randomBytes(16).toString('hex');",
    '  res.redirect(`https://www.tiktok.com/v2/auth/authorize/?client_key=k&scope=user.info.basic&response_type=code&redirect_uri=${encodeURIComponent(REDIRECT_URI)}&state=${state}`);',
    '});',
    "app.get('/auth/callback', (req, res) => {",
    "  if (req.query.state !== req.cookies.state) return res.sendStatus(403);",
    "  res.redirect(req.query.next || '/');",
    '});',
    '',
  ].join('\n');

  function shiftApp(flags: string[]): { out: string; code: number | null; text: string; helper: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiktok-migrate-jscodeshift-'));
    made.push(dir);
    const target = path.join(dir, 'server.js');
    fs.writeFileSync(target, APP);
    const r = spawnSync(JSCODESHIFT, ['-t', 'dist/transforms/redirect-state.js', '--no-babel', ...flags, '--parser=tsx', target], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    return { out: `${r.stdout}\n${r.stderr}`, code: r.status, text: fs.readFileSync(target, 'utf8'), helper: path.join(dir, 'tiktok-state.js') };
  }

  it('moves the query into state in both handlers and writes the helper module beside the file', () => {
    const r = shiftApp([]);
    expect(r.out).toMatch(/^1 ok$/m);
    expect(r.text).toContain("const REDIRECT_URI = 'https://app.example.com/auth/callback';");
    expect(r.text).toContain("&state=${encodeState(state, { next: '/dashboard' }, CLIENT_SECRET)}");
    expect(r.text).toContain('const tiktokState = readState(req.query.state, CLIENT_SECRET);');
    expect(r.text).toContain('if (tiktokState.nonce !== req.cookies.state)');
    expect(r.text).toContain("res.redirect(safeReturnPath(tiktokState.params.next, null) || '/');");
    expect(r.text).toContain("const { encodeState, readState, safeReturnPath } = require('./tiktok-state');");
    expect(fs.readFileSync(r.helper, 'utf8')).toContain('module.exports = { createNonce, encodeState, decodeState, readState, verifyState, safeReturnPath };');
  });

  it('with --dry it writes nothing, not even the helper', () => {
    const r = shiftApp(['--dry']);
    expect(r.out).toMatch(/^1 ok$/m);
    expect(r.text).toBe(APP);
    expect(fs.existsSync(r.helper)).toBe(false);
  });
});
