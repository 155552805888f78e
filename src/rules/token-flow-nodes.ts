// Small questions about syntax nodes that the token-flow files share (mixed-token-use): names, callees, enclosing
// functions and classes, member paths, CommonJS export targets.
import { ts } from 'ts-morph';
import { skipOuter } from '../scan/resolve.js';
import type { CallLike, FlowProgram, FunctionNode } from './token-flow-program.js';

/** A Map key as a path segment: the literal, or '*' for a key known only at run time. */
export function mapKey(arg: ts.Expression | undefined): string {
  return arg && ts.isStringLiteralLike(arg) ? `#${arg.text}` : '*';
}

export function isMapDeclaration(decl: ts.Node): boolean {
  const init = ts.isVariableDeclaration(decl) && decl.initializer ? skipOuter(decl.initializer) : undefined;
  return !!init && ts.isNewExpression(init) && /^(?:Weak)?Map$/.test(init.expression.getText());
}

export function isMapDeclarationUse(n: ts.Node, program: FlowProgram): boolean {
  const decl = ts.isIdentifier(n) ? program.declOf(n) : undefined;
  return !!decl && isMapDeclaration(decl);
}

export function isCallee(p: ts.Node): boolean {
  return (ts.isCallExpression(p.parent) || ts.isNewExpression(p.parent)) && p.parent.expression === p;
}

export function memberPath(name: ts.PropertyName, path: string[]): string[] {
  const key = staticName(name);
  return key === undefined ? [] : [key, ...path];
}

export function staticName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  return undefined;
}

/** The last name of a callee: `JSON.stringify` -> stringify, `new URLSearchParams` -> URLSearchParams. */
export function calleeName(call: CallLike): string | undefined {
  const callee = skipOuter(call.expression);
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

export function enclosingFunction(node: ts.Node): FunctionNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (ts.isFunctionLike(n) && 'body' in n) return n as FunctionNode;
  return undefined;
}

export function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (ts.isClassLike(n)) return n;
    if (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n)) return undefined; // `this` is not the class here
  }
  return undefined;
}

export function thisKeywords(cls: ts.ClassLikeDeclaration): ts.Node[] {
  const out: ts.Node[] = [];
  const visit = (n: ts.Node): void => {
    if (n.kind === ts.SyntaxKind.ThisKeyword && enclosingClass(n) === cls) out.push(n);
    ts.forEachChild(n, visit);
  };
  visit(cls);
  return out;
}

export function rootOfBinding(el: ts.BindingElement): ts.Node {
  let n: ts.Node = el;
  while (ts.isBindingElement(n) || ts.isObjectBindingPattern(n) || ts.isArrayBindingPattern(n)) n = n.parent;
  return n;
}

/** `module.exports`, `module.exports.x`, `exports.x`: CommonJS exports (not `this.x = …`). */
export function isExportsTarget(e: ts.Expression): boolean {
  return /^(?:module\.exports|exports)(?:\.[\w$]+)?$/.test(e.getText()) && e.getText() !== 'exports';
}

/** The names a declaration is written under. */
export function ownNames(decl: ts.Node): string[] {
  const names: string[] = [];
  const push = (n: ts.Node | undefined) => {
    if (n && (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isPrivateIdentifier(n))) names.push(n.text.replace(/^#/, ''));
  };
  if (ts.isFunctionExpression(decl) || ts.isArrowFunction(decl) || ts.isClassExpression(decl) || ts.isObjectLiteralExpression(decl)) {
    if (!ts.isObjectLiteralExpression(decl)) push(decl.name);
    let holder: ts.Node = decl;
    while (ts.isParenthesizedExpression(holder.parent) || ts.isAsExpression(holder.parent)) holder = holder.parent;
    const p = holder.parent;
    if (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) push(p.name);
    if (ts.isBinaryExpression(p) && ts.isPropertyAccessExpression(p.left) && p.left.name.text !== 'exports') push(p.left.name);
    return names;
  }
  if (ts.isConstructorDeclaration(decl)) return [];
  if ('name' in decl) push((decl as { name?: ts.Node }).name);
  return names;
}

export function enclosingFunctionOf(node: ts.Node): ts.Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (ts.isFunctionLike(n)) return n;
  return undefined;
}

/** `x.name`, `{ name: … }`: a member's name, not a variable's use. */
export function isMemberName(id: ts.Identifier): boolean {
  return (ts.isPropertyAccessExpression(id.parent) && id.parent.name === id) || (ts.isPropertyAssignment(id.parent) && id.parent.name === id);
}

export function isDeclarationName(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isImportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p) || ts.isExportSpecifier(p)) return true;
  return (ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p) || ts.isFunctionDeclaration(p) ||
    ts.isFunctionExpression(p) || ts.isClassLike(p) || ts.isMethodDeclaration(p) || ts.isPropertyAssignment(p) ||
    ts.isPropertyDeclaration(p)) && (p as { name?: ts.Node }).name === id;
}
