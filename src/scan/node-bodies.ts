// Where the answers of the request package, node's https.request() and undici's request() are read (spec section 3).
// undici's request() is shaped in request-shape.ts (fetch's shape with a string body); request and https.request() in
// request-client.ts and https-client.ts.
import { ts } from 'ts-morph';
import type { CallSite } from './calls.js';
import type { CodeUnit } from './parse.js';
import { identifiersBoundTo, isMember, nearestBinding } from './response-bodies.js';
import type { ReadsResult } from './response-reads.js';
import { skipOuter } from './resolve.js';
import { isFunction, type Fn } from './client-edits.js';
import { isParsed, requestTarget } from './request-client.js';

/** Expressions whose value is the answer's JSON body, for request, https and undici's request(). */
export function nodeBodies(site: CallSite, out: ReadsResult): ts.Expression[] {
  if (site.client === 'undici') return undiciBodies(site, out);
  const args = site.call.arguments ?? [];
  const last = args.length ? skipOuter(args[args.length - 1]) : undefined;
  if (!last || !isFunction(last)) {
    if (!discarded(site.call)) out.problems.push({ unit: site.unit, node: site.call, message: 'is not read in a callback of the call; check its reads' });
    return [];
  }
  return site.client === 'request' ? requestBodies(site, last) : httpsBodies(site, last, out);
}

/** request's callback (err, res, body): `body` (and `res.body`), parsed with the json option, else what JSON.parse makes of it. */
function requestBodies(site: CallSite, cb: Fn): ts.Expression[] {
  const [, res, body] = cb.parameters;
  const refs: ts.Expression[] = [];
  if (body && ts.isIdentifier(body.name)) refs.push(...paramUses(cb, body));
  if (res && ts.isIdentifier(res.name)) refs.push(...paramUses(cb, res).filter((u) => isMember(u, 'body')).map((u) => u.parent as ts.Expression));
  const target = requestTarget(site);
  if (!('problem' in target) && target.config && isParsed(target.config)) return refs;
  return refs.flatMap((r) => {
    let n: ts.Node = r;
    while (n.parent && ts.isParenthesizedExpression(n.parent)) n = n.parent;
    return isJsonParse(n.parent) ? parsed(site.unit, n.parent) : [];
  });
}

/** https.request(…, (res) => { … res.on('data', …) … JSON.parse(raw) … }): the JSON.parse of data gathered in the callback. */
function httpsBodies(site: CallSite, cb: Fn, out: ReadsResult): ts.Expression[] {
  const res = cb.parameters[0];
  const bodies: ts.Expression[] = [];
  const visit = (n: ts.Node): void => {
    if (isJsonParse(n) && n.arguments[0] && declaredIn(n.arguments[0], cb)) bodies.push(...parsed(site.unit, n));
    ts.forEachChild(n, visit);
  };
  if (cb.body) visit(cb.body);
  const reads = res && ts.isIdentifier(res.name)
    ? paramUses(cb, res).some((u) => !['statusCode', 'statusMessage', 'headers', 'resume'].some((m) => isMember(u, m)))
    : false;
  if (bodies.length === 0 && reads) out.problems.push({ unit: site.unit, node: site.call, message: 'is read in a way the tool cannot follow (JSON.parse of the data gathered in the callback); check its reads' });
  return bodies;
}

/** const { statusCode, body } = await request(…); const json = await body.json(): the reads of `json`. */
function undiciBodies(site: CallSite, out: ReadsResult): ts.Expression[] {
  const { unit, call } = site;
  const decl = awaitedInto(call);
  if (!decl) {
    if (!discarded(call)) out.problems.push({ unit, node: call, message: 'is not read as `const { body } = await request(…)`; check its reads' });
    return [];
  }
  const streams: ts.Expression[] = [];
  if (ts.isIdentifier(decl.name))
    streams.push(...identifiersBoundTo(unit, decl, decl.name.text).filter((u) => isMember(u, 'body')).map((u) => u.parent as ts.Expression));
  else if (ts.isObjectBindingPattern(decl.name)) {
    const el = decl.name.elements.find((e) => (e.propertyName ?? e.name).getText(unit.sf) === 'body');
    if (el && ts.isIdentifier(el.name)) streams.push(...identifiersBoundTo(unit, decl, el.name.text));
  }
  const bodies: ts.Expression[] = [];
  for (const stream of streams) {
    const json = isMember(stream, 'json') && ts.isCallExpression(stream.parent.parent) ? stream.parent.parent : undefined;
    if (!json) {
      if (!isMember(stream, 'dump')) out.problems.push({ unit, node: stream, message: 'is read in a way the tool cannot follow; check its reads' });
      continue;
    }
    const into = awaitedInto(json);
    let n: ts.Node = json;
    while (n.parent && (ts.isAwaitExpression(n.parent) || ts.isParenthesizedExpression(n.parent))) n = n.parent;
    if (into && ts.isIdentifier(into.name)) bodies.push(...identifiersBoundTo(unit, into, into.name.text));
    else if (!into && ts.isParenthesizedExpression(n) && ts.isPropertyAccessExpression(n.parent)) bodies.push(n); // (await body.json()).data
    else out.problems.push({ unit, node: json, message: 'is destructured or handed on in a way the tool cannot follow; check its reads' });
  }
  return bodies;
}

function isJsonParse(n: ts.Node | undefined): n is ts.CallExpression {
  return !!n && ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'parse' &&
    ts.isIdentifier(n.expression.expression) && n.expression.expression.text === 'JSON';
}

/** `const json = JSON.parse(x)`: the reads of json; otherwise the parse itself is the body. */
function parsed(unit: CodeUnit, parse: ts.CallExpression): ts.Expression[] {
  let n: ts.Node = parse;
  while (n.parent && (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent))) n = n.parent;
  const p = n.parent;
  if (ts.isVariableDeclaration(p) && p.initializer === n) return ts.isIdentifier(p.name) ? identifiersBoundTo(unit, p, p.name.text) : [];
  return [n as ts.Expression];
}

/** Some name in `expr` is declared inside `fn` (the data gathered from its response). */
function declaredIn(expr: ts.Node, fn: Fn): boolean {
  if (ts.isIdentifier(expr)) {
    const b = nearestBinding(expr, expr.text);
    return !!b && b.pos >= fn.pos && b.end <= fn.end && !fn.parameters.includes(b as ts.ParameterDeclaration);
  }
  return ts.forEachChild(expr, (child) => (declaredIn(child, fn) ? true : undefined)) ?? false;
}

function paramUses(fn: Fn, param: ts.ParameterDeclaration): ts.Identifier[] {
  const name = (param.name as ts.Identifier).text;
  const found: ts.Identifier[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && n.text === name && n !== param.name && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) &&
      !(ts.isPropertyAssignment(n.parent) && n.parent.name === n) && nearestBinding(n, name) === param)
      found.push(n);
    ts.forEachChild(n, visit);
  };
  visit(fn.body);
  return found;
}

function awaitedInto(call: ts.Node): ts.VariableDeclaration | undefined {
  let n = call;
  while (n.parent && (ts.isAwaitExpression(n.parent) || ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent))) n = n.parent;
  return n.parent && ts.isVariableDeclaration(n.parent) && n.parent.initializer === n ? n.parent : undefined;
}

/** The call's value is thrown away (`await request(…);`): nothing reads its answer. */
function discarded(call: ts.Node): boolean {
  let n = call;
  while (n.parent && (ts.isAwaitExpression(n.parent) || ts.isParenthesizedExpression(n.parent))) n = n.parent;
  return ts.isExpressionStatement(n.parent);
}
