// The JSON report: a public contract (DESIGN.md, "The JSON report"). Keys are written in a fixed order so two runs
// over the same tree give byte-identical files that diff cleanly; `cwd` is left out because it is machine-specific.
import { sortFindings, type Change, type Finding, type RedirectUriEntry, type Report } from './model.js';

/** The object the JSON printer writes, keys in contract order. */
export function toJsonReport(report: Report): Record<string, unknown> {
  return {
    schemaVersion: report.schemaVersion,
    tool: { name: report.tool.name, version: report.tool.version },
    mode: report.mode,
    summary: {
      filesScanned: report.summary.filesScanned,
      filesChanged: report.summary.filesChanged,
      findingsBySeverity: {
        error: report.summary.findingsBySeverity.error,
        warning: report.summary.findingsBySeverity.warning,
        info: report.summary.findingsBySeverity.info,
      },
    },
    findings: sortFindings([...report.findings]).map(jsonFinding),
    redirectUris: [...report.redirectUris].sort(byFileThenLine).map(jsonRedirectUri),
    changes: [...report.changes].sort(byFile).map(jsonChange),
    skipped: [...report.skipped].sort(byFile).map((s) => ({ file: s.file, reason: s.reason })),
  };
}

export function printJson(report: Report): string {
  return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}

// Optional fields appear only when the model holds them, so a consumer can test for presence.
function jsonFinding(f: Finding): Record<string, unknown> {
  return withoutUndefined({
    ruleId: f.ruleId,
    severity: f.severity,
    file: f.file,
    line: f.line,
    column: f.column,
    endpoint: f.endpoint,
    apiVersion: f.apiVersion,
    fix: f.fix,
    message: f.message,
    manualStep: f.manualStep,
    applied: f.applied,
    unsafe: f.unsafe,
  });
}

function jsonRedirectUri(r: RedirectUriEntry): Record<string, unknown> {
  return { value: r.value, file: r.file, line: r.line, problems: [...r.problems] };
}

function jsonChange(c: Change): Record<string, unknown> {
  return { file: c.file, diff: c.diff, transforms: [...c.transforms] };
}

function withoutUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

function byFile(a: { file: string }, b: { file: string }): number {
  return a.file.localeCompare(b.file);
}

function byFileThenLine(a: RedirectUriEntry, b: RedirectUriEntry): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.value.localeCompare(b.value);
}
