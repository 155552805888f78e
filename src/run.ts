// One run, one way: discover -> scan -> audit -> transform -> write (or diff) -> report.
import fs from 'node:fs';
import path from 'node:path';
import type { FileChange } from './apply.js';
import { analyze } from './analyze.js';
import { colorDiff, unifiedDiff } from './diff.js';
import { discover, type DiscoveredFile } from './discover.js';
import { uncommittedChanges } from './git.js';
import { countBySeverity, sortFindings, type Finding, type Report } from './report/model.js';
import { formatFromPath, printReport } from './report/printer.js';
import { redactSecrets } from './report/redact.js';
import { relativeFile } from './rules/reference-finding.js';
import { UsageError, type RunOptions, type RunResult } from './run-options.js';
import { VERSION } from './version.js';
import { writeFileAtomic } from './write-file.js';

export async function run(options: RunOptions): Promise<RunResult> {
  const { cwd, mode } = options;
  const reportPath = options.report === false ? undefined : path.resolve(cwd, options.report);
  const format = options.format ?? (reportPath ? formatFromPath(reportPath) : undefined) ?? 'md';
  const paths = (options.paths.length ? options.paths : ['.']).map((p) => path.resolve(cwd, p));

  const found = await discover({ paths, ignore: options.ignore });
  if (found.missing.length > 0) {
    throw new UsageError(`no such file or folder: ${found.missing.map((m) => relativeFile(cwd, m)).join(', ')}`);
  }
  for (const s of found.skipped) options.stderr(`tiktok-migrate: skipped ${relativeFile(cwd, s.file)}: ${s.reason}\n`);
  const files = found.files.filter((f) => f.path !== reportPath && !isOwnReport(f)); // never scan our own reports
  const { findings, changes, failures, redirectUris } = analyze(files, cwd, {
    requestShape: true,
    compatResponse: options.compatResponse ?? false,
    stateTransform: options.stateTransform ?? true,
    platform: options.platform ?? 'auto',
  });
  for (const failure of failures) findings.push(droppedRewrite(failure, cwd, findings));

  if (mode === 'apply' && changes.length > 0) {
    guardWorkTree(paths, changes, options.force);
    for (const change of changes) writeFileAtomic(change.file, change.after);
    const written = new Set(changes.map((c) => relativeFile(cwd, c.file)));
    for (const f of findings) if (f.fix === 'auto' && written.has(f.file)) f.applied = true;
  }

  const diffs = changes.map((c) => ({ change: c, diff: unifiedDiff(relativeFile(cwd, c.file), c.before, c.after) }));
  if (mode === 'dry-run' && diffs.length > 0) {
    const all = diffs.map((d) => d.diff).join('');
    options.stdout(options.color ? colorDiff(all) : all);
  }
  const report: Report = {
    schemaVersion: 1,
    tool: { name: 'tiktok-migrate', version: VERSION },
    mode,
    cwd,
    summary: {
      filesScanned: found.filesSeen,
      filesChanged: changes.length,
      findingsBySeverity: countBySeverity(findings),
    },
    findings: sortFindings(findings),
    redirectUris,
    changes: diffs.map(({ change, diff }) => ({ file: relativeFile(cwd, change.file), diff: redactSecrets(diff), transforms: change.transforms })),
    skipped: found.skipped.map((s) => ({ file: relativeFile(cwd, s.file), reason: s.reason })),
  };
  if (reportPath) {
    fs.mkdirSync(path.dirname(reportPath), { recursive: true });
    fs.writeFileSync(reportPath, printReport(report, format));
  }
  options.stderr(summaryLine(report, changes, reportPath ? relativeFile(cwd, reportPath) : undefined));
  return { exitCode: exitCodeOf(report), report };
}

/** 1 while an error is left (not fixed on disk), or, with --check, while a change is pending. */
function exitCodeOf(report: Report): 0 | 1 {
  const open = report.findings.some((f) => f.severity === 'error' && !f.applied);
  const pending = report.mode === 'check' && report.changes.length > 0;
  return open || pending ? 1 : 0;
}

/** Refuses to write into a git work tree with uncommitted changes (they would mix with ours) unless --force. */
function guardWorkTree(paths: string[], changes: FileChange[], force: boolean): void {
  if (force) return;
  const targets = changes.map((c) => c.file);
  for (const p of paths) {
    const dir = fs.statSync(p).isDirectory() ? p : path.dirname(p);
    const problems = uncommittedChanges(dir, targets);
    if (problems && problems.length > 0) {
      const list = problems.slice(0, 10).join(', ') + (problems.length > 10 ? `, and ${problems.length - 10} more` : '');
      throw new UsageError(
        `the git work tree has uncommitted changes (${list}); commit or stash them first, or pass --force`,
      );
    }
  }
}

/** A rewrite that was dropped: its auto findings become manual, and the reason is reported. */
function droppedRewrite(failure: { file: string; message: string }, cwd: string, findings: Finding[]): Finding {
  const file = relativeFile(cwd, failure.file);
  for (const f of findings) if (f.file === file && f.fix === 'auto') f.fix = 'manual';
  return {
    ruleId: 'parse-error', severity: 'error', file, line: 1, column: 1, fix: 'manual',
    message: `${failure.message}; migrate its TikTok URLs by hand.`,
    manualStep: 'Apply the changes listed for this file by hand, then run tiktok-migrate again.',
  };
}

function summaryLine(report: Report, changes: FileChange[], reportFile: string | undefined): string {
  const verb = report.mode === 'apply' ? 'changed' : 'to change';
  const { error, warning, info } = report.summary.findingsBySeverity;
  const manual = report.findings.filter((f) => f.fix === 'manual').length;
  return (
    `tiktok-migrate: ${report.summary.filesScanned} files scanned, ${changes.length} ${verb}; ` +
    `${error} errors, ${warning} warnings, ${info} notes; ${manual} manual steps` +
    (reportFile ? `; report: ${reportFile}` : '') + '\n'
  );
}

/** A JSON or SARIF report of an earlier run (any name): it quotes v1 URLs, but it is not configuration. */
function isOwnReport(file: DiscoveredFile): boolean {
  return file.kind === 'non-code' && /"(?:tool|driver)"\s*:\s*\{\s*"name"\s*:\s*"tiktok-migrate"/.test(file.text.slice(0, 4000));
}
