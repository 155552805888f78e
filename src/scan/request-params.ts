// The parameters a v1 call sends, read from where v1 code put them (the URL's query string, or an object literal
// holding client_key), as code text that can be written into a v2 form body; and the URL expression without its
// query string.
import { ts } from 'ts-morph';
import { applyEdits } from '../transform-edits.js';
import { appendsTo, flatten, slicePieces, type Evaluator, type Piece } from './evaluate.js';
import { stringLiteral, type Layout } from './layout.js';
import type { PlannedEdit } from './match.js';
import type { CodeUnit } from './parse.js';
import { propertyName, skipOuter, type Resolver } from './resolve.js';
import { editAt, editNode } from './edits.js';

export interface Param {
  key: string;
  /** Code text of the value, valid at the call. */
  value: string;
}

/** Parameters of the query string in `pieces` (after the '?'); null when a value cannot be written at the call. */
export function queryParams(pieces: Piece[], unit: CodeUnit, layout: Layout): Param[] | null {
  const out: Param[] = [];
  let key: string | null = null;
  let parts: (string | ts.Node | { constant: string; text: string })[] = [];
  const flush = (): boolean => {
    if (key !== null && key !== '') {
      const value = valueCode(parts, unit, layout);
      if (value === null) return false;
      out.push({ key, value });
    }
    key = null;
    parts = [];
    return true;
  };
  for (const p of pieces) {
    if (p.kind === 'hole') {
      if (key === null || p.unit !== unit) return null;
      parts.push(p.node);
      continue;
    }
    const text = p.text.split('#')[0];
    // A value that is a whole string constant of this module is written as the constant's name, as the author did.
    const constant = key !== null && parts.length === 0 && !text.includes('&') ? constantName(p, unit) : undefined;
    if (constant) {
      parts.push({ constant, text });
      continue;
    }
    for (let i = 0; i < text.length; ) {
      const amp = text.indexOf('&', i);
      const chunk = text.slice(i, amp < 0 ? text.length : amp);
      if (key === null) {
        const eq = chunk.indexOf('=');
        if (eq < 0) {
          if (chunk !== '') return null; // a key split by a runtime value: not a static name
        } else {
          key = decode(chunk.slice(0, eq));
          if (eq + 1 < chunk.length) parts.push(chunk.slice(eq + 1));
        }
      } else if (chunk !== '') parts.push(chunk);
      if (amp < 0) break;
      if (!flush()) return null;
      i = amp + 1;
    }
  }
  return flush() ? out : null;
}

