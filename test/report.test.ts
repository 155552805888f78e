import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { printJson } from '../src/report/json.js';
import { MARKDOWN_TITLE, printMarkdown } from '../src/report/markdown.js';
import { countBySeverity, type Finding, type Report } from '../src/report/model.js';
import { formatFromPath, printReport } from '../src/report/printer.js';
import { pascalCase, printSarif } from '../src/report/sarif.js';
import { RULES } from '../src/rules/index.js';

const CWD = '/home/dev/shop app';

function finding(partial: Partial<Finding> & Pick<Finding, 'ruleId' | 'file' | 'line'>): Finding {
  return { severity: 'error', column: 1, fix: 'none', message: `${partial.ruleId} here.`, ...partial };
}

function report(findings: Finding[], extra: Partial<Report> = {}): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'tiktok-migrate', version: '0.1.0' },
    mode: 'dry-run',
    cwd: CWD,
    summary: { filesScanned: 7, filesChanged: extra.changes?.length ?? 0, findingsBySeverity: countBySeverity(findings) },
    findings,
    redirectUris: [],
    changes: [],
    skipped: [],
    ...extra,
  };
}

const AUTH_DIFF = [
  '--- a/src/auth.ts',
  '+++ b/src/auth.ts',
  '@@ -12,1 +12,1 @@',
  "-const TOKEN = 'https://open-api.tiktok.com/oauth/access_token/';",
  "+const TOKEN = 'https://open.tiktokapis.com/v2/oauth/token/';",
  '',
].join('\n');
// A diff whose text holds a ``` fence (a Markdown file was changed): the report's own fence must be longer.
const README_DIFF = ['--- a/docs/setup.md', '+++ b/docs/setup.md', '@@ -1,3 +1,3 @@', ' ```js', '-v1', '+v2', ' ```', ''].join(
  '\n',
);

// Out of order on purpose: every printer must sort.
function fullReport(): Report {
  const findings: Finding[] = [
    finding({ ruleId: 'parse-error', severity: 'warning', file: 'src/broken.ts', line: 2, column: 7, fix: 'manual',
      message: 'Could not parse: Unexpected token. The file was left unchanged.',
      manualStep: 'Fix the syntax error or exclude the file with --ignore, then run tiktok-migrate again.' }),
    finding({ ruleId: 'v1-endpoint', file: 'src/auth.ts', line: 12, column: 15, fix: 'auto', endpoint: 'token',
      apiVersion: 'v1', message: 'v1 token URL https://open-api.tiktok.com/oauth/access_token/ -> https://open.tiktokapis.com/v2/oauth/token/' }),
    finding({ ruleId: 'v1-endpoint', severity: 'info', file: 'src/auth.ts', line: 3, column: 4, endpoint: 'token',
      apiVersion: 'v1', message: 'v1 token URL in a comment (left alone).' }),
    finding({ ruleId: 'v1-endpoint', file: 'src/user.ts', line: 40, column: 10, fix: 'manual', endpoint: 'user-info',
      apiVersion: 'v1', message: 'v1 user info URL needs a manual change.',
      manualStep: 'Call GET https://open.tiktokapis.com/v2/user/info/?fields=open_id\nwith an Authorization: Bearer header.' }),
    finding({ ruleId: 'hybrid-host', severity: 'warning', file: 'src/user.ts', line: 8, column: 3, fix: 'manual',
      message: 'Host and path disagree: a | b\nsecond line <b>bold</b>', manualStep: 'Pick one API version.' }),
    finding({ ruleId: 'non-code-reference', severity: 'info', file: 'README.md', line: 3, column: 1,
      message: 'v1 URL in documentation.' }),
    // Same rule, file and message twice: the fingerprints must still differ.
    finding({ ruleId: 'non-code-reference', severity: 'info', file: 'README.md', line: 9, column: 1,
      message: 'v1 URL in documentation.' }),
    finding({ ruleId: 'internal', severity: 'warning', file: 'src\\win\\path.ts', line: 1, column: 1,
      message: 'Transform token-url threw; file left unchanged.' }),
  ];
  return report(findings, {
    changes: [
      { file: 'src/auth.ts', diff: AUTH_DIFF, transforms: ['token-url'] },
      { file: 'docs/setup.md', diff: README_DIFF, transforms: [] },
    ],
    redirectUris: [
      { value: 'https://shop.example.com/auth/callback', file: 'src/routes.ts', line: 5, problems: [] },
      { value: 'http://localhost:3000/cb?next=/a|b', file: 'src/dev.ts', line: 2, problems: ['has a query string', 'not https'] },
      { value: 'https://shop.example.com/auth/callback', file: 'src/auth.ts', line: 30, problems: [] },
    ],
    skipped: [
      { file: 'assets/logo.png', reason: 'binary' },
      { file: 'data/dump.sql', reason: 'too large (12 MB)' },
    ],
  });
}

