// The Markdown report of a whole sample project (fixtures/apps/plan-demo: an Express web package and a React Native
// package), read section by section the way a person reads it: verdict, what changed, what changes behaviour, what
// is left by hand in flow order, mixed flows, redirect URIs, mobile code, before-you-deploy, findings and rule docs.
// Runs the built CLI (pretest builds it) on a temp copy, in dry-run and then in apply mode.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin', 'tiktok-migrate.js');
const made: string[] = [];
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function migrate(...args: string[]): { code: number | null; report: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiktok-migrate-plan-'));
  made.push(dir);
  fs.cpSync(path.join(ROOT, 'fixtures', 'apps', 'plan-demo'), dir, { recursive: true });
  const r = spawnSync(process.execPath, [BIN, '--force', '--report', 'report.md', ...args, '.'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, report: fs.readFileSync(path.join(dir, 'report.md'), 'utf8') };
}

/** The report cut at its `## ` headings: heading -> body (the text before the first heading under ''). */
function sections(md: string): Map<string, string> {
  const out = new Map<string, string>();
  const parts = md.split(/^## /m);
  out.set('', parts[0]);
  for (const p of parts.slice(1)) out.set(p.slice(0, p.indexOf('\n')), p.slice(p.indexOf('\n') + 1).trim());
  return out;
}

describe('the migration plan of fixtures/apps/plan-demo (dry run)', () => {
  let s: Map<string, string>;
  let code: number | null;
  beforeAll(() => {
    const r = migrate('--dry-run');
    code = r.code;
    s = sections(r.report);
  });

  it('opens with a verdict: changes that would be made and the manual steps left', () => {
    expect(s.get('')).toMatch(/^# TikTok OAuth v1 → v2 migration report\n\n\*\*3 changes would be made\*\*, and 4 manual steps left\. Nothing was written\./);
    expect(code).toBe(1);
  });

  it('has the sections of a plan, in order', () => {
    expect([...s.keys()].slice(1)).toEqual([
      'Summary', 'Changes', 'Unsafe fixes (they change behaviour)', 'Manual steps', 'Mixed v1/v2 flows', 'Redirect URIs to register',
      'Mobile code kept on v1', 'Before you deploy', 'Findings', 'Rules',
    ]);
  });

  it('Summary counts what the run saw', () => {
    const summary = s.get('Summary')!;
    expect(summary).toContain('- Mode: **dry-run** (nothing was written)');
    expect(summary).toContain('- Files that would change: 3');
    expect(summary).toContain('- Manual steps: 4');
    expect(summary).toContain('- Redirect URIs found: 1');
  });

  it('Changes lists each file with its transforms and a collapsed diff, the state helper as a new file', () => {
    const changes = s.get('Changes')!;
    expect([...changes.matchAll(/^### `(.+)`$/gm)].map((m) => m[1])).toEqual([
      'packages/web/src/profile.js', 'packages/web/src/server.js', 'packages/web/src/tiktok-state.js',
    ]);
    expect(changes).toContain('Transforms: `authorize-url`, `token-request`, `token-response`, `redirect-state`');
    expect(changes.match(/<details>\n<summary>Diff \(\+\d+ −\d+\)<\/summary>/g)).toHaveLength(3);
    expect(changes).toContain('+++ b/packages/web/src/tiktok-state.js');
    // Mobile code is never in the changes.
    expect(changes).not.toContain('packages/mobile');
  });

  it('Unsafe fixes names the moved parameter and the callback that now reads it', () => {
    const unsafe = s.get('Unsafe fixes (they change behaviour)')!;
    expect(unsafe).toContain('`--no-state-transform`');
    const items = unsafe.split('\n').filter((l) => l.startsWith('- '));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatch(/^- `packages\/web\/src\/server\.js:17` — .*moved next into state.*GET \/auth\/tiktok\/callback in server\.js/);
  });

  it('Manual steps are a checklist in flow order (authorize before token before data calls), each with its rule', () => {
    const steps = s.get('Manual steps')!.split('\n').filter((l) => l.startsWith('- [ ] '));
    expect(steps.map((l) => /^- \[ \] `([^`]+)`/.exec(l)?.[1])).toEqual([
      'packages/web/src/server.js:17', 'packages/web/.env:3', 'packages/web/src/videos.js:5', 'packages/web/src/videos.js:5',
    ]);
    expect(steps[0]).toContain('[state-weak](#rule-state-weak)');
    expect(steps[1]).toContain('[non-code-reference](#rule-non-code-reference)');
    expect(steps[2]).toContain('[mixed-token-use](#rule-mixed-token-use)');
    expect(steps[3]).toContain('[v1-endpoint](#rule-v1-endpoint)');
  });

  it('Mixed v1/v2 flows: the v1 login feeds the v2 refresh job (resolved), whose tokens reach the v1 video list (remains)', () => {
    const lines = s.get('Mixed v1/v2 flows')!.split('\n').filter((l) => l.startsWith('- '));
    const login = lines.find((l) => l.startsWith('- `packages/web/src/server.js:23`'));
    expect(login).toMatch(/flow-level.*v1 token endpoint.*server\.js:23.*v2 refresh endpoint at packages\/web\/src\/refresh-job\.js:6.*\*\*Resolved by this migration\.\*\*/);
    const videos = lines.find((l) => l.startsWith('- `packages/web/src/videos.js:5`'));
    expect(videos).toMatch(/flow-level.*v2 refresh endpoint at packages\/web\/src\/refresh-job\.js:6 go to the v1 video list.*stored in tokens.*\*\*Remains\.\*\*/);
    expect(lines.join('\n')).not.toContain('packages/mobile');
  });

  it('Redirect URIs to register: the static URI, after its query moved into state', () => {
    const rows = s.get('Redirect URIs to register')!.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows).toEqual(['| `https://shop.example.com/auth/tiktok/callback` | `packages/web/.env:2` | none |']);
  });

  it('Mobile code kept on v1 says what was detected', () => {
    const mobile = s.get('Mobile code kept on v1')!;
    expect(mobile).toContain('`packages/mobile/src/tiktokLogin.js:6`');
    expect(mobile).toContain('depends on react-native');
  });

  it('Before you deploy is the spec checklist', () => {
    const items = s.get('Before you deploy')!.split('\n').filter((l) => l.startsWith('- [ ] '));
    expect(items.length).toBeGreaterThanOrEqual(4);
    expect(items.join('\n')).toMatch(/Register every redirect URI/);
    expect(items.join('\n')).toMatch(/2024-02-29/);
    expect(items.join('\n')).toMatch(/refresh/);
  });

  it('Findings is one row per finding, every rule linked to its docs, which Rules holds', () => {
    const rows = s.get('Findings')!.split('\n').filter((l) => /^\| (error|warning|info) \|/.test(l));
    const ids = [...new Set(rows.map((r) => /\[([a-z0-9-]+)\]\(#rule-\1\)/.exec(r)?.[1]))];
    expect(ids).not.toContain(undefined);
    for (const id of ids) expect(s.get('Rules')).toContain(`### <a id="rule-${id}"></a>Rule ${id}`);
    expect(rows.find((r) => r.includes('redirect-uri-query'))).toContain('| auto, unsafe |');
    expect(rows.find((r) => r.includes('mobile-v1-kept'))).toMatch(/^\| info \|/);
  });
});

describe('the same project applied', () => {
  it('says what was written and what is left; the unsafe fix is marked applied', () => {
    const { code, report } = migrate();
    const s = sections(report);
    expect(s.get('')).toMatch(/\*\*4 manual steps left\*\* before this can ship\./);
    expect(s.get('Summary')).toContain('- Files changed: 3');
    expect(s.get('Changes')).toContain('These changes were written.');
    expect(s.get('Unsafe fixes (they change behaviour)')).toMatch(/^- `packages\/web\/src\/server\.js:17` \(applied\) — /m);
    expect(code).toBe(1); // manual errors remain (the .env URL, the video list call and its mixed flow)
  });
});
