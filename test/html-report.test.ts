// The HTML report renders the Markdown report's model: the same sections, in a standalone page that runs nothing and
// loads nothing, with everything that came from the scanned code escaped.
import { describe, expect, it } from 'vitest';
import { printHtml } from '../src/report/html.js';
import { printMarkdown } from '../src/report/markdown.js';
import { countBySeverity, type Finding, type Report } from '../src/report/model.js';

const HOSTILE = '<img src=x onerror=alert(1)>';

function sample(): Report {
  const findings: Finding[] = [
    { ruleId: 'redirect-uri-query', severity: 'error', file: 'src/server.js', line: 12, column: 3, fix: 'auto', unsafe: true, message: 'moved next into state.' },
    { ruleId: 'state-weak', severity: 'warning', file: 'src/server.js', line: 9, column: 5, fix: 'manual', message: `state from Math.random() ${HOSTILE}`, manualStep: 'Use crypto.randomBytes(16).' },
  ];
  return {
    schemaVersion: 1,
    tool: { name: 'tiktok-migrate', version: '0.1.0' },
    mode: 'dry-run',
    cwd: '/work/app',
    summary: { filesScanned: 3, filesChanged: 1, findingsBySeverity: countBySeverity(findings) },
    findings,
    redirectUris: [{ value: 'https://app.example.com/cb', file: 'src/server.js', line: 4, problems: [] }],
    changes: [{ file: 'src/server.js', transforms: ['authorize-url'], diff: `--- a/src/server.js\n+++ b/src/server.js\n@@ -1 +1 @@\n-const a = '${HOSTILE}';\n+const b = '</code></pre><script>x()</script>';\n` }],
    skipped: [],
  };
}

describe('HTML report', () => {
  const html = printHtml(sample());

  it('is one standalone page: doctype, charset, title with the mode, no script and no remote resource', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>TikTok OAuth v1 → v2 migration report (dry-run)</title>');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(?:src|href)="https?:/);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('has every section of the Markdown report, in the same order', () => {
    const mdHeadings = [...printMarkdown(sample()).matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    const htmlHeadings = [...html.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    expect(mdHeadings.length).toBeGreaterThan(5);
    expect(htmlHeadings).toEqual(mdHeadings);
    expect(htmlHeadings).toContain('Unsafe fixes (they change behaviour)');
  });

  it('keeps the diff collapsed and escapes code and messages', () => {
    expect(html).toMatch(/<details>\s*<summary>Diff \(\+1 −1\)<\/summary>/);
    expect(html).toContain('&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;');
    expect(html).not.toContain(HOSTILE);
    expect(html).toMatch(/<input[^>]*type="checkbox"/); // the manual steps stay a checklist
  });
});
