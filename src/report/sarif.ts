// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. Every rule is declared in tool.driver.rules (so a
// viewer can show its docs even with no result), results point at their rule by ruleIndex, and paths are relative to
// %SRCROOT% so the log does not depend on the machine that wrote it.
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { RULES } from '../rules/index.js';
import type { RuleMeta } from '../rules/rule.js';
import { sortFindings, type Finding, type Report, type Severity } from './model.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://www.npmjs.com/package/tiktok-migrate';
const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

export function sarifLevel(severity: Severity): SarifLevel {
  return LEVEL[severity];
}

export function printSarif(report: Report): string {
  return `${JSON.stringify(toSarifLog(report), null, 2)}\n`;
}

export function toSarifLog(report: Report): Record<string, unknown> {
  const findings = sortFindings([...report.findings]);
  const rules = ruleDescriptors(findings);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const fingerprints = primaryLocationLineHashes(findings);
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUrl(report.cwd) } },
        // Columns come from JavaScript string offsets (src/scan/position.ts).
        columnKind: 'utf16CodeUnits',
        results: findings.map((f, i) => result(f, ruleIndex.get(f.ruleId) ?? 0, fingerprints[i])),
        properties: {
          mode: report.mode,
          filesScanned: report.summary.filesScanned,
          filesChanged: report.summary.filesChanged,
        },
      },
    ],
  };
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help?: { text: string; markdown: string };
  defaultConfiguration: { level: SarifLevel };
  properties: Record<string, unknown>;
}

/** Every rule in RULES, then any rule id a finding names that RULES does not know (so ruleIndex always resolves). */
function ruleDescriptors(findings: readonly Finding[]): SarifRule[] {
  const rules = RULES.map((r) => ruleDescriptor(r.meta));
  const known = new Set(rules.map((r) => r.id));
  for (const f of findings) {
    if (known.has(f.ruleId)) continue;
    known.add(f.ruleId);
    rules.push({
      id: f.ruleId,
      name: pascalCase(f.ruleId),
      shortDescription: { text: `Reported by tiktok-migrate (${f.ruleId}).` },
      fullDescription: { text: `Reported by tiktok-migrate (${f.ruleId}); it has no documentation page.` },
      defaultConfiguration: { level: sarifLevel(f.severity) },
      properties: { tags: ['tiktok-oauth-migration'] },
    });
  }
  return rules;
}

function ruleDescriptor(meta: RuleMeta): SarifRule {
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.description },
    fullDescription: { text: firstDocsParagraph(meta.docs) ?? meta.description },
    help: { text: meta.docs, markdown: meta.docs },
    defaultConfiguration: { level: sarifLevel(meta.severity) },
    properties: { fixable: meta.fixable, tags: ['tiktok-oauth-migration'] },
  };
}

function result(f: Finding, ruleIndex: number, fingerprint: string): Record<string, unknown> {
  const properties = Object.fromEntries(
    Object.entries({ fix: f.fix, unsafe: f.unsafe, endpoint: f.endpoint, apiVersion: f.apiVersion, applied: f.applied }).filter(
      ([, v]) => v !== undefined,
    ),
  );
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: sarifLevel(f.severity),
    message: { text: messageText(f) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(f.file), uriBaseId: SRCROOT },
          // SARIF lines and columns start at 1; never emit 0 even if a producer slipped.
          region: { startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column) },
        },
      },
    ],
    partialFingerprints: { primaryLocationLineHash: fingerprint },
    properties,
  };
}

/** A code-scanning alert shows only the message, so the manual step must be in it. */
function messageText(f: Finding): string {
  if (f.fix !== 'manual' || !f.manualStep) return f.message;
  const stop = /[.!?]$/.test(f.message.trim()) ? '' : '.';
  return `${f.message.trim()}${stop} Manual step: ${f.manualStep}`;
}

/**
 * GitHub's own format, `<hash>:<occurrence>`: the hash covers rule, file and message but not the line, so an alert
 * survives code moving within the file; the occurrence number keeps identical findings in one file apart.
 */
export function primaryLocationLineHashes(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const hash = createHash('sha256').update(`${f.ruleId}\0${f.file}\0${f.message}`).digest('hex').slice(0, 32);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}

export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

/** Percent-encode each path segment so names with spaces or brackets stay valid URI references. */
function relativeUri(file: string): string {
  return file
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function directoryUrl(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** The docs' first paragraph after the `# id` heading, as one plain line (its `**What it finds.**` label dropped). */
function firstDocsParagraph(docs: string): string | undefined {
  const paragraph = docs
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .find((p) => p && !p.startsWith('#'));
  return paragraph
    ?.replace(/\s*\n\s*/g, ' ')
    .replace(/^\*\*[^*]+\*\*\s*/, '')
    .replace(/\*\*/g, '');
}
