// Where URLs are built: the outermost string-building expressions of a file (a literal, a template, a `+` chain,
// `new URL(path, base)`), plus the joins that are not expressions: `{ host, path }` request options, axios
// `baseURL` + instance calls, and `let url = …; url += …` chains.
import { ts } from 'ts-morph';
import { matchV1Path } from '../url-match.js';
import type { Evaluator, Value } from './evaluate.js';
import type { CodeUnit } from './parse.js';
import { propertyName, skipOuter, type Resolver } from './resolve.js';

export interface Root {
  unit: CodeUnit;
  /** The node a person should look at; also where grant_type is added for a `+` chain. */
  node: ts.Node;
  value: Value;
  /** The expression that builds the URL when there is one (null for object and instance joins). */
  expr: ts.Expression | null;
}

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request']);

export function collectRoots(unit: CodeUnit, evaluator: Evaluator, resolver: Resolver): Root[] {
  const roots: Root[] = [];
  const add = (node: ts.Node, value: Value, expr: ts.Expression | null) => {
    if (mayHoldUrl(value)) roots.push({ unit, node, value, expr });
  };
  const visit = (node: ts.Node): void => {
    if (isStringBuilder(node) && !isComposed(node) && !isNonValueLiteral(node)) {
      if (!ts.isStringLiteralLike(node) || interesting(node.text)) add(node, evaluator.evaluate(unit, node), node);
    } else if (ts.isObjectLiteralExpression(node)) {
      const joined = objectJoin(node);
      if (joined) add(node, join(evaluator, unit, joined[0], joined[1]), null);
    } else if (ts.isCallExpression(node)) {
      const base = instanceBase(unit, node, resolver);
      if (base) add(node, join(evaluator, base.unit, base.expr, node.arguments[0], unit), null);
    } else if (ts.isVariableDeclaration(node) && isAppendedLet(node)) {
      add(node, evaluator.letChain(unit, node), null);
    }
    ts.forEachChild(node, visit);
  };
  visit(unit.sf);
  return roots;
}

function interesting(text: string): boolean {
  return /tiktok/i.test(text) || matchV1Path(text) !== null;
}

function mayHoldUrl(value: Value): boolean {
  return value.pieces.some((p) => p.kind === 'text' && interesting(p.text));
}

function isStringBuilder(node: ts.Node): node is ts.Expression {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) return true;
  if (ts.isBinaryExpression(node)) return node.operatorToken.kind === ts.SyntaxKind.PlusToken;
  return ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL';
}

/** True when the node is part of a larger string-building expression (then only that one is a root). */
function isComposed(node: ts.Node): boolean {
  let child: ts.Node = node;
  let p = node.parent;
  while (p && (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isNonNullExpression(p) || ts.isSatisfiesExpression(p))) {
    child = p;
    p = p.parent;
  }
  if (!p) return false;
  if (ts.isBinaryExpression(p)) return p.operatorToken.kind === ts.SyntaxKind.PlusToken;
  if (ts.isTemplateSpan(p)) return true;
  if (ts.isNewExpression(p) && ts.isIdentifier(p.expression) && p.expression.text === 'URL')
    return !!p.arguments?.includes(child as ts.Expression);
  return false;
}

function isNonValueLiteral(node: ts.Node): boolean {
  const p = node.parent;
  if (!p) return false;
  if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isExternalModuleReference(p) || ts.isLiteralTypeNode(p))
    return true;
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p)) && p.name === node) return true;
  if (ts.isCallExpression(p) && ts.isIdentifier(p.expression) && p.expression.text === 'require') return true;
  return ts.isImportTypeNode(p);
}

function prop(obj: ts.ObjectLiteralExpression, ...names: string[]): ts.Expression | undefined {
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p) && names.includes(propertyName(p.name) ?? '')) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p) && names.includes(p.name.text)) return p.name;
  }
  return undefined;
}

/** `{ host|hostname, path }` (node http options) and `{ baseURL, url }` (axios config). */
function objectJoin(obj: ts.ObjectLiteralExpression): [ts.Expression, ts.Expression] | undefined {
  const host = prop(obj, 'host', 'hostname');
  const path = prop(obj, 'path');
  if (host && path) return [host, path];
  const base = prop(obj, 'baseURL', 'baseUrl', 'prefixUrl');
  const url = prop(obj, 'url');
  return base && url ? [base, url] : undefined;
}

function join(evaluator: Evaluator, unit: CodeUnit, left: ts.Expression, right: ts.Expression | undefined, rightUnit = unit): Value {
  const a = evaluator.evaluate(unit, left);
  const b = right ? evaluator.evaluate(rightUnit, right) : { pieces: [], via: new Set<ts.Node>() };
  const first = b.pieces[0];
  if (first?.kind === 'text' && /^(?:[a-z]+:)?\/\//i.test(first.text)) return b; // absolute URL wins over the base
  return { pieces: [...a.pieces, ...b.pieces], via: new Set([...a.via, ...b.via]) };
}

/** `api.post(path)` where `api = axios.create({ baseURL })` (or got.extend({ prefixUrl })): the base expression. */
function instanceBase(unit: CodeUnit, call: ts.CallExpression, resolver: Resolver): { unit: CodeUnit; expr: ts.Expression } | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !HTTP_METHODS.has(callee.name.text) || call.arguments.length === 0) return undefined;
  if (!ts.isIdentifier(callee.expression) && !ts.isPropertyAccessExpression(callee.expression)) return undefined;
  const target = resolver.valueTarget(unit, callee.expression);
  if (!target || target.kind !== 'expr') return undefined;
  const init = skipOuter(target.expr);
  if (!ts.isCallExpression(init) || !ts.isPropertyAccessExpression(init.expression)) return undefined;
  if (!['create', 'extend'].includes(init.expression.name.text)) return undefined;
  const config = init.arguments[0] && skipOuter(init.arguments[0]);
  if (!config || !ts.isObjectLiteralExpression(config)) return undefined;
  const base = prop(config, 'baseURL', 'baseUrl', 'prefixUrl');
  return base ? { unit: target.unit, expr: base } : undefined;
}

function isAppendedLet(decl: ts.VariableDeclaration): boolean {
  if (!ts.isIdentifier(decl.name) || !decl.initializer) return false;
  if (decl.parent.flags & ts.NodeFlags.Const) return false;
  const name = decl.name.text;
  const scope = decl.parent.parent.parent;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken &&
      ts.isIdentifier(node.left) && node.left.text === name) found = true;
    else ts.forEachChild(node, visit);
  };
  if (scope) ts.forEachChild(scope, visit);
  return found;
}
