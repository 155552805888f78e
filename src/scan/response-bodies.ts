// Where a call's response body is read: `json` after `await res.json()` (fetch), `res.data` or a destructured `data`
// (axios), got's `.json()`, superagent's `res.body`, `.then` chains, and a same-file helper that receives the body.
import { ts } from 'ts-morph';
import type { CallSite } from './calls.js';
import type { CodeUnit } from './parse.js';
import { skipOuter, type Resolver } from './resolve.js';
import type { ReadsResult } from './response-reads.js';
import { nodeBodies } from './node-bodies.js';
import { editNode as replace } from './edits.js';

/** Expressions whose value is the v1 JSON body: `json` (fetch), `res.data` or a destructured `data` (axios). */
/** `inner` receives reads of v1's inner data object (`const { data } = await res.json()`), which is v2's whole body. */
export function bodyExpressions(site: CallSite, resolver: Resolver, out: ReadsResult, inner: ts.Expression[] = []): ts.Expression[] {
  const { unit } = site;
  // request's callback body, undici's `body.json()`, the JSON.parse of an https response: node-bodies.ts
  if (site.client === 'request' || site.client === 'https' || site.client === 'undici') return nodeBodies(site, out);
  const chained = promiseChain(site, resolver);
  if (chained) return chained;
  if (site.client === 'got' || site.client === 'superagent') return chainedBodies(site, resolver);
  const decl = awaitedInto(site.call);
  if (!decl) return [];
  if (site.client === 'axios') {
    if (ts.isIdentifier(decl.name)) return uses(unit, decl, resolver).flatMap((u) => (isMember(u, 'data') ? [u.parent as ts.Expression] : []));
    const data = dataElement(decl.name);
    return data ? bindingUses(unit, data, decl, resolver) : [];
  }
  if (!ts.isIdentifier(decl.name)) return [];
  const bodies: ts.Expression[] = [];
  for (const use of uses(unit, decl, resolver)) {
    // res.json() awaited into a variable (or destructured: const { data } = await res.json()).
    const call = use.parent?.parent;
    if (!isMember(use, 'json') || !call || !ts.isCallExpression(call)) continue;
    const jsonDecl = awaitedInto(call);
    if (!jsonDecl) {
      const handed = handedTo(unit, call, resolver);
      const inline = readDirectly(call);
      if (handed) bodies.push(...handed);
      else if (inline) bodies.push(inline);
      else out.problems.push({ unit, node: call, message: 'is used in a way the tool cannot follow; check its reads' });
      continue;
    }
    if (ts.isIdentifier(jsonDecl.name)) bodies.push(...uses(unit, jsonDecl, resolver));
    else {
      const data = dataElement(jsonDecl.name);
      const alone = ts.isObjectBindingPattern(jsonDecl.name) && jsonDecl.name.elements.length === 1;
      if (data && !alone) out.problems.push({ unit, node: jsonDecl.name, message: 'is destructured together with other v1 fields; read v2 fields from the whole body instead' });
      else if (data && !data.propertyName) {
        // const { data } = await res.json(): v1's data object is v2's whole body.
        out.edits.push(replace(unit, jsonDecl.name, ts.isIdentifier(data.name) ? data.name.text : data.getText(unit.sf)));
        if (ts.isIdentifier(data.name)) inner.push(...identifiersBoundTo(unit, jsonDecl, data.name.text));
      }
    }
  }
  return bodies;
}


/** got: `await got.post(…).json()` is the body, or `{ body }` of the response; superagent: `res.body`. */
function chainedBodies(site: CallSite, resolver: Resolver): ts.Expression[] {
  const { unit } = site;
  let outer: ts.Node = site.call;
  let json = false;
  while (ts.isPropertyAccessExpression(outer.parent) && ts.isCallExpression(outer.parent.parent)) {
    json ||= outer.parent.name.text === 'json';
    outer = outer.parent.parent;
  }
  const decl = awaitedInto(outer);
  if (!decl) return [];
  if (json && ts.isIdentifier(decl.name)) return uses(unit, decl, resolver);
  if (ts.isIdentifier(decl.name)) return uses(unit, decl, resolver).flatMap((u) => (isMember(u, 'body') ? [u.parent as ts.Expression] : []));
  const body = ts.isObjectBindingPattern(decl.name) ? decl.name.elements.find((e) => (e.propertyName ?? e.name).getText() === 'body') : undefined;
  return body ? bindingUses(unit, body, decl, resolver) : [];
}

/** `(await res.json()).data.access_token`: the parenthesized body read in place. */
function readDirectly(call: ts.Node): ts.Expression | undefined {
  let n = call;
  while (n.parent && (ts.isAwaitExpression(n.parent) || ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent))) n = n.parent;
  return n !== call && ts.isParenthesizedExpression(n) && ts.isPropertyAccessExpression(n.parent) ? n : undefined;
}

/** `toTokens(await res.json())`: the reads inside a function of this file that receives the body. */
function handedTo(unit: CodeUnit, call: ts.Node, resolver: Resolver): ts.Expression[] | undefined {
  let n = call;
  while (n.parent && (ts.isAwaitExpression(n.parent) || ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent))) n = n.parent;
  const outer = n.parent;
  if (!outer || !ts.isCallExpression(outer) || !ts.isIdentifier(outer.expression)) return undefined;
  const index = outer.arguments.indexOf(n as ts.Expression);
  const fn = functionNamed(unit, outer.expression.text);
  const param = fn?.parameters[index]?.name;
  if (!fn || !param || !ts.isIdentifier(param)) return undefined;
  void resolver;
  return paramUses(fn, param.text);
}

function functionNamed(unit: CodeUnit, name: string): ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression | undefined {
  for (const st of unit.sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name?.text === name) return st;
    if (ts.isVariableStatement(st))
      for (const d of st.declarationList.declarations)
        if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer)))
          return d.initializer;
  }
  return undefined;
}