const emptyReport = (): Report => report([], { summary: { filesScanned: 0, filesChanged: 0, findingsBySeverity: countBySeverity([]) } });

describe('formatFromPath', () => {
  it.each([
    ['report.md', 'md'],
    ['docs/REPORT.MARKDOWN', 'md'],
    ['out/report.json', 'json'],
    ['tiktok.sarif', 'sarif'],
    ['results/tiktok.sarif.json', 'sarif'],
    ['report.html', 'html'],
    ['out/Report.HTM', 'html'],
    ['report.txt', undefined],
    ['report', undefined],
    ['md', undefined],
  ] as const)('%s -> %s', (file, format) => {
    expect(formatFromPath(file)).toBe(format);
  });
});

describe('printReport', () => {
  it('dispatches to one printer per format', () => {
    const r = fullReport();
    expect(printReport(r, 'json')).toBe(printJson(r));
    expect(printReport(r, 'sarif')).toBe(printSarif(r));
    expect(printReport(r, 'md')).toBe(printMarkdown(r));
  });
});

describe('JSON report', () => {
  const text = printJson(fullReport());
  const json = JSON.parse(text);

  it('has the contract keys in order, and no cwd', () => {
    expect(Object.keys(json)).toEqual(['schemaVersion', 'tool', 'mode', 'summary', 'findings', 'redirectUris', 'changes', 'skipped']);
    expect(json.schemaVersion).toBe(1);
    expect(json.tool).toEqual({ name: 'tiktok-migrate', version: '0.1.0' });
    expect(Object.keys(json.summary)).toEqual(['filesScanned', 'filesChanged', 'findingsBySeverity']);
    expect(json.summary.findingsBySeverity).toEqual({ error: 2, warning: 3, info: 3 });
    expect(Object.keys(json.summary.findingsBySeverity)).toEqual(['error', 'warning', 'info']);
    expect(text).not.toContain('cwd');
    expect(text).not.toContain(CWD);
  });

  it('is 2-space indented with a trailing newline', () => {
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "schemaVersion": 1,');
  });

  it('sorts findings by file, line, column, rule without touching the model', () => {
    const r = fullReport();
    const before = r.findings.map((f) => f.file);
    const order = JSON.parse(printJson(r)).findings.map((f: Finding) => `${f.file}:${f.line}`);
    expect(order).toEqual(['README.md:3', 'README.md:9', 'src/auth.ts:3', 'src/auth.ts:12', 'src/broken.ts:2',
      'src/user.ts:8', 'src/user.ts:40', 'src\\win\\path.ts:1']);
    expect(r.findings.map((f) => f.file)).toEqual(before);
  });

  it('writes finding keys in contract order and leaves out absent optional fields', () => {
    const token = json.findings.find((f: Finding) => f.line === 12);
    expect(Object.keys(token)).toEqual(['ruleId', 'severity', 'file', 'line', 'column', 'endpoint', 'apiVersion', 'fix', 'message']);
    const manual = json.findings.find((f: Finding) => f.line === 40);
    expect(Object.keys(manual)).toEqual(['ruleId', 'severity', 'file', 'line', 'column', 'endpoint', 'apiVersion', 'fix', 'message', 'manualStep']);
    const readme = json.findings.find((f: Finding) => f.file === 'README.md');
    expect(readme).not.toHaveProperty('endpoint');
    expect(readme).not.toHaveProperty('apiVersion');
  });

  it('writes redirect URIs, changes and skipped files in a stable order', () => {
    expect(json.redirectUris.map((r: { file: string }) => r.file)).toEqual(['src/auth.ts', 'src/dev.ts', 'src/routes.ts']);
    expect(Object.keys(json.redirectUris[0])).toEqual(['value', 'file', 'line', 'problems']);
    expect(json.changes.map((c: { file: string }) => c.file)).toEqual(['docs/setup.md', 'src/auth.ts']);
    expect(Object.keys(json.changes[0])).toEqual(['file', 'diff', 'transforms']);
    expect(json.changes[1].diff).toBe(AUTH_DIFF);
    expect(json.skipped).toEqual([{ file: 'assets/logo.png', reason: 'binary' }, { file: 'data/dump.sql', reason: 'too large (12 MB)' }]);
  });

  it('prints the same bytes twice, and an empty report with empty lists', () => {
    expect(printJson(fullReport())).toBe(text);
    const empty = JSON.parse(printJson(emptyReport()));
    expect(empty).toMatchObject({ findings: [], redirectUris: [], changes: [], skipped: [] });
  });
});

