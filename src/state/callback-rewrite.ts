// The callback side, step two: inside the handler, state is read once through the helper
// (`const tiktokState = readState(req.query.state, SECRET)`), the code's own anti-forgery comparison gets the nonce
// (`state` -> `tiktokState.nonce`), and each moved parameter is read from the verified state instead of the query
// (`req.query.next` -> `safeReturnPath(tiktokState.params.next, '')`: a return path is still checked to be same-site).
import { ts } from 'ts-morph';
import { editAt, editNode } from '../scan/edits.js';
import { indentAt, layoutOf } from '../scan/layout.js';
import type { PlannedEdit } from '../scan/match.js';
import type { Handler } from './callback-find.js';

export const STATE_VAR = 'tiktokState';
/** Parameters that name where to send the user next: read through safeReturnPath. */
const RETURN_PATH = /^(?:next|return(?:_?to|_?url|_?path)?|redirect(?:_?to|_?url|_?path)?|continue|dest(?:ination)?|goto|back(?:_?url)?|from|target|callback_?url|r|ret|after_?login)$/i;

/** A parameter naming where to go next: by its name, unless its value is text that is no path (`from: 'extension'`). */
export function isReturnPath(key: string, code?: string): boolean {
  const literal = code === undefined ? undefined : /^(['"`])([^]*)\1$/.exec(code);
  if (literal && !literal[2].startsWith('/')) return false;
  return RETURN_PATH.test(key);
}

type Read =
  | { kind: 'direct'; key: string; node: ts.Expression; source: string; style: 'object' | 'search' }
  | { kind: 'binding'; key: string; element: ts.BindingElement; decl: ts.VariableDeclaration; source: string };

export interface CallbackEdits {
  edits: PlannedEdit[];
  /** Moved parameters the handler does not read (they are in tiktokState.params if something else needs them). */
  unread: string[];
  /** Helper functions the handler now calls. */
  uses: string[];
}

/**
 * The edits that make `handler` read the moved parameters from the verified state. `checksState`: the authorize URL
 * sent an anti-forgery state, so the handler must be where it is compared (a check made elsewhere, out of sight,
 * would still compare the whole packed state and fail every login).
 */
export function rewriteCallback(
  handler: Handler, params: readonly { key: string; code: string }[], secret: string, checksState: boolean,
): CallbackEdits | { problem: string } {
  const { unit, fn } = handler;
  const sf = unit.sf;
  const moved = params.map((p) => p.key);
  if (declaresName(sf, STATE_VAR)) return { problem: `the handler's file already uses the name ${STATE_VAR}` };
  const sources = querySources(handler);
  if (!sources) return { problem: 'the handler has no request parameter to read the query from' };
  const keys = new Set(['state', ...moved]);
  const reads = findReads(fn.body, keys, sources, sf);
  if (reads.length === 0) return { problem: `the handler reads neither state nor ${moved.join(', ')} from the query` };
  if (checksState && !reads.some((r) => r.key === 'state'))
    return { problem: 'the handler does not read state itself, so its anti-forgery check is somewhere the tool cannot follow' };
  if (reads.some((r) => r.kind === 'binding' && (r.decl.name as ts.ObjectBindingPattern).elements.some((e) => e.dotDotDotToken)))
    return { problem: 'the handler copies the whole query with ...rest, so state would still be read raw' };

  const first = reads[0];
  const block = fn.body;
  const s0 = block.statements.find((st) => st.getStart(sf) <= start(first, sf) && start(first, sf) < st.end);
  if (!s0) return { problem: 'state is read outside the handler body' };
  const layout = layoutOf(unit, fn);
  const q = layout.quote;
  const raw = first.kind === 'direct' && first.style === 'search' ? `${first.source}.get(${q}state${q})` : `${first.source}.state`;
  const indent = indentAt(sf.text, s0.getStart(sf));
  const edits: PlannedEdit[] = [editAt(unit, s0.getStart(sf), s0.getStart(sf), `const ${STATE_VAR} = readState(${raw}, ${secret});${layout.eol}${indent}`)];
  const uses = new Set(['readState']);
  // A return path is checked to be same-site; what replaces a missing or unsafe one follows how the code used it:
  // its own default (`|| '/home'`, `?? x`, a test, a destructuring default) where it has one, else '/'.
  const valueOf = (key: string, fallback: string | undefined): string => {
    if (key === 'state') return `${STATE_VAR}.nonce`;
    const read = /^[A-Za-z_$][\w$]*$/.test(key) ? `${STATE_VAR}.params.${key}` : `${STATE_VAR}.params[${q}${key}${q}]`;
    if (!isReturnPath(key, params.find((p) => p.key === key)?.code)) return fallback && fallback !== 'null' ? `(${read} ?? ${fallback})` : read;
    uses.add('safeReturnPath');
    return fallback ? `safeReturnPath(${read}, ${fallback})` : `safeReturnPath(${read})`;
  };
  for (const r of reads) if (r.kind === 'direct') edits.push(editNode(unit, r.node, valueOf(r.key, hasOwnDefault(r.node) ? 'null' : undefined)));
  const byDecl = new Map<ts.VariableDeclaration, ts.BindingElement[]>();
  for (const r of reads) if (r.kind === 'binding') byDecl.set(r.decl, [...(byDecl.get(r.decl) ?? []), r.element]);
  for (const [decl, moving] of byDecl) {
    const planned = bindingEdits(unit, decl, moving, (el) => valueOf(keyOf(el)!, el.initializer?.getText(sf) ?? 'null'));
    if ('problem' in planned) return planned;
    edits.push(...planned.edits);
  }
  const read = new Set(reads.map((r) => r.key));
  return { edits, unread: moved.filter((k) => !read.has(k)), uses: [...uses] };
}

/** Text of the expressions that hold the query: `req.query`, `ctx.request.query`, `url.searchParams`, … */
function querySources(handler: Handler): { object: Set<string>; search: Set<string> } | undefined {
  const { unit, fn } = handler;
  const params = fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : undefined)).filter((p): p is string => !!p);
  if (params.length === 0) return undefined;
  const object = new Set(params.flatMap((p) => [`${p}.query`, `${p}.request.query`]));
  const search = new Set(params.flatMap((p) => [`${p}.nextUrl.searchParams`, `newURL(${p}.url).searchParams`]));
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && n.initializer) {
      const init = squash(n.initializer.getText(unit.sf));
      const isUrl = /^newURL\(/.test(init) || params.some((p) => init === `${p}.nextUrl`);
      if (ts.isIdentifier(n.name)) {
        if (object.has(init)) object.add(n.name.text);
        if (search.has(init) || /^newURLSearchParams\(/.test(init)) search.add(n.name.text);
        if (isUrl) search.add(`${n.name.text}.searchParams`);
      } else if (ts.isObjectBindingPattern(n.name)) {
        for (const el of n.name.elements) {
          const key = keyOf(el);
          if (!ts.isIdentifier(el.name)) continue;
          if (key === 'query' && params.includes(init)) object.add(el.name.text);
          if (key === 'searchParams' && isUrl) search.add(el.name.text);
        }
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(fn.body);
  return { object, search };
}

function findReads(body: ts.Block, keys: Set<string>, sources: { object: Set<string>; search: Set<string> }, sf: ts.SourceFile): Read[] {
  const reads: Read[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isPropertyAccessExpression(n) && keys.has(n.name.text) && sources.object.has(squash(n.expression.getText(sf))) && !isWritten(n)) {
      reads.push({ kind: 'direct', key: n.name.text, node: n, source: n.expression.getText(sf), style: 'object' });
      return;
    }
    if (ts.isElementAccessExpression(n) && ts.isStringLiteralLike(n.argumentExpression) && keys.has(n.argumentExpression.text) &&
      sources.object.has(squash(n.expression.getText(sf))) && !isWritten(n)) {
      reads.push({ kind: 'direct', key: n.argumentExpression.text, node: n, source: n.expression.getText(sf), style: 'object' });
      return;
    }
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'get' && n.arguments.length === 1 &&
      ts.isStringLiteralLike(n.arguments[0]) && keys.has(n.arguments[0].text) && sources.search.has(squash(n.expression.expression.getText(sf)))) {
      reads.push({ kind: 'direct', key: n.arguments[0].text, node: n, source: n.expression.expression.getText(sf), style: 'search' });
      return;
    }
    if (ts.isVariableDeclaration(n) && ts.isObjectBindingPattern(n.name) && n.initializer && sources.object.has(squash(n.initializer.getText(sf)))) {
      for (const el of n.name.elements) {
        const key = keyOf(el);
        if (key && keys.has(key)) reads.push({ kind: 'binding', key, element: el, decl: n, source: n.initializer.getText(sf) });
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(body);
  return reads.sort((a, b) => start(a, sf) - start(b, sf));
}

/** Take the moved names out of `const { code, state, next } = req.query` and declare them after it from the state. */
function bindingEdits(
  unit: Handler['unit'], decl: ts.VariableDeclaration, moving: ts.BindingElement[], value: (el: ts.BindingElement) => string,
): { edits: PlannedEdit[] } | { problem: string } {
  const sf = unit.sf;
  const list = decl.parent;
  const statement = list.parent;
  if (!ts.isVariableDeclarationList(list) || !ts.isVariableStatement(statement) || list.declarations.length !== 1)
    return { problem: 'the query is destructured in a declaration the tool cannot split' };
  const keyword = (list.flags & ts.NodeFlags.Const) !== 0 ? 'const' : (list.flags & ts.NodeFlags.Let) !== 0 ? 'let' : 'var';
  const layout = layoutOf(unit, decl);
  const indent = indentAt(sf.text, statement.getStart(sf));
  const lines = moving.map((el) => `${keyword} ${(el.name as ts.Identifier).text} = ${value(el)};`);
  if (moving.some((el) => !ts.isIdentifier(el.name))) return { problem: 'a moved parameter is destructured into a nested pattern' };
  const pattern = decl.name as ts.ObjectBindingPattern;
  const kept = pattern.elements.filter((el) => !moving.includes(el));
  if (kept.length === 0) return { edits: [editNode(unit, statement, lines.join(`${layout.eol}${indent}`))] };
  // Keep the other names as they were written, joined the way the first two were.
  const all = pattern.elements;
  const separator = sf.text.slice(all[0].end, all[1].getStart(sf));
  return {
    edits: [
      editAt(unit, all[0].getStart(sf), all[all.length - 1].end, kept.map((el) => el.getText(sf)).join(separator)),
      editAt(unit, statement.end, statement.end, lines.map((l) => `${layout.eol}${indent}${l}`).join('')),
    ],
  };
}

/** The name is a variable, function or parameter somewhere in the file (a property named so does not clash). */
export function declaresName(sf: ts.SourceFile, name: string): boolean {
  if (!sf.text.includes(name)) return false;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && n.text === name) {
      const p = n.parent;
      const property = (ts.isPropertyAccessExpression(p) && p.name === n) || ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) ||
        ts.isPropertyDeclaration(p) || ts.isPropertySignature(p)) && p.name === n);
      if (!property) found = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

/** The read is tested or given a default right where it is (`x || d`, `x ?? d`, `x ? a : b`, `if (x)`, `!x`). */
function hasOwnDefault(node: ts.Expression): boolean {
  let n: ts.Node = node;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (ts.isBinaryExpression(p) && p.left === n)
    return [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(p.operatorToken.kind);
  return (ts.isConditionalExpression(p) && p.condition === n) || (ts.isIfStatement(p) && p.expression === n) ||
    (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken);
}

function keyOf(el: ts.BindingElement): string | undefined {
  const name = el.propertyName ?? el.name;
  return ts.isIdentifier(name) || ts.isStringLiteralLike(name) ? name.text : undefined;
}

function start(r: Read, sf: ts.SourceFile): number {
  return r.kind === 'direct' ? r.node.getStart(sf) : r.element.getStart(sf);
}

function isWritten(n: ts.Expression): boolean {
  const p = n.parent;
  return ts.isBinaryExpression(p) && p.left === n && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
}

function squash(text: string): string {
  return text.replace(/\s+/g, '');
}
