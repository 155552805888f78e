// What the CLI (or an API caller) asks of a run, and what a run answers. cli.ts only maps flags to this.
import type { Mode, Report } from './report/model.js';

export type ReportFormat = 'md' | 'json' | 'sarif' | 'html';

export interface RunOptions {
  /** Files or folders to migrate, absolute or relative to cwd. */
  paths: string[];
  cwd: string;
  mode: Mode;
  /** Write even when the git work tree has uncommitted changes. */
  force: boolean;
  /** Extra glob patterns to skip (fast-glob syntax, relative to each scanned folder). */
  ignore: string[];
  /** Where the report goes; false for none. Relative to cwd. */
  report: string | false;
  /** Report format; when undefined it is inferred from the report file's extension (.md, .json, .sarif). */
  format?: ReportFormat;
  /** Where the diff (dry-run) and the summary go. */
  stdout: (text: string) => void;
  /** Where notes and errors go. */
  stderr: (text: string) => void;
  /** Colour the diff for a terminal. */
  color: boolean;
  /** Where a whole v1-shaped token response leaves a function, wrap the v2 one as { data: … } there. */
  compatResponse?: boolean;
  /** Move redirect URI query parameters into state (an unsafe fix; default on). */
  stateTransform?: boolean;
  /** Which code is mobile (kept on v1 and reported): detected per file (auto), or all web, or all mobile. */
  platform?: 'auto' | 'web' | 'mobile';
}

export interface RunResult {
  /** 0 nothing left to do; 1 errors remain (or, with check, changes pending); 2 bad usage or unreadable path. */
  exitCode: 0 | 1 | 2;
  report?: Report;
}

/** Thrown for bad input the user can fix (missing path, dirty work tree); the CLI prints it and exits 2. */
export class UsageError extends Error {}