function valueCode(parts: (string | ts.Node | { constant: string; text: string })[], unit: CodeUnit, layout: Layout): string | null {
  if (parts.length === 0) return stringLiteral('', layout);
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only && typeof only === 'object' && 'constant' in only) return only.constant;
  const plain = parts.map((p) => (typeof p === 'object' && 'constant' in p ? p.text : p));
  if (plain.length === 1 && typeof plain[0] === 'string') return stringLiteral(decode(plain[0]), layout);
  if (plain.length === 1) return codeOf(unit, plain[0] as ts.Node);
  const body = plain.map((p) => (typeof p === 'string' ? decode(p).replace(/[`$\\]/g, '\\$&') : `\${${codeOf(unit, p)}}`)).join('');
  return `\`${body}\``;
}

/** The name of a module-level constant whose whole value is this piece (const REDIRECT_URI = 'https://…'). */
function constantName(piece: Piece, unit: CodeUnit): string | undefined {
  if (piece.kind !== 'text' || !piece.literal || piece.unit !== unit) return undefined;
  let n: ts.Node = piece.literal;
  while (n.parent && (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) ||
    (ts.isBinaryExpression(n.parent) && n.parent.right === n && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(n.parent.operatorToken.kind))))
    n = n.parent;
  const decl = n.parent;
  if (!decl || !ts.isVariableDeclaration(decl) || decl.initializer !== n || !ts.isIdentifier(decl.name)) return undefined;
  return decl.parent.parent.parent === unit.sf ? decl.name.text : undefined;
}

/** Source text of a value, without the encodeURIComponent() that URLSearchParams now does itself. */
export function codeOf(unit: CodeUnit, node: ts.Node): string {
  let n = ts.isExpression(node as ts.Expression) ? skipOuter(node as ts.Expression) : node;
  if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && ['encodeURIComponent', 'encodeURI', 'escape'].includes(n.expression.text) && n.arguments.length === 1)
    n = n.arguments[0];
  return unit.sf.text.slice(n.getStart(unit.sf), n.end);
}

/** Query text as a framework reads it: '+' is a space, %XX decoded (left as it is when malformed). */
export function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** Entries of an object literal of parameters ({ client_key, code: req.query.code }). */
export function objectParams(unit: CodeUnit, obj: ts.ObjectLiteralExpression): Param[] | null {
  const out: Param[] = [];
  for (const p of obj.properties) {
    if (ts.isShorthandPropertyAssignment(p)) out.push({ key: p.name.text, value: p.name.text });
    else if (ts.isPropertyAssignment(p) && propertyName(p.name) !== undefined)
      out.push({ key: propertyName(p.name)!, value: codeOf(unit, p.initializer) });
    else return null; // spreads and methods: we cannot list what is sent
  }
  return out;
}

/**
 * The URL expression `expr` cut at flat offset `at` (the '?'), with the URL edits inside it applied: one edit that
 * replaces the expression. null when the cut falls inside something we cannot shorten (a constant, a call).
 */
export function cutUrl(unit: CodeUnit, expr: ts.Expression, at: number, evaluator: Evaluator, urlEdits: PlannedEdit[]): PlannedEdit | null {
  const e = skipOuter(expr);
  const point = cutPoint(unit, e, at, evaluator);
  if (!point) return null;
  const start = unit.offset + e.getStart(unit.sf);
  let shift = 0; // the URL edits before the cut change where it falls in the edited text
  for (const x of urlEdits) if (x.file === unit.file && x.start >= start && x.end <= point.pos) shift += x.text.length - (x.end - x.start);
  return editNode(unit, e, sourceWithEdits(unit, e, urlEdits).slice(0, point.pos - start + shift) + point.close);
}

/** Where to cut (a source offset) and what closes the expression there (a quote, a backtick, or nothing). */
function cutPoint(unit: CodeUnit, e: ts.Expression, at: number, evaluator: Evaluator): { pos: number; close: string } | null {
  const len = (x: ts.Expression) => flatten(evaluator.evaluate(unit, x).pieces).text.length;
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) {
    const open = unit.offset + e.getStart(unit.sf) + 1;
    return { pos: open + at, close: unit.sf.text[e.getStart(unit.sf)] };
  }
  if (ts.isTemplateExpression(e)) {
    let offset = 0;
    const quasis: ts.Node[] = [e.head, ...e.templateSpans.map((s) => s.literal)];
    for (let i = 0; i < quasis.length; i++) {
      const q = quasis[i];
      const qStart = q.getStart(unit.sf) + 1;
      const qLen = q.end - (ts.isTemplateTail(q) ? 1 : 2) - qStart;
      if (at >= offset && at <= offset + qLen) return { pos: unit.offset + qStart + (at - offset), close: '`' };
      offset += qLen;
      if (i < e.templateSpans.length) offset += len(e.templateSpans[i].expression);
    }
    return null;
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const leftLen = len(e.left);
    if (at === leftLen) return { pos: unit.offset + e.left.end, close: '' };
    if (at < leftLen) return cutPoint(unit, skipOuter(e.left), at, evaluator);
    return cutPoint(unit, skipOuter(e.right), at - leftLen, evaluator);
  }
  return null;
}

/** The flat pieces after the '?' of a value. */
export function queryPieces(pieces: Piece[], questionMark: number): Piece[] {
  return slicePieces(pieces, questionMark + 1, flatten(pieces).text.length);
}


/**
 * A `let url = …; url += '?a=' + a; url += '&b=' + b;` chain cut at flat offset `at`: the part holding the cut is
 * shortened and every later `url += …` statement is removed. null when the chain is not that simple.
 */
export function cutLetChain(unit: CodeUnit, decl: ts.VariableDeclaration, at: number, evaluator: Evaluator, urlEdits: PlannedEdit[]): PlannedEdit[] | null {
  const steps = appendsTo(decl);
  if (!decl.initializer || steps.some((s) => s === null)) return null;
  const parts = [decl.initializer, ...(steps as ts.Expression[])];
  const edits: PlannedEdit[] = [];
  let offset = 0;
  for (const part of parts) {
    const length = flatten(evaluator.evaluate(unit, part).pieces).text.length;
    if (offset >= at) {
      const statement = part.parent?.parent;
      if (!statement || !ts.isExpressionStatement(statement)) return null;
      edits.push(removeStatement(unit, statement));
    } else if (at < offset + length) {
      const cut = cutUrl(unit, part, at - offset, evaluator, urlEdits);
      if (!cut) return null;
      edits.push(cut);
    }
    offset += length;
  }
  return edits;
}

/** The statement and its line, when it stands alone on it. */
export function removeStatement(unit: CodeUnit, st: ts.Statement): PlannedEdit {
  const text = unit.sf.text;
  let from = st.getStart(unit.sf);
  let to = st.end;
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  const lineEnd = text.indexOf('\n', to);
  if (/^[ \t]*$/.test(text.slice(lineStart, from)) && /^[ \t]*\r?$/.test(text.slice(to, lineEnd < 0 ? text.length : lineEnd))) {
    from = lineStart;
    to = lineEnd < 0 ? text.length : lineEnd + 1;
  }
  return editAt(unit, from, to, '');
}

/**
 * Where the URL of candidate `c` can be cut inside the call's URL argument: the argument itself when the URL is built
 * there, or the path argument of an instance call (`api.post('/oauth/…?a=1')` on an axios baseURL), with the flat
 * offset of the '?' inside it. undefined when the URL is built away from the call.
 */
