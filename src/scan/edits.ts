// Building planned edits: one place that turns a range of a parsed unit into an edit of the real file.
import type { ts } from 'ts-morph';
import { indentAt, type Layout } from './layout.js';
import type { PlannedEdit } from './match.js';
import type { CodeUnit } from './parse.js';

/** Replace [from, to) of the unit's text (node positions) with `text`; an insertion when from === to. */
export function editAt(unit: CodeUnit, from: number, to: number, text: string): PlannedEdit {
  const start = unit.offset + from;
  return {
    file: unit.file, start, end: unit.offset + to, old: unit.sf.text.slice(from, to), text,
    piece: { kind: 'text', text: '', unit, start, literal: null },
  };
}

export function editNode(unit: CodeUnit, node: ts.Node, text: string): PlannedEdit {
  return editAt(unit, node.getStart(unit.sf), node.end, text);
}

/** Properties appended to an object literal in its own layout (one line, or one per line with a trailing comma kept). */
export function insertProperties(unit: CodeUnit, obj: ts.ObjectLiteralExpression, entries: [string, string][], layout: Layout): PlannedEdit {
  const text = unit.sf.text;
  const last = obj.properties[obj.properties.length - 1];
  const items = entries.map(([k, v]) => (k === v ? k : `${k}: ${v}`));
  const multiline = /\n/.test(text.slice(obj.getStart(unit.sf), last.getStart(unit.sf)));
  const trailing = obj.properties.hasTrailingComma;
  const at = trailing ? text.indexOf(',', last.end) + 1 : last.end;
  const indent = indentAt(text, last.getStart(unit.sf));
  const insert = multiline
    ? (trailing ? '' : ',') + items.map((i) => `${layout.eol}${indent}${i}`).join(',') + (trailing ? ',' : '')
    : (trailing ? ' ' : ', ') + items.join(', ') + (trailing ? ',' : '');
  return editAt(unit, at, at, insert);
}
