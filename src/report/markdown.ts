// The report for people: a verdict first, then what changed, what is left to do by hand, and where. It prints only
// what the model holds (never reads a source file), so nothing the scan did not put in a message can leak into it.
import { RULES, ruleById } from '../rules/index.js';
import { sortFindings, type Finding, type Report } from './model.js';
import { beforeDeploySection, byFlow, mixedFlowsSection, mobileSection, unsafeFixesSection } from './plan-sections.js';

export const MARKDOWN_TITLE = '# TikTok OAuth v1 → v2 migration report';

export function printMarkdown(report: Report): string {
  const findings = sortFindings([...report.findings]);
  const sections = [
    [MARKDOWN_TITLE, verdict(report, findings)].join('\n\n'),
    summarySection(report, findings),
    changesSection(report),
    unsafeFixesSection(findings, ruleLink),
    manualStepsSection(findings),
    mixedFlowsSection(findings, ruleLink),
    redirectUrisSection(report),
    mobileSection(findings, ruleLink),
    findings.length > 0 || report.changes.length > 0 ? beforeDeploySection() : undefined,
    findingsSection(findings),
    skippedSection(report),
    rulesSection(findings),
  ].filter((s): s is string => s !== undefined);
  return `${sections.join('\n\n')}\n`;
}

function verdict(report: Report, findings: readonly Finding[]): string {
  const manual = findings.filter((f) => f.fix === 'manual').length;
  const manualTail = manual > 0 ? `, and ${plural(manual, 'manual step')} left` : '';
  const changed = report.changes.length;
  if (report.summary.filesScanned === 0 && findings.length === 0)
    return '**Nothing scanned**: no file matched the given paths.';
  if (report.mode === 'dry-run' && changed > 0)
    return `**${plural(changed, 'change')} would be made**${manualTail}. Nothing was written.`;
  if (report.mode === 'check' && changed > 0)
    return `**${plural(changed, 'file')} still ${changed === 1 ? 'needs' : 'need'} changes**${manualTail}: run \`tiktok-migrate\` to apply them.`;
  if (manual > 0) return `**${plural(manual, 'manual step')} left** before this can ship.`;
  const openErrors = findings.filter((f) => f.severity === 'error' && !(f.fix === 'auto' && f.applied)).length;
  if (openErrors > 0) return `**${plural(openErrors, 'error')} left**: see Findings.`;
  const v1Left = findings.some((f) => f.apiVersion === 'v1' && !f.applied);
  return v1Left
    ? '**Ready to ship**: nothing left to change (the v1 mentions below are for information only).'
    : '**Ready to ship**: no v1 reference left.';
}

function summarySection(report: Report, findings: readonly Finding[]): string {
  const { filesScanned, filesChanged, findingsBySeverity: s } = report.summary;
  const wrote = report.mode === 'apply' ? '' : ' (nothing was written)';
  const changedLabel = report.mode === 'apply' ? 'Files changed' : 'Files that would change';
  const manual = findings.filter((f) => f.fix === 'manual').length;
  return [
    '## Summary',
    '',
    `- Mode: **${report.mode}**${wrote}`,
    `- Files scanned: ${filesScanned}`,
    `- ${changedLabel}: ${filesChanged}`,
    `- Findings: ${plural(s.error, 'error')}, ${plural(s.warning, 'warning')}, ${s.info} info`,
    `- Manual steps: ${manual}`,
    `- Redirect URIs found: ${new Set(report.redirectUris.map((r) => r.value)).size}`,
    `- Files skipped: ${report.skipped.length}`,
    `- Tool: ${report.tool.name} ${report.tool.version}`,
  ].join('\n');
}

function changesSection(report: Report): string | undefined {
  if (report.changes.length === 0) return undefined;
  const intro = {
    'dry-run': 'These changes would be made (dry run: nothing was written).',
    apply: 'These changes were written.',
    check: 'These changes are pending (check: nothing was written).',
  }[report.mode];
  const parts = ['## Changes', '', intro];
  for (const change of [...report.changes].sort((a, b) => a.file.localeCompare(b.file))) {
    const { added, removed } = diffStat(change.diff);
    parts.push('', `### ${code(change.file)}`, '');
    if (change.transforms.length > 0) parts.push(`Transforms: ${change.transforms.map(code).join(', ')}`, '');
    const fence = fenceFor(change.diff);
    parts.push(
      '<details>',
      `<summary>Diff (+${added} −${removed})</summary>`,
      '',
      `${fence}diff`,
      change.diff.replace(/\n$/, ''),
      fence,
      '',
      '</details>',
    );
  }
  return parts.join('\n');
}

