// An app already on v2 (server-side calls, form bodies, Bearer user info, strong state): the tool must find nothing
// to change and no error: the guard against false positives.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiktok-already-v2-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('already-v2: --dry-run prints no diff, the report has no error and no change, --check exits 0', () => {
  const app = path.join(dir, 'app');
  fs.cpSync(path.join(ROOT, 'fixtures', 'apps', 'already-v2'), app, { recursive: true });
  const dry = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'tiktok-migrate.js'), '--dry-run', '--report', 'r.json', '.'], { cwd: app, encoding: 'utf8' });
  expect(dry.status, dry.stderr).toBe(0);
  expect(dry.stdout).toBe('');
  const report = JSON.parse(fs.readFileSync(path.join(app, 'r.json'), 'utf8'));
  expect(report.changes).toEqual([]);
  expect(report.findings.filter((f: { severity: string }) => f.severity !== 'info')).toEqual([]);
  expect(report.redirectUris.map((r: { value: string }) => r.value)).toEqual(['https://app.example.com/auth/tiktok/callback']);
  const check = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'tiktok-migrate.js'), '--check', '--no-report', '.'], { cwd: app, encoding: 'utf8' });
  expect(check.status, check.stderr).toBe(0);
});
