// What the request and https shapes share: the options they rebuild (headers, the user info URL with ?fields=…), the
// edits they plan inside a rebuilt node, and how they fail.
import { ts } from 'ts-morph';
import type { CallSite } from './calls.js';
import type { Evaluator } from './evaluate.js';
import { stringLiteral, type Layout } from './layout.js';
import type { Candidate, PlannedEdit } from './match.js';
import type { CodeUnit } from './parse.js';
import { cutUrl, queryParams, queryPieces, urlInArgument, type Param } from './request-params.js';
import { FORM_TYPE, type ShapeResult } from './request-shape.js';
import { propertyName, skipOuter } from './resolve.js';
import { fieldsOf, withFields } from './user-info.js';
import { editAt as replaceRange } from './edits.js';

export type Entry = [string, string];
export type Problem = { problem: string };
export type Fn = ts.ArrowFunction | ts.FunctionExpression;

export const fail = (site: CallSite, problem: string): ShapeResult => ({ edits: [], site, problem });

// -------------------------------------------------------------------------------------------------------- both, user info

export function queryOf(c: Candidate, unit: CodeUnit, layout: Layout): Param[] {
  return c.rest.startsWith('?') ? queryParams(queryPieces(c.root.value.pieces, c.end), unit, layout) ?? [] : [];
}

/** The URL expression cut before its query string, with `?fields=…` appended: one edit. */
export function userInfoUrl(c: Candidate, site: CallSite, url: ts.Expression, params: Param[], evaluator: Evaluator, layout: Layout): PlannedEdit | Problem {
  const place = c.root.unit === site.unit ? urlInArgument(c, url, site.call, evaluator) : undefined;
  if (!place) return { problem: 'the URL is built away from the call' };
  const cut = cutUrl(site.unit, place.expr, place.at, evaluator, c.edits);
  if (!cut) return { problem: 'the URL expression cannot be cut before its query string' };
  return { ...cut, text: withFields(cut.text, fieldsOf(site.unit, params), layout) };
}

/**
 * A headers option rebuilt on one line: the headers `keep` accepts (by lower-case name), then `add`; for https the
 * form Content-Type too (in place of the old one). null: not an object literal, or (strict) spread from elsewhere.
 */
export function rebuiltHeaders(unit: CodeUnit, p: ts.ObjectLiteralElementLike, keep: (name: string, value?: ts.Expression) => boolean, add: string[],
  spreads: boolean, formLayout?: Layout): string | null {
  if (!ts.isPropertyAssignment(p)) return null;
  const obj = skipOuter(p.initializer);
  if (!ts.isObjectLiteralExpression(obj)) return null;
  const items: string[] = [];
  let typed = false;
  for (const h of obj.properties) {
    if (!h.name) {
      if (!spreads) return null;
      items.push(sourceOf(unit, h));
      continue;
    }
    const name = (propertyName(h.name) ?? '').toLowerCase();
    if (formLayout && name === 'content-type') {
      items.push(`${sourceOf(unit, h.name)}: ${stringLiteral(FORM_TYPE, formLayout)}`);
      typed = true;
    } else if (keep(name, ts.isPropertyAssignment(h) ? h.initializer : undefined)) items.push(sourceOf(unit, h));
  }
  if (formLayout && !typed) items.push(`${stringLiteral('Content-Type', formLayout)}: ${stringLiteral(FORM_TYPE, formLayout)}`);
  return `{ ${[...items, ...add].join(', ')} }`;
}

// ------------------------------------------------------------------------------------------------------------ edits

export function property(obj: ts.ObjectLiteralExpression, ...names: string[]): ts.PropertyAssignment | undefined {
  return obj.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && names.includes(propertyName(p.name) ?? ''));
}

export function isFunction(e: ts.Node): e is Fn {
  return ts.isArrowFunction(e) || ts.isFunctionExpression(e);
}

export function sourceOf(unit: CodeUnit, node: ts.Node): string {
  return unit.sf.text.slice(node.getStart(unit.sf), node.end);
}

const covers = (outer: PlannedEdit, e: PlannedEdit) => outer.file === e.file && e.start >= outer.start && e.end <= outer.end && outer.end > outer.start;

/** The edits applied inside a rebuilt node: the cuts, and the URL edits they do not already hold. */
export function innerEdits(cuts: PlannedEdit[], urlEdits: PlannedEdit[]): PlannedEdit[] {
  return [...cuts, ...urlEdits.filter((e) => !cuts.some((k) => covers(k, e)))];
}

export function inside(unit: CodeUnit, e: PlannedEdit, node: ts.Node): boolean {
  return e.file === unit.file && e.start >= unit.offset + node.getStart(unit.sf) && e.end <= unit.offset + node.end;
}

export function insertAt(unit: CodeUnit, at: number, text: string): PlannedEdit {
  return replaceRange(unit, at, at, text);
}

/** What a user-info options object becomes so far: its properties, and whether it had headers. */
export interface BearerGet {
  entries: Entry[];
  headers: boolean;
}

/**
 * One property of a user-info request's options, made v2: `method` becomes GET, `headers` lose the body's types and
 * gain Authorization. True when handled, false when the headers cannot be rebuilt, undefined for other properties.
 */
export function asBearerGet(unit: CodeUnit, p: ts.ObjectLiteralElementLike, out: BearerGet, authorization: string, layout: Layout, spreadOk: boolean): boolean | undefined {
  const key = p.name && propertyName(p.name);
  if (key === 'method') {
    out.entries.push([sourceOf(unit, p.name!), stringLiteral('GET', layout)]);
    return true;
  }
  if (key !== 'headers') return undefined;
  const rebuilt = rebuiltHeaders(unit, p, (h) => !['content-type', 'content-length', 'authorization'].includes(h), [authorization], spreadOk);
  if (rebuilt === null) return false;
  out.entries.push(['headers', rebuilt]);
  out.headers = true;
  return true;
}
