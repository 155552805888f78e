// Reads of a migrated call's response, moved to the v2 shape (spec section 3). Token and refresh answers lose v1's
// `data` wrapper (fetch: json.data.x -> json.x; axios: res.data.data.x -> res.data.x); v1 error checks
// (message === 'error', data.error_code, data.description) become checks on v2's error / error_description.
// Where the whole v1-shaped answer leaves the function, it is reported (or, with --compat-response, wrapped).
import { ts } from 'ts-morph';
import type { EndpointId } from '../endpoints.js';
import type { CallSite } from './calls.js';
import type { PlannedEdit } from './match.js';
import type { CodeUnit } from './parse.js';
import { skipOuter, type Resolver } from './resolve.js';
import { bodyExpressions, identifiersBoundTo, isMember, nearestBinding } from './response-bodies.js';
import { editAt as replaceRange, editNode as replace } from './edits.js';

const V2_TOKEN_FIELDS = new Set(['access_token', 'expires_in', 'open_id', 'refresh_token', 'refresh_expires_in', 'scope', 'token_type', 'log_id']);

export interface ReadsResult {
  edits: PlannedEdit[];
  /** Places that still read the v1 shape and could not be rewritten safely (v1-response-shape). */
  problems: { unit: CodeUnit; node: ts.Node; message: string }[];
  /** Places wrapped as { data: … } by --compat-response (an unsafe fix, reported). */
  wrapped: { unit: CodeUnit; node: ts.Node; message: string }[];
}

/** `compat` wraps an escaping body as { data: … }; `alreadyV2` calls never do (their consumers read v2 already). */
export function planResponseReads(site: CallSite, endpoint: EndpointId, resolver: Resolver, compat: boolean | 'already-v2'): ReadsResult {
  const out: ReadsResult = { edits: [], problems: [], wrapped: [] };
  if (!['token', 'refresh', 'revoke', 'user-info'].includes(endpoint)) return out;
  const inner: ts.Expression[] = [];
  const bodies = bodyExpressions(site, resolver, out, inner);
  // A call already on v2 whose body goes somewhere we cannot follow is not a problem: its readers expect v2.
  if (compat === 'already-v2') out.problems = [];
  if (endpoint === 'user-info') {
    for (const body of bodies) userInfoRead(site.unit, body, out);
    return out;
  }
  for (const body of bodies) readOf(site.unit, body, endpoint, compat, out);
  for (const data of inner) flatRead(site.unit, data, endpoint, out);
  if (endpoint !== 'revoke') v1Types(site.unit, bodies, out);
  return out;
}

function readOf(unit: CodeUnit, body: ts.Expression, endpoint: EndpointId, compat: boolean | 'already-v2', out: ReadsResult): void {
  const p = body.parent;
  if (isMember(body, 'data')) {
    const access = p as ts.PropertyAccessExpression;
    const next = access.parent;
    if (ts.isPropertyAccessExpression(next) && next.expression === access) {
      const field = next.name.text;
      if (field === 'error_code') return errorCheck(unit, body, next, out);
      if (field === 'description') return void out.edits.push(replaceRange(unit, access.name.getStart(unit.sf) - 1, next.end, '.error_description'));
      if (endpoint !== 'revoke' && V2_TOKEN_FIELDS.has(field)) return void out.edits.push(dropData(unit, access));
      out.problems.push({ unit, node: next, message: `reads ${next.getText(unit.sf)}, which v2 does not return` });
      return;
    }
    if (endpoint === 'revoke') return;
    // json.data as a whole is v2's flat body: `const { access_token } = json.data`, `return json.data`.
    out.edits.push(dropData(unit, access));
    const holder = access.parent;
    if (ts.isVariableDeclaration(holder) && holder.initializer === access) {
      if (ts.isIdentifier(holder.name)) for (const use of identifiersBoundTo(unit, holder, holder.name.text)) flatRead(unit, use, endpoint, out);
      else if (ts.isObjectBindingPattern(holder.name) && holder.name.elements.some((e) => ['error_code', 'description'].includes((e.propertyName ?? e.name).getText(unit.sf))))
        out.problems.push({ unit, node: holder.name, message: 'destructures v1\'s error_code/description; v2 errors are error/error_description' });
    }
    return;
  }
  if (isMember(body, 'message')) {
    const cmp = comparison(p);
    const value = cmp && ts.isStringLiteralLike(cmp.other) ? cmp.other.text : undefined;
    if (cmp && (value === 'error' || value === 'success')) {
      const isError = (value === 'error') === (cmp.op === '===' || cmp.op === '==');
      const text = `${isError ? '' : '!'}${body.getText(unit.sf)}.error`;
      return void out.edits.push(replace(unit, cmp.node, text));
    }
    return;
  }
  const p2 = body.parent;
  if (ts.isVariableDeclaration(p2) && p2.initializer === body && ts.isObjectBindingPattern(p2.name) && p2.name.elements.length === 1) {
    // const { data } = json: v1's data object is v2's whole body.
    const el = p2.name.elements[0];
    if ((el.propertyName ?? el.name).getText(unit.sf) === 'data' && ts.isIdentifier(el.name) && !el.dotDotDotToken) {
      out.edits.push(replace(unit, p2.name, el.name.text));
      for (const use of identifiersBoundTo(unit, p2, el.name.text)) flatRead(unit, use, endpoint, out);
      return;
    }
  }
  if (compat !== 'already-v2' && escapes(body)) {
    if (compat) {
      out.edits.push(replace(unit, body, `{ data: ${body.getText(unit.sf)} }`));
      out.wrapped.push({ unit, node: body, message: 'wrapped as { data: … } (--compat-response) so its consumers keep reading data.access_token' });
    } else out.problems.push({ unit, node: body, message: 'leaves here whole (returned, passed on or stored): whatever reads it next must read v2\'s flat shape (access_token, not data.access_token); check those reads' });
  }
}

