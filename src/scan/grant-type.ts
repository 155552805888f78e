// v1 access_token and refresh_token both become /v2/oauth/token/, so grant_type is what tells them apart: make sure
// each token call carries the right one wherever its parameters are visible (spec section 2).
import { ts } from 'ts-morph';
import { endpointById } from '../endpoints.js';
import { HOLE } from '../url-match.js';
import type { Candidate, PlannedEdit } from './match.js';
import type { CodeUnit } from './parse.js';
import { callsUsing } from './calls.js';
import { layoutOf, quoteOf } from './layout.js';
import { editAt, insertProperties } from './edits.js';
import { propertyName, skipOuter, type Resolver } from './resolve.js';

export function grantTypeEdits(c: Candidate, resolver: Resolver): PlannedEdit[] {
  const grant = c.endpoint ? endpointById(c.endpoint).grantType : undefined;
  if (!grant) return [];
  const fromQuery = queryEdit(c, grant);
  if (fromQuery !== undefined) return fromQuery ? [fromQuery] : [];
  const params = paramObject(c, resolver);
  if (!params || hasProperty(params, 'grant_type')) return [];
  return [objectEdit(c.root.unit, params, grant)];
}

/** undefined: the URL carries no parameters; null: it does, and grant_type is there or cannot be added safely. */
function queryEdit(c: Candidate, grant: string): PlannedEdit | null | undefined {
  const query = c.rest.startsWith('?') ? c.rest.split('#')[0] : '';
  if (!/client_key=/.test(query)) return undefined;
  if (/[?&]grant_type=/.test(query)) return null;
  const { unit, node } = c.root;
  const pieces = c.root.value.pieces;
  const last = pieces[pieces.length - 1];
  const sep = query.endsWith('&') || query.endsWith('?') ? '' : '&';
  if (last.kind === 'text') {
    if (last.start === null || !last.literal || !ownedBy(last.literal, node)) return null;
    const at = last.start + last.text.length;
    return insertion(unit, at, `${sep}grant_type=${grant}`);
  }
  if (query.endsWith(HOLE) && isPlusOperand(last.node) && last.unit === unit) {
    const q = quoteOf(unit, last.node);
    return insertion(unit, unit.offset + last.node.end, ` + ${q}${sep}grant_type=${grant}${q}`);
  }
  return null;
}

/** The literal belongs to this URL alone: inside the root, or inside a `url += …` of the root's let chain. */
function ownedBy(literal: ts.Node, root: ts.Node): boolean {
  if (literal.pos >= root.pos && literal.end <= root.end && literal.getSourceFile() === root.getSourceFile()) return true;
  if (!ts.isVariableDeclaration(root) || !ts.isIdentifier(root.name)) return false;
  for (let n: ts.Node | undefined = literal.parent; n; n = n.parent)
    if (ts.isBinaryExpression(n) && ts.isIdentifier(n.left) && n.left.text === root.name.text) return true;
  return false;
}

function isPlusOperand(node: ts.Node): boolean {
  const p = node.parent;
  return !!p && ts.isBinaryExpression(p) && p.right === node &&
    (p.operatorToken.kind === ts.SyntaxKind.PlusToken || p.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken);
}

/** The object literal holding client_key in the call that uses this URL. */
function paramObject(c: Candidate, resolver: Resolver): ts.ObjectLiteralExpression | undefined {
  const { unit } = c.root;
  for (const { call } of callsUsing(c, resolver)) {
    for (const arg of call.arguments ?? []) {
      const found = findParams(unit, arg, resolver, 0);
      if (found) return found;
    }
  }
  return undefined;
}

function findParams(unit: CodeUnit, expr: ts.Expression, resolver: Resolver, depth: number): ts.ObjectLiteralExpression | undefined {
  if (depth > 4) return undefined;
  const e = skipOuter(expr);
  if (ts.isObjectLiteralExpression(e)) {
    if (hasProperty(e, 'client_key')) return e;
    for (const p of e.properties) {
      const inner = ts.isPropertyAssignment(p) ? p.initializer : ts.isShorthandPropertyAssignment(p) ? p.name : undefined;
      const found = inner && findParams(unit, inner, resolver, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if ((ts.isCallExpression(e) || ts.isNewExpression(e)) && !ts.isArrowFunction(e)) {
    for (const a of e.arguments ?? []) {
      const found = findParams(unit, a, resolver, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const parts = ts.isBinaryExpression(e) ? [e.left, e.right] : ts.isTemplateExpression(e) ? e.templateSpans.map((s) => s.expression) : [];
  for (const part of parts) {
    const found = findParams(unit, part, resolver, depth + 1);
    if (found) return found;
  }
  if (ts.isIdentifier(e)) {
    const t = resolver.identifier(unit, e);
    if (t?.kind === 'expr' && t.unit === unit) return findParams(unit, t.expr, resolver, depth + 1);
  }
  return undefined;
}

function hasProperty(obj: ts.ObjectLiteralExpression, name: string): boolean {
  return obj.properties.some(
    (p) => (ts.isPropertyAssignment(p) && propertyName(p.name) === name) || (ts.isShorthandPropertyAssignment(p) && p.name.text === name),
  );
}

/** `grant_type: '…'` after the last property, in the object's own layout (one line or one per line). */
function objectEdit(unit: CodeUnit, obj: ts.ObjectLiteralExpression, grant: string): PlannedEdit {
  const layout = layoutOf(unit, obj);
  const q = layout.quote;
  const quotedKeys = obj.properties.some((p) => ts.isPropertyAssignment(p) && ts.isStringLiteral(p.name));
  return insertProperties(unit, obj, [[quotedKeys ? `${q}grant_type${q}` : 'grant_type', `${q}${grant}${q}`]], layout);
}

/** An insertion at a file offset. */
function insertion(unit: CodeUnit, at: number, text: string): PlannedEdit {
  return editAt(unit, at - unit.offset, at - unit.offset, text);
}
