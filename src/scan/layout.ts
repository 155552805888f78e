// The file's own conventions, so generated code reads as if its author wrote it: quote character, indentation
// unit, line endings, trailing commas.
import { ts } from 'ts-morph';
import type { CodeUnit } from './parse.js';

export interface Layout {
  quote: string;
  /** One indentation step: '  ', '    ' or '\t'. */
  unit: string;
  eol: string;
}

const fileLayouts = new WeakMap<ts.SourceFile, { unit: string; eol: string }>();

export function layoutOf(unit: CodeUnit, near?: ts.Node): Layout {
  let file = fileLayouts.get(unit.sf);
  if (!file) {
    const text = unit.sf.text;
    file = { unit: indentUnit(text), eol: text.includes('\r\n') ? '\r\n' : '\n' };
    fileLayouts.set(unit.sf, file);
  }
  return { quote: quoteOf(unit, near ?? unit.sf), ...file };
}

/** The quote of the nearest string literal (in `near`, else in the file); single by default. */
export function quoteOf(unit: CodeUnit, near: ts.Node): string {
  let quote: string | undefined;
  const visit = (n: ts.Node): void => {
    if (quote) return;
    if (ts.isStringLiteral(n) && !ts.isImportDeclaration(n.parent) && !ts.isExportDeclaration(n.parent) && !ts.isJsxAttribute(n.parent))
      quote = unit.sf.text[n.getStart(unit.sf)];
    else ts.forEachChild(n, visit);
  };
  visit(near);
  if (!quote && near !== unit.sf) visit(unit.sf);
  return quote === '"' ? '"' : "'";
}

function indentUnit(text: string): string {
  if (/^\t+\S/m.test(text) && !/^ {2}\S/m.test(text)) return '\t';
  const widths = new Map<number, number>();
  let previous = 0;
  for (const m of text.matchAll(/^( *)\S/gm)) {
    const width = m[1].length;
    const step = width - previous;
    if (step > 0) widths.set(step, (widths.get(step) ?? 0) + 1);
    previous = width;
  }
  const best = [...widths].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 2;
  return ' '.repeat(best === 4 || best === 2 ? best : 2);
}

/** The white space that starts the line holding `pos`. */
export function indentAt(text: string, pos: number): string {
  const start = text.lastIndexOf('\n', pos - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

export function isMultiline(unit: CodeUnit, node: ts.Node): boolean {
  return /\n/.test(unit.sf.text.slice(node.getStart(unit.sf), node.end));
}

/** `{ a: 1, b }` or one property per line, at `indent` (the indentation of the line the object opens on). */
export function printObject(entries: [string, string][], layout: Layout, multiline: boolean, indent: string): string {
  const items = entries.map(([key, value]) => (key === value ? key : `${printKey(key, layout)}: ${value}`));
  if (!multiline) return `{ ${items.join(', ')} }`;
  const inner = indent + layout.unit;
  return `{${layout.eol}${items.map((i) => `${inner}${i},`).join(layout.eol)}${layout.eol}${indent}}`;
}

function printKey(key: string, layout: Layout): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : `${layout.quote}${key}${layout.quote}`;
}

export function stringLiteral(value: string, layout: Layout): string {
  const q = layout.quote;
  return q + value.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), `\\${q}`) + q;
}