/** A declared type of the body that still describes v1's `data` wrapper: TypeScript would reject the v2 reads. */
function v1Types(unit: CodeUnit, bodies: ts.Expression[], out: ReadsResult): void {
  const names = new Set<string>();
  for (const body of bodies) {
    const binding = ts.isIdentifier(body) ? nearestBinding(body, body.text) : undefined;
    const type = binding && (ts.isParameter(binding) || ts.isVariableDeclaration(binding)) ? binding.type : undefined;
    if (type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) names.add(type.typeName.text);
  }
  for (const st of unit.sf.statements) {
    if (!(ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) || !names.has(st.name.text)) continue;
    const name = st.name.text;
    const members: readonly ts.TypeElement[] | undefined = ts.isInterfaceDeclaration(st)
      ? st.members
      : ts.isTypeLiteralNode(st.type) ? st.type.members : undefined;
    if (members?.some((m) => m.name && ts.isIdentifier(m.name) && m.name.text === 'data'))
      out.problems.push({ unit, node: st, message: `type ${name} still describes v1's { data, message } wrapper; give it v2's flat fields (access_token, open_id, …, error, error_description)` });
  }
}

/** v1 user info answered error.code 0 on success; v2 answers the string "ok": `error.code !== 0` and a bare
 * `if (body.error.code)` both turn success into failure on v2 (spec section 3). */
function userInfoRead(unit: CodeUnit, body: ts.Expression, out: ReadsResult): void {
  if (!isMember(body, 'error') || !isMember(body.parent, 'code')) return;
  const read = body.parent.parent as ts.PropertyAccessExpression;
  const text = read.getText(unit.sf);
  const cmp = comparison(read);
  if (cmp && ts.isNumericLiteral(cmp.other) && cmp.other.text === '0') return void out.edits.push(replace(unit, cmp.other, "'ok'"));
  if (cmp) return;
  const p = read.parent;
  if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken)
    return void out.edits.push(replace(unit, p, `${text} === 'ok'`));
  if (isCondition(read)) out.edits.push(replace(unit, read, `${text} !== 'ok'`));
}

/** Used for its truthiness: an if/while/ternary test or an operand of && / ||. */
function isCondition(node: ts.Expression): boolean {
  const p = node.parent;
  if ((ts.isIfStatement(p) || ts.isWhileStatement(p)) && p.expression === node) return true;
  if (ts.isConditionalExpression(p) && p.condition === node) return true;
  return ts.isBinaryExpression(p) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken].includes(p.operatorToken.kind) && isCondition(p);
}

/** A read of v1's inner data object, which is v2's whole body: only the error fields change. */
function flatRead(unit: CodeUnit, data: ts.Expression, endpoint: EndpointId, out: ReadsResult): void {
  const p = data.parent;
  if (!ts.isPropertyAccessExpression(p) || p.expression !== data) return;
  if (p.name.text === 'error_code') return errorCheck(unit, data, p, out);
  if (p.name.text === 'description') return void out.edits.push(replace(unit, p.name, 'error_description'));
  if (endpoint !== 'revoke' && !V2_TOKEN_FIELDS.has(p.name.text))
    out.problems.push({ unit, node: p, message: `reads ${p.getText(unit.sf)}, which v2 does not return` });
}

/** json.data.error_code !== 0 -> json.error; === 0 -> !json.error; a bare read -> json.error. */
function errorCheck(unit: CodeUnit, body: ts.Expression, read: ts.PropertyAccessExpression, out: ReadsResult): void {
  const cmp = comparison(read);
  const base = body.getText(unit.sf);
  if (cmp && ts.isNumericLiteral(cmp.other) && cmp.other.text === '0')
    return void out.edits.push(replace(unit, cmp.node, `${cmp.op.startsWith('!') ? '' : '!'}${base}.error`));
  if (cmp) return void out.problems.push({ unit, node: cmp.node, message: 'compares v1\'s numeric error_code; v2 errors are error/error_description' });
  out.edits.push(replace(unit, read, `${base}.error`));
}

/** `expr === x` / `x !== expr` (through parentheses): the comparison, its operator and the other side. */
function comparison(expr: ts.Node): { node: ts.BinaryExpression; op: string; other: ts.Expression } | undefined {
  let child = expr;
  let n = expr.parent;
  while (n && ts.isParenthesizedExpression(n)) [child, n] = [n, n.parent];
  if (!n || !ts.isBinaryExpression(n)) return undefined;
  const op = n.operatorToken.getText();
  if (!['===', '!==', '==', '!='].includes(op)) return undefined;
  return { node: n, op, other: skipOuter(n.left === child ? n.right : n.left) };
}

/** Logging and turning into text (a log line, an error message) is not a consumer reading token fields. */
const TEXT_ONLY = /^(?:console\.\w+|JSON\.stringify|String|util\.inspect|inspect|(?:this\.)?(?:logger|log)(?:\.\w+)?)$/;

function escapes(body: ts.Expression): boolean {
  const p = body.parent;
  return ts.isReturnStatement(p) || (ts.isCallExpression(p) && p.arguments.includes(body) && !TEXT_ONLY.test(p.expression.getText().replace(/\s+/g, ''))) ||
    (ts.isPropertyAssignment(p) && p.initializer === body) || ts.isShorthandPropertyAssignment(p) ||
    (ts.isBinaryExpression(p) && p.right === body && p.operatorToken.kind === ts.SyntaxKind.EqualsToken);
}

function dropData(unit: CodeUnit, access: ts.PropertyAccessExpression): PlannedEdit {
  return replaceRange(unit, access.expression.end, access.end, '');
}
