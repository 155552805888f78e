// The proof: v1 sample modules, one per HTTP client (fixtures/flows/<client>/), complete TikTok's Login Kit flow
// against the local emulator on v1 (BEFORE); copies migrated by the built CLI, with no hand edits, complete the
// same flow with every call served by v2 (AFTER). Run `npm run build` first: the runner and the CLI use dist/.
// Flow: authorize (302, state unchanged) -> exchangeCode -> fetchUser -> refreshTokens (new access token) ->
// revoke -> fetchUser must fail. A failing AFTER test says which step threw and the emulator's error description.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  copyClient,
  endpoints,
  FLOWS_DIR,
  logLines,
  migrateClient,
  REDIRECT_URI,
  removeCopies,
  runFlow,
  summarize,
  typeCheck,
  USER,
  type FlowCase,
  type FlowRun,
  type Migration,
} from './flows-harness.js';

const FLOWS: FlowCase[] = [
  { client: 'fetch', module: 'tiktok.js' },
  { client: 'node-fetch', module: 'tiktok.js' },
  { client: 'undici', module: 'tiktok.mjs' },
  { client: 'axios', module: 'tiktok.js' },
  { client: 'axios', module: 'tiktok-instance.js' },
  { client: 'got', module: 'tiktok.js' },
  { client: 'superagent', module: 'tiktok.js' },
  { client: 'request', module: 'tiktok.js', reportedOnly: 'every call goes through a post(options) helper' },
  { client: 'https', module: 'tiktok.js', reportedOnly: 'every call goes through an apiPost(path) helper with a runtime path' },
  { client: 'fetch-ts', module: 'tiktok.ts', typescript: true, reportedOnly: 'user info goes through a postJson<T>() helper, and its base is shared' },
  { client: 'request-direct', module: 'tiktok.js' },
  { client: 'undici-direct', module: 'tiktok.mjs' },
  { client: 'https-direct', module: 'tiktok.js' },
];
// undici.request() has its own request shape (no URLSearchParams body); it is reported, not rewritten, for now.
// undici's direct request(): the token call is rewritten; refresh (params.append), revoke (url.searchParams.set) and
// the destructured user-info answer are not, and must each be a manual step. undici-direct covers the rewritable style.
FLOWS[2].reportedOnly = 'refresh, revoke and the user-info answer are built in ways it cannot move yet';
FLOWS[2].leftByHand = ['refresh', 'user-info', 'revoke'];

const label = (f: FlowCase): string => `${f.client}/${f.module}`;
const ZERO = { codesIssued: 0, codesRedeemed: 0, accessTokensIssued: 0, refreshTokensIssued: 0, refreshes: 0, revocations: 0 };

/** The checks both sides share: the flow's own results, which do not depend on the API version. */
function expectFlowResults(run: FlowRun, name: string): void {
  const { result } = run;
  expect(result.callback?.state, `${name}: state must come back unchanged`).toBe(result.state);
  expect(result.callback?.redirect, `${name}: authorize must send the browser to the redirect URI`).toBe(REDIRECT_URI);
  expect(result.tokens?.openId).toBe(USER.open_id);
  expect(result.user).toEqual({ openId: USER.open_id, displayName: USER.display_name, avatarUrl: USER.avatar_url });
  expect(result.refreshed?.accessToken, `${name}: refresh must give a new access token`).not.toBe(result.tokens?.accessToken);
  expect(result.afterRevokeError, `${name}: user info must fail once the token is revoked`).toBeDefined();
}

afterAll(() => removeCopies());

