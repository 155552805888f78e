// Parses code once with the TypeScript compiler that ts-morph ships. No Project: we resolve names ourselves
// (resolve.ts), and a Project's createSourceFile measured ~4x slower than ts.createSourceFile for the same files.
import path from 'node:path';
import { ts } from 'ts-morph';
import type { ParseError } from './types.js';
import { LineIndex } from './position.js';

/** One parsed piece of code: a whole .ts/.js file, or one <script> block of a .vue/.svelte file. */
export interface CodeUnit {
  /** The real file (absolute). */
  file: string;
  sf: ts.SourceFile;
  /** Added to a node position to get the offset in the real file (non-zero for embedded scripts). */
  offset: number;
  /** Positions in the real file, for line/column. */
  lines: LineIndex;
}

export function scriptKindFor(file: string): ts.ScriptKind {
  switch (path.extname(file).toLowerCase()) {
    case '.ts':
    case '.mts':
    case '.cts':
      return ts.ScriptKind.TS;
    case '.tsx':
      return ts.ScriptKind.TSX;
    case '.jsx':
      return ts.ScriptKind.JSX;
    default:
      return ts.ScriptKind.JS; // .js/.mjs/.cjs: the JS kind parses JSX too
  }
}

export class Parser {
  /** Parses `text` as the code of `file`; `virtualExt` names the language of an embedded script. */
  parse(file: string, text: string, virtualExt?: string): ts.SourceFile {
    const kind = scriptKindFor(virtualExt ? `x${virtualExt}` : file);
    return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  }
}

/** The first syntax error of a parsed file, if any, placed in the real file. */
export function firstSyntaxError(unit: CodeUnit): ParseError | undefined {
  const diagnostics = (unit.sf as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  const d = diagnostics[0];
  if (!d) return undefined;
  const { line, column } = unit.lines.position(unit.offset + (d.start ?? 0));
  return { file: unit.file, line, column, message: ts.flattenDiagnosticMessageText(d.messageText, ' ') };
}

export function syntaxErrorCount(sf: ts.SourceFile): number {
  return ((sf as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? []).length;
}