function manualStepsSection(findings: readonly Finding[]): string | undefined {
  const manual = byFlow(findings.filter((f) => f.fix === 'manual'));
  if (manual.length === 0) return undefined;
  const items = manual.map((f) => {
    const head = `- [ ] ${code(`${f.file}:${f.line}`)} — ${escapeInline(f.message)} (${ruleLink(f.ruleId)})`;
    if (!f.manualStep) return head;
    // A blank line and a two-space indent keep the step inside the list item as its own paragraph.
    const step = f.manualStep
      .trim()
      .split(/\r?\n/)
      .map((line) => (line.trim() ? `  ${escapeTags(line)}` : ''))
      .join('\n');
    return `${head}\n\n${step}`;
  });
  return ['## Manual steps', '', items.join('\n\n')].join('\n');
}

function findingsSection(findings: readonly Finding[]): string | undefined {
  if (findings.length === 0) return undefined;
  const rows = findings.map((f) =>
    tableRow([
      f.severity,
      ruleLink(f.ruleId),
      code(`${f.file}:${f.line}:${f.column}`),
      `${f.fix === 'auto' && f.applied ? 'auto (applied)' : f.fix}${f.unsafe ? ', unsafe' : ''}`,
      escapeTags(f.message),
    ]),
  );
  return ['## Findings', '', '| Severity | Rule | Location | Fix | Message |', '|---|---|---|---|---|', ...rows].join(
    '\n',
  );
}

function redirectUrisSection(report: Report): string | undefined {
  if (report.redirectUris.length === 0) return undefined;
  // One row per distinct URI: it is registered once in the portal however many files use it.
  const byValue = new Map<string, { where: string[]; problems: Set<string> }>();
  const entries = [...report.redirectUris].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  for (const r of entries) {
    const row = byValue.get(r.value) ?? { where: [], problems: new Set<string>() };
    row.where.push(`${r.file}:${r.line}`);
    for (const p of r.problems) row.problems.add(p);
    byValue.set(r.value, row);
  }
  const rows = [...byValue].map(([value, row]) =>
    tableRow([
      code(value),
      row.where.map(code).join(', '),
      row.problems.size > 0 ? escapeTags([...row.problems].join('\n')) : 'none',
    ]),
  );
  return [
    '## Redirect URIs to register',
    '',
    'Register each URI in the TikTok developer portal (Login Kit → Redirect URI) exactly as written; fix the problems first.',
    '',
    '| Redirect URI | Where | Problems |',
    '|---|---|---|',
    ...rows,
  ].join('\n');
}

function skippedSection(report: Report): string | undefined {
  if (report.skipped.length === 0) return undefined;
  const items = [...report.skipped]
    .sort((a, b) => a.file.localeCompare(b.file))
    .map((s) => `- ${code(s.file)} — ${escapeInline(s.reason)}`);
  return ['## Skipped files', '', ...items].join('\n');
}

/** Each rule that appears, in RULES order; its heading text slugs to the `#rule-<id>` anchor the links use. */
function rulesSection(findings: readonly Finding[]): string | undefined {
  const used = new Set(findings.map((f) => f.ruleId));
  if (used.size === 0) return undefined;
  const order = [...RULES.map((r) => r.meta.id).filter((id) => used.has(id))];
  order.push(...[...used].filter((id) => !ruleById(id)).sort());
  const blocks = order.map((id) => {
    const meta = ruleById(id)?.meta;
    const heading = `### <a id="${ruleAnchor(id)}"></a>Rule ${id}`;
    if (!meta) return `${heading}\n\nNot a documented rule: reported by the tool itself.`;
    return [
      heading,
      '',
      `${escapeInline(meta.description)}`,
      '',
      `Severity: ${meta.severity}. Fix: ${FIXABLE[meta.fixable]}. Details: \`tiktok-migrate explain ${id}\``,
    ].join('\n');
  });
  return ['## Rules', '', blocks.join('\n\n')].join('\n');
}

const FIXABLE = {
  safe: 'automatic, safe',
  unsafe: 'automatic but unsafe (it changes behaviour: review the diff)',
  none: 'by hand',
} as const;

function ruleAnchor(id: string): string {
  return `rule-${id.toLowerCase().replace(/[^a-z0-9_-]+/g, '-')}`;
}

function ruleLink(id: string): string {
  return `[${escapeInline(id)}](#${ruleAnchor(id)})`;
}

/** A GFM table row: pipes escaped (also inside code spans, which GFM requires), newlines as <br>. */
function tableRow(cells: string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>')).join(' | ')} |`;
}

/** Inline code that survives backticks in the text: the fence is longer than any backtick run inside. */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${oneLine(text)}${pad}${fence}`;
}

/** Outside code spans, a `<` could open an HTML tag and hide the rest of the line. */
function escapeTags(text: string): string {
  return text.replace(/</g, '&lt;');
}

function escapeInline(text: string): string {
  return escapeTags(oneLine(text));
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}

function fenceFor(body: string): string {
  const longest = Math.max(0, ...(body.match(/`{3,}/g) ?? []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

function diffStat(diff: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++') || line.startsWith('---')) continue;
    if (line.startsWith('+')) added++;
    else if (line.startsWith('-')) removed++;
  }
  return { added, removed };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