export function urlInArgument(c: { root: { unit: CodeUnit; node: ts.Node; value: { pieces: Piece[] } }; end: number }, urlArg: ts.Expression, call: ts.Node, evaluator: Evaluator): { expr: ts.Expression; at: number } | undefined {
  if (c.root.node === call) {
    const total = flatten(c.root.value.pieces).text.length;
    const own = flatten(evaluator.evaluate(c.root.unit, urlArg).pieces).text.length;
    const at = c.end - (total - own);
    return at >= 0 ? { expr: urlArg, at } : undefined;
  }
  const inside = c.root.node.pos >= urlArg.pos && c.root.node.end <= urlArg.end;
  return inside ? { expr: urlArg, at: c.end } : undefined;
}

/** A node's source text with the planned edits inside it applied (kept parts of a rewritten call keep their URL fix). */
export function sourceWithEdits(unit: CodeUnit, node: ts.Node, edits: readonly PlannedEdit[]): string {
  const start = unit.offset + node.getStart(unit.sf);
  const end = unit.offset + node.end;
  const inside = edits.filter((e) => e.file === unit.file && e.start >= start && e.end <= end);
  const text = unit.sf.text.slice(start - unit.offset, end - unit.offset);
  return applyEdits(text, inside.map((e) => ({ ...e, start: e.start - start, end: e.end - start, transform: 'token-url' as const })));
}

/**
 * `?${query}` where `const query = querystring.stringify({…})` / `new URLSearchParams({…})` (or the call inline): the
 * object of parameters, and the declaration that becomes unused once they move into the body.
 */
export function builtQuery(pieces: Piece[], unit: CodeUnit, resolver: Resolver): { object: ts.ObjectLiteralExpression; declaration?: PlannedEdit } | undefined {
  const holes = pieces.filter((p) => p.kind === 'hole');
  if (holes.length !== 1 || pieces.some((p) => p.kind === 'text' && p.text !== '') || holes[0].unit !== unit) return undefined;
  let node = skipOuter(holes[0].node as ts.Expression);
  let declaration: ts.VariableDeclaration | undefined;
  if (ts.isIdentifier(node)) {
    const t = resolver.identifier(unit, node);
    if (!t || t.kind !== 'expr' || !t.decl || !ts.isVariableDeclaration(t.decl) || t.unit !== unit) return undefined;
    declaration = t.decl;
    node = skipOuter(t.expr);
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'toString') node = skipOuter(node.expression.expression);
  const arg = (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'stringify') ||
    (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URLSearchParams')
    ? node.arguments?.[0] : undefined;
  const object = arg && skipOuter(arg);
  if (!object || !ts.isObjectLiteralExpression(object)) return undefined;
  const statement = declaration?.parent.parent;
  const onlyUse = declaration && statement && ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1 &&
    usesOf(declaration) === 1;
  return { object, declaration: onlyUse ? removeStatement(unit, statement) : undefined };
}

/** How often a declared name is read in its scope. */
export function usesOf(decl: ts.VariableDeclaration): number {
  const name = (decl.name as ts.Identifier).text;
  let count = 0;
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && n.text === name && n !== decl.name && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) count++;
    ts.forEachChild(n, visit);
  };
  visit(decl.parent.parent.parent);
  return count;
}


/** The parameters visible in a URL's query string (literal, interpolated, or a URLSearchParams/querystring object). */
export function visibleParams(pieces: Piece[], questionMark: number, unit: CodeUnit, resolver: Resolver, evaluator: Evaluator, layout: Layout): (Param & { static?: string })[] {
  const after = queryPieces(pieces, questionMark);
  const built = builtQuery(after, unit, resolver);
  const params = (built ? objectParams(unit, built.object) : queryParams(after, unit, layout)) ?? [];
  return params.map((p) => {
    const parsed = ts.createSourceFile('value.ts', `(${p.value})`, ts.ScriptTarget.Latest, true);
    const expr = (parsed.statements[0] as ts.ExpressionStatement | undefined)?.expression;
    const inner = expr && ts.isParenthesizedExpression(expr) ? expr.expression : undefined;
    if (inner && ts.isStringLiteralLike(inner)) return { ...p, static: inner.text };
    const resolved = inner && ts.isIdentifier(inner) ? staticOf(unit, p.value, resolver, evaluator) : undefined;
    return resolved === undefined ? p : { ...p, static: resolved };
  });
}

/** The text a module-level name stands for, when it is known statically. */
function staticOf(unit: CodeUnit, name: string, resolver: Resolver, evaluator: Evaluator): string | undefined {
  for (const st of unit.sf.statements)
    if (ts.isVariableStatement(st))
      for (const d of st.declarationList.declarations)
        if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer) {
          const pieces = evaluator.evaluate(unit, d.initializer).pieces;
          return pieces.every((p) => p.kind === 'text') ? flatten(pieces).text : undefined;
        }
  void resolver;
  return undefined;
}