describe('fixtures/flows', () => {
  it('every client folder has a flow here, a package.json and its modules', () => {
    const folders = fs
      .readdirSync(FLOWS_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(folders).toEqual([...new Set(FLOWS.map((f) => f.client))].sort());
    for (const f of FLOWS) {
      expect(fs.existsSync(path.join(FLOWS_DIR, f.client, 'package.json')), f.client).toBe(true);
      const source = fs.readFileSync(path.join(FLOWS_DIR, f.client, f.module), 'utf8');
      expect(source.split('\n').length, `${label(f)} stays short`).toBeLessThan(120);
      expect(source).toMatch(/(const|var) CLIENT_KEY = process\.env\.TIKTOK_CLIENT_KEY/);
    }
  });
});

describe('BEFORE: each v1 sample module completes the flow on v1', () => {
  for (const f of FLOWS) {
    it(label(f), async () => {
      const dir = copyClient(f.client, 'before');
      const run = await runFlow(path.join(dir, f.module));
      if (!run.result.ok) expect.fail(summarize(label(f), run, 'v1'));
      expectFlowResults(run, label(f));
      expect(run.result.authorizeUrl).toMatch(/^https:\/\/www\.tiktok\.com\/auth\/authorize\/\?/);
      expect(endpoints(run.log)).toBe('authorize token user-info refresh revoke user-info');
      expect(run.log.filter((e) => e.version !== 'v1'), logLines(run.log).join('\n')).toEqual([]);
      expect(run.log.slice(0, -1).map((e) => e.error ?? null)).toEqual([null, null, null, null, null]);
      expect(run.counts.v1).toMatchObject({ codesIssued: 1, codesRedeemed: 1, refreshes: 1, revocations: 1 });
      expect(run.counts.v2).toEqual(ZERO);
    });
  }

  it('fetch-ts/tiktok.ts type-checks (strict) as written', () => {
    expect(typeCheck(path.join(FLOWS_DIR, 'fetch-ts', 'tiktok.ts'))).toEqual([]);
  });
});

describe('AFTER: migrated by the built CLI, with no hand edits, the same flow runs on v2 only', () => {
  const migrations = new Map<string, Promise<Migration>>();
  const migrated = (client: string): Promise<Migration> => {
    if (!migrations.has(client)) migrations.set(client, migrateClient(client));
    return migrations.get(client)!;
  };
  const outcomes: string[] = [];
  afterAll(() => {
    if (outcomes.length > 0) console.log(`AFTER flows:\n${outcomes.map((o) => `  ${o}`).join('\n')}`);
  });

  for (const f of FLOWS.filter((x) => x.reportedOnly)) {
    it(`${label(f)} is not (fully) rewritten yet (${f.reportedOnly}): every call it left is a manual step in the report`, async () => {
      const migration = await migrated(f.client);
      expect(migration.exitCode).toBe(1);
      for (const endpoint of f.leftByHand ?? ['token', 'refresh', 'user-info', 'revoke']) {
        const steps = migration.open.filter((x) => x.endpoint === endpoint && x.fix === 'manual' && x.severity === 'error');
        expect(steps.length, `${label(f)}: a manual ${endpoint} step`).toBeGreaterThan(0);
      }
    });
  }

  for (const f of FLOWS.filter((x) => !x.reportedOnly)) {
    it(label(f), async () => {
      const migration = await migrated(f.client);
      if (migration.exitCode !== 0 && migration.exitCode !== 1) {
        outcomes.push(`FAIL ${label(f)} | the CLI exited ${migration.exitCode}`);
        expect.fail(`${label(f)}: the CLI exited ${migration.exitCode}\n${migration.stderr}\n${migration.stdout}`);
      }
      const original = fs.readFileSync(path.join(FLOWS_DIR, f.client, f.module), 'utf8');
      const file = path.join(migration.dir, f.module);
      if (fs.readFileSync(file, 'utf8') === original) {
        outcomes.push(`FAIL ${label(f)} | the CLI left the module unchanged`);
        expect.fail(`${label(f)}: the CLI left the module unchanged; findings not applied:\n${migration.notApplied.join('\n')}`);
      }
      const run = await runFlow(file);
      const v1 = run.log.filter((e) => e.version !== 'v2');
      const complete = run.result.ok && v1.length === 0;
      const why = summarize(label(f), run, 'v2');
      outcomes.push(complete ? `ok   ${label(f)}` : `FAIL ${why}`);
      if (!complete) {
        const manual = migration.notApplied.length ? `\nnot applied by the CLI:\n  ${migration.notApplied.join('\n  ')}` : '';
        expect.fail(`${why}${manual}\nemulator log:\n  ${logLines(run.log).join('\n  ')}`);
      }
      expectFlowResults(run, label(f));
      expect(run.result.authorizeUrl).toMatch(/^https:\/\/www\.tiktok\.com\/v2\/auth\/authorize\/\?/);
      expect(endpoints(run.log)).toBe('authorize token user-info token revoke user-info');
      expect(run.log.slice(0, -1).map((e) => e.error ?? null)).toEqual([null, null, null, null, null]);
      expect(run.counts.v1).toEqual(ZERO);
      expect(run.counts.v2).toMatchObject({ codesIssued: 1, codesRedeemed: 1, refreshes: 1, revocations: 1 });
    });
  }

  it('fetch-ts/tiktok.ts still type-checks (strict) once migrated', async () => {
    const migration = await migrated('fetch-ts');
    expect(typeCheck(path.join(migration.dir, 'tiktok.ts'))).toEqual([]);
  });
});
