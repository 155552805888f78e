// One small interface over the printers (ast-grep's crates/cli/src/print/ model): a Report in, the file's text out.
import type { ReportFormat } from '../run-options.js';
import { printHtml } from './html.js';
import { printJson } from './json.js';
import { printMarkdown } from './markdown.js';
import type { Report } from './model.js';
import { printSarif } from './sarif.js';

export type { ReportFormat };

const PRINTERS: Record<ReportFormat, (report: Report) => string> = {
  md: printMarkdown,
  json: printJson,
  sarif: printSarif,
  html: printHtml,
};

/** The format a report file's name asks for; undefined when its extension says nothing (the caller decides). */
export function formatFromPath(file: string): ReportFormat | undefined {
  const name = file.toLowerCase();
  // .sarif.json is checked before .json: it is SARIF that some tools insist be named .json.
  if (name.endsWith('.sarif') || name.endsWith('.sarif.json')) return 'sarif';
  if (name.endsWith('.md') || name.endsWith('.markdown')) return 'md';
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.html') || name.endsWith('.htm')) return 'html';
  return undefined;
}

export function printReport(report: Report, format: ReportFormat): string {
  return PRINTERS[format](report);
}