// The official schema is draft-04 (see test/schemas/README.md); Ajv 8 reads it once `id`/`$schema` are draft-07's.
function sarifValidator() {
  const { id, $schema: _draft04, ...rest } = JSON.parse(
    readFileSync(fileURLToPath(new URL('./schemas/sarif-2.1.0.json', import.meta.url)), 'utf8'),
  );
  // unicodeRegExp: false because the schema's `language` pattern has a stray `]` that the `u` flag rejects.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(s));
  ajv.addFormat('uri-reference', (s: string) => /^(?:[^\s%<>"{}|\\^`]|%[0-9a-f]{2})*$/i.test(s));
  ajv.addFormat('date-time', (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(s));
  return ajv.compile({ ...rest, $id: id });
}

describe('SARIF report', () => {
  const validate = sarifValidator();
  const text = printSarif(fullReport());
  const log = JSON.parse(text);
  const run = log.runs[0];
  const results: Array<Record<string, any>> = run.results;
  const byLine = (file: string, line: number) =>
    results.find((r) => r.locations[0].physicalLocation.artifactLocation.uri === file && r.locations[0].physicalLocation.region.startLine === line)!;

  it('validates against the SARIF 2.1.0 schema, full and empty', () => {
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const empty = JSON.parse(printSarif(emptyReport()));
    expect(validate(empty), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(empty.runs[0].results).toEqual([]);
  });

  it('the schema check catches a broken log', () => {
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    expect(validate(broken)).toBe(false);
  });

  it('has one run with the driver and every rule, docs as help', () => {
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const driver = run.tool.driver;
    expect(driver).toMatchObject({ name: 'tiktok-migrate', version: '0.1.0', informationUri: 'https://www.npmjs.com/package/tiktok-migrate' });
    for (const rule of RULES) {
      const d = driver.rules.find((r: { id: string }) => r.id === rule.meta.id);
      expect(d.name).toBe(pascalCase(rule.meta.id));
      expect(d.shortDescription.text).toBe(rule.meta.description);
      expect(d.fullDescription.text.length).toBeGreaterThan(0);
      expect(d.help).toEqual({ text: rule.meta.docs, markdown: rule.meta.docs });
      expect(d.defaultConfiguration.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[rule.meta.severity]);
    }
    expect(driver.rules.slice(0, RULES.length).map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.meta.id));
    expect(pascalCase('v1-endpoint')).toBe('V1Endpoint');
    expect(pascalCase('redirect-uri-count')).toBe('RedirectUriCount');
  });

  it('maps severities to levels and ruleIndex to the right rule, unknown rules included', () => {
    expect(results.map((r) => r.level).sort()).toEqual(['error', 'error', 'note', 'note', 'note', 'warning', 'warning', 'warning']);
    expect(byLine('src/auth.ts', 3).level).toBe('note');
    expect(byLine('src/broken.ts', 2).level).toBe('warning');
    for (const r of results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    expect(results.some((r) => r.ruleId === 'internal')).toBe(true);
  });

  it('gives stable fingerprints that differ between findings', () => {
    expect(printSarif(fullReport())).toBe(text);
    const prints = results.map((r) => r.partialFingerprints.primaryLocationLineHash);
    expect(new Set(prints).size).toBe(results.length);
    const [first, second] = results.filter((r) => r.ruleId === 'non-code-reference');
    expect(first.partialFingerprints.primaryLocationLineHash.replace(/:\d+$/, '')).toBe(
      second.partialFingerprints.primaryLocationLineHash.replace(/:\d+$/, ''),
    );
    // The line is not hashed: a finding that moves down the file keeps its alert.
    const moved = fullReport();
    moved.findings.find((f) => f.line === 12)!.line = 20;
    const movedResult = JSON.parse(printSarif(moved)).runs[0].results.find((r: any) => r.message.text.startsWith('v1 token URL https'));
    expect(movedResult.partialFingerprints).toEqual(byLine('src/auth.ts', 12).partialFingerprints);
  });

  it('writes relative "/" URIs under %SRCROOT% and the root as a file URL', () => {
    const loc = byLine('src/auth.ts', 12).locations[0].physicalLocation;
    expect(loc).toEqual({ artifactLocation: { uri: 'src/auth.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 12, startColumn: 15 } });
    expect(byLine('src/win/path.ts', 1)).toBeDefined();
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///home/dev/shop%20app/');
  });

  it('puts the manual step in the message and fix, endpoint, apiVersion in properties', () => {
    expect(byLine('src/user.ts', 40).message.text).toBe(
      'v1 user info URL needs a manual change. Manual step: Call GET https://open.tiktokapis.com/v2/user/info/?fields=open_id\nwith an Authorization: Bearer header.',
    );
    expect(byLine('src/user.ts', 8).message.text).toBe('Host and path disagree: a | b\nsecond line <b>bold</b>. Manual step: Pick one API version.');
    expect(byLine('src/auth.ts', 12).properties).toEqual({ fix: 'auto', endpoint: 'token', apiVersion: 'v1' });
    expect(byLine('README.md', 3).properties).toEqual({ fix: 'none' });
  });
});

describe('Markdown report', () => {
  const md = printMarkdown(fullReport());
  const empty = printMarkdown(emptyReport());
  const sections = (text: string) => text.split('\n').filter((l) => l.startsWith('## '));

  it('starts with the title, a verdict and the summary', () => {
    const lines = md.split('\n');
    expect(lines[0]).toBe(MARKDOWN_TITLE);
    expect(lines[2]).toBe('**2 changes would be made**, and 3 manual steps left. Nothing was written.');
    expect(md).toContain('- Mode: **dry-run** (nothing was written)');
    expect(md).toContain('- Files scanned: 7');
    expect(md).toContain('- Files that would change: 2');
    expect(md).toContain('- Findings: 2 errors, 3 warnings, 3 info');
  });

  it('has every section when there is data, in order', () => {
    expect(sections(md)).toEqual(['## Summary', '## Changes', '## Manual steps', '## Redirect URIs to register', '## Before you deploy', '## Findings', '## Skipped files', '## Rules']);
  });

  it('omits every empty section but Summary', () => {
    expect(sections(empty)).toEqual(['## Summary']);
    expect(empty.split('\n')[2]).toBe('**Nothing scanned**: no file matched the given paths.');
  });

  it('puts each diff in a details block with a fence longer than any inside it', () => {
    expect(md).toContain('### `src/auth.ts`\n\nTransforms: `token-url`\n\n<details>\n<summary>Diff (+1 −1)</summary>\n\n```diff\n--- a/src/auth.ts');
    expect(md).toContain('````diff\n--- a/docs/setup.md');
    expect(md).toContain(' ```\n````\n\n</details>');
  });

  it('lists manual steps as a checklist with the step indented beneath', () => {
    expect(md).toContain(
      '- [ ] `src/user.ts:40` — v1 user info URL needs a manual change. ([v1-endpoint](#rule-v1-endpoint))\n\n' +
        '  Call GET https://open.tiktokapis.com/v2/user/info/?fields=open_id\n  with an Authorization: Bearer header.',
    );
    expect(md).toContain('- [ ] `src/broken.ts:2` — Could not parse');
    expect(md).not.toContain('- [ ] `src/auth.ts:12`');
  });

  it('tabulates findings with pipes and newlines escaped and rules linked', () => {
    expect(md).toContain('| Severity | Rule | Location | Fix | Message |');
    expect(md).toContain('| warning | [hybrid-host](#rule-hybrid-host) | `src/user.ts:8:3` | manual | Host and path disagree: a \\| b<br>second line &lt;b>bold&lt;/b> |');
    expect(md).toContain('| error | [v1-endpoint](#rule-v1-endpoint) | `src/auth.ts:12:15` | auto |');
    const table = md.split('## Findings')[1].split('\n## ')[0];
    expect(table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Severity'))).toHaveLength(8);
  });

  it('lists each redirect URI once with where it is used and its problems', () => {
    expect(md).toContain('| `https://shop.example.com/auth/callback` | `src/auth.ts:30`, `src/routes.ts:5` | none |');
    expect(md).toContain('| `http://localhost:3000/cb?next=/a\\|b` | `src/dev.ts:2` | has a query string<br>not https |');
  });

  it('lists skipped files with their reason', () => {
    expect(md).toContain('## Skipped files\n\n- `assets/logo.png` — binary\n- `data/dump.sql` — too large (12 MB)');
  });

  it('ends with the rules that appear, each link pointing at an anchor', () => {
    const rules = md.split('## Rules')[1];
    expect(rules).toContain('### <a id="rule-v1-endpoint"></a>Rule v1-endpoint');
    expect(rules).toContain('`tiktok-migrate explain v1-endpoint`');
    expect(rules).toContain('### <a id="rule-internal"></a>Rule internal');
    expect(rules).not.toContain('tiktok-migrate explain internal');
    for (const [, anchor] of md.matchAll(/\]\(#([^)]+)\)/g)) expect(md).toContain(`<a id="${anchor}">`);
    const only = printMarkdown(report([finding({ ruleId: 'parse-error', file: 'a.ts', line: 1 })]));
    expect(only).toContain('Rule parse-error');
    expect(only).not.toContain('Rule v1-endpoint');
  });

  it('never prints the working directory', () => {
    expect(md).not.toContain(CWD);
  });

  it('says what is left in every mode', () => {
    const applied = report([finding({ ruleId: 'v1-endpoint', file: 'a.ts', line: 1, fix: 'auto', applied: true, apiVersion: 'v1' })], {
      mode: 'apply',
      changes: [{ file: 'a.ts', diff: '', transforms: ['token-url'] }],
    });
    expect(printMarkdown(applied).split('\n')[2]).toBe('**Ready to ship**: no v1 reference left.');
    expect(printMarkdown(applied)).toContain('- Files changed: 1');
    expect(printMarkdown(applied)).toContain('| auto (applied) |');
    const check = { ...applied, mode: 'check' as const, findings: [{ ...applied.findings[0], applied: undefined }] };
    expect(printMarkdown(check).split('\n')[2]).toBe('**1 file still needs changes**: run `tiktok-migrate` to apply them.');
    const manual = report([finding({ ruleId: 'v1-endpoint', file: 'a.ts', line: 1, fix: 'manual' })], { mode: 'apply' });
    expect(printMarkdown(manual).split('\n')[2]).toBe('**1 manual step left** before this can ship.');
    const unfixed = report([finding({ ruleId: 'v1-endpoint', file: 'a.ts', line: 1 })], { mode: 'apply' });
    expect(printMarkdown(unfixed).split('\n')[2]).toBe('**1 error left**: see Findings.');
    const comments = report([finding({ ruleId: 'v1-endpoint', severity: 'info', file: 'a.ts', line: 1, apiVersion: 'v1' })]);
    expect(printMarkdown(comments).split('\n')[2]).toMatch(/^\*\*Ready to ship\*\*: nothing left to change/);
  });
});

describe('Markdown report as a migration plan', () => {
  const finding = (ruleId: string, endpoint: string | undefined, line: number, fix: 'auto' | 'manual' | 'none' = 'manual') => ({
    ruleId, severity: 'error' as const, file: 'src/a.ts', line, column: 1, endpoint: endpoint as never, fix, message: `${ruleId} at ${line}`, manualStep: 'do it',
  });
  const report = {
    schemaVersion: 1 as const, tool: { name: 'tiktok-migrate' as const, version: '0' }, mode: 'dry-run' as const, cwd: '/x',
    summary: { filesScanned: 1, filesChanged: 0, findingsBySeverity: { error: 5, warning: 0, info: 1 } },
    findings: [
      finding('v1-endpoint', 'revoke', 1), finding('v1-endpoint', 'user-info', 2), finding('redirect-uri-query', undefined, 3),
      finding('v1-endpoint', 'refresh', 4), finding('v1-endpoint', 'authorize', 5), finding('token-request-shape', 'token', 6),
      finding('mixed-token-use', 'refresh', 7, 'auto'), { ...finding('mobile-v1-kept', 'token', 8, 'none'), severity: 'info' as const },
    ],
    redirectUris: [], changes: [], skipped: [],
  };
  const md = printMarkdown(report);

  it('orders manual steps by the flow: authorize, callback, token, refresh, revoke, data calls', () => {
    const manual = md.slice(md.indexOf('## Manual steps'), md.indexOf('\n## ', md.indexOf('## Manual steps') + 1));
    const order = [...manual.matchAll(/`src\/a\.ts:(\d+)`/g)].map((m) => Number(m[1]));
    expect(order).toEqual([5, 3, 6, 4, 1, 2]);
  });

  it('has the mixed flows, the mobile code kept and the before-you-deploy checklist', () => {
    expect(md).toContain('## Mixed v1/v2 flows\n\n- `src/a.ts:7` — mixed-token-use at 7 **Resolved by this migration.**');
    expect(md).toContain('## Mobile code kept on v1');
    expect(md).toContain('`src/a.ts:8` — mobile-v1-kept at 8');
    expect(md).toMatch(/## Before you deploy\n\n- \[ \] Register every redirect URI/);
    expect(md).toContain('2024-02-29');
  });
});