/** call.then(res => res.json()).then(json => …) (fetch) or call.then(res => … res.data …) (axios): the body reads. */
function promiseChain(site: CallSite, resolver: Resolver): ts.Expression[] | undefined {
  const first = thenCallback(site.call);
  if (!first) return undefined;
  const reads = (fn: ts.ArrowFunction | ts.FunctionExpression, name: string) => paramUses(fn, name);
  const param = first.parameters[0]?.name;
  if (param && site.client === 'axios' && ts.isObjectBindingPattern(param)) {
    const data = dataElement(param);
    return data && ts.isIdentifier(data.name) ? reads(first, data.name.text) : [];
  }
  if (!param || !ts.isIdentifier(param)) return [];
  if (site.client === 'axios') return reads(first, param.text).flatMap((u) => (isMember(u, 'data') ? [u.parent as ts.Expression] : []));
  const body = ts.isArrowFunction(first) && !ts.isBlock(first.body) ? skipOuter(first.body) : undefined;
  const isJson = body && ts.isCallExpression(body) && ts.isPropertyAccessExpression(body.expression) &&
    body.expression.name.text === 'json' && ts.isIdentifier(body.expression.expression) && body.expression.expression.text === param.text;
  const second = isJson ? thenCallback(first.parent) : undefined;
  const json = second?.parameters[0]?.name;
  if (second) return json && ts.isIdentifier(json) ? reads(second, json.text) : [];
  // const json = await fetch(…).then((r) => r.json())
  const decl = isJson ? awaitedInto(first.parent) : undefined;
  return decl && ts.isIdentifier(decl.name) ? uses(site.unit, decl, resolver) : [];
}

/** The callback of `<node>.then(cb)`. */
function thenCallback(node: ts.Node): ts.ArrowFunction | ts.FunctionExpression | undefined {
  const access = node.parent;
  const call = access?.parent;
  if (!access || !ts.isPropertyAccessExpression(access) || access.name.text !== 'then' || !call || !ts.isCallExpression(call)) return undefined;
  const cb = call.arguments[0];
  return cb && (ts.isArrowFunction(cb) || ts.isFunctionExpression(cb)) ? cb : undefined;
}

function paramUses(fn: ts.FunctionLikeDeclaration, name: string): ts.Identifier[] {
  const params = new Set<ts.Node>(fn.parameters);
  const found: ts.Identifier[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && n.text === name && !isDeclarationName(n) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) &&
      params.has(nearestBinding(n, name) as ts.Node))
      found.push(n);
    ts.forEachChild(n, visit);
  };
  if (fn.body) visit(fn.body);
  return found;
}

/** The variable an awaited call is stored in: `const x = await call`, `const { data } = await call`. */
function awaitedInto(call: ts.Node): ts.VariableDeclaration | undefined {
  let n = call;
  while (n.parent && (ts.isAwaitExpression(n.parent) || ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent))) n = n.parent;
  return n.parent && ts.isVariableDeclaration(n.parent) && n.parent.initializer === n ? n.parent : undefined;
}

function dataElement(pattern: ts.BindingName): ts.BindingElement | undefined {
  if (!ts.isObjectBindingPattern(pattern)) return undefined;
  return pattern.elements.find((e) => (e.propertyName ? e.propertyName.getText() : e.name.getText()) === 'data');
}

export function isMember(node: ts.Node, name: string): boolean {
  const p = node.parent;
  return !!p && ts.isPropertyAccessExpression(p) && p.expression === node && p.name.text === name;
}

/** References to a declared name (or a destructured element of it) that bind to this declaration. */
function uses(unit: CodeUnit, decl: ts.VariableDeclaration, _resolver?: Resolver): ts.Identifier[] {
  return ts.isIdentifier(decl.name) ? identifiersBoundTo(unit, decl, decl.name.text) : [];
}

function bindingUses(unit: CodeUnit, el: ts.BindingElement, decl: ts.VariableDeclaration, _resolver?: Resolver): ts.Identifier[] {
  return ts.isIdentifier(el.name) ? identifiersBoundTo(unit, decl, el.name.text) : [];
}

export function identifiersBoundTo(unit: CodeUnit, decl: ts.VariableDeclaration, name: string): ts.Identifier[] {
  const scope = decl.parent.parent.parent ?? unit.sf;
  const found: ts.Identifier[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && n.text === name && !isDeclarationName(n) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) &&
      nearestBinding(n, name) === decl)
      found.push(n);
    ts.forEachChild(n, visit);
  };
  visit(scope);
  return found;
}

export function isDeclarationName(id: ts.Identifier): boolean {
  const p = id.parent;
  return (ts.isVariableDeclaration(p) || ts.isBindingElement(p) || ts.isParameter(p) || ts.isPropertyAssignment(p)) && p.name === id;
}

/** The variable declaration (or parameter) that binds `name` where `id` stands, walking out through scopes. */
export function nearestBinding(id: ts.Node, name: string): ts.Node | undefined {
  const binds = (b: ts.BindingName): boolean => (ts.isIdentifier(b) ? b.text === name : b.elements.some((e) => !ts.isOmittedExpression(e) && binds(e.name)));
  for (let n: ts.Node | undefined = id.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n)) {
      const param = n.parameters.find((p) => binds(p.name));
      if (param) return param;
    }
    const statements = ts.isBlock(n) || ts.isSourceFile(n) || ts.isModuleBlock(n) ? n.statements : undefined;
    for (const st of statements ?? [])
      if (ts.isVariableStatement(st)) {
        const d = st.declarationList.declarations.find((x) => binds(x.name));
        if (d) return d;
      }
  }
  return undefined;
}
