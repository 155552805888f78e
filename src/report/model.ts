// The one report model. Markdown, JSON and SARIF are small printers over it (see ./markdown.ts, ./json.ts, ./sarif.ts).
// The JSON printer is a public contract (DESIGN.md): add fields, never rename or remove them without a schemaVersion bump.
import type { EndpointId } from '../endpoints.js';

export type Severity = 'error' | 'warning' | 'info';
/** auto: the tool changes it (or would, in dry-run). manual: a person must act. none: information only. */
export type Fix = 'auto' | 'manual' | 'none';
export type Mode = 'dry-run' | 'apply' | 'check';

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Relative to the working directory, '/' separators. */
  file: string;
  /** 1-based, in the file as it was read. */
  line: number;
  column: number;
  endpoint?: EndpointId;
  apiVersion?: 'v1' | 'v2';
  fix: Fix;
  message: string;
  /** The exact manual step, when fix is 'manual'. */
  manualStep?: string;
  /** True once an auto fix has been written to disk (apply mode). */
  applied?: boolean;
  /** An auto fix that changes behaviour (Biome's "unsafe"): listed apart, and each can be turned off. */
  unsafe?: boolean;
}

export interface Change {
  file: string;
  /** Unified diff, a/ and b/ prefixed, paths relative to the working directory. */
  diff: string;
  /** The transforms that produced it, in order. */
  transforms: string[];
}

export interface RedirectUriEntry {
  value: string;
  file: string;
  line: number;
  problems: string[];
}

export interface Report {
  schemaVersion: 1;
  tool: { name: 'tiktok-migrate'; version: string };
  mode: Mode;
  /** Absolute working directory the paths are relative to. Not printed in JSON (machine-specific). */
  cwd: string;
  summary: {
    filesScanned: number;
    filesChanged: number;
    findingsBySeverity: Record<Severity, number>;
  };
  findings: Finding[];
  redirectUris: RedirectUriEntry[];
  changes: Change[];
  /** Files passed over, each with why (binary, not UTF-8, too large). */
  skipped: { file: string; reason: string }[];
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Stable order for every printer: file, line, column, rule. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId),
  );
}
