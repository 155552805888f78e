// node's https.request(): its v2 request shapes (spec section 2). Where its answers are read: node-bodies.ts.
// - https: only a local `const req = https.request(…)` whose `req.write(x)` / `req.end(x)` are in view: POST, the
//   form Content-Type (Content-Length kept only when computed from the body's own const), the path without its query
//   string, and the form string written by req.end(…) or held by the body's const. User info: GET, Authorization,
//   no body. Anything more involved is left as it is and reported.
import { ts } from 'ts-morph';
import type { CallSite } from './calls.js';
import { flatten, type Evaluator } from './evaluate.js';
import { indentAt, isMultiline, layoutOf, printObject, stringLiteral } from './layout.js';
import type { Candidate, PlannedEdit } from './match.js';
import { objectParams, removeStatement, sourceWithEdits, usesOf, type Param } from './request-params.js';
import { FORM_TYPE, paramSource, v2Params, type ShapeResult } from './request-shape.js';
import { identifiersBoundTo, nearestBinding } from './response-bodies.js';
import { propertyName, skipOuter, type Resolver } from './resolve.js';
import { editAt as replaceRange, editNode as replaceNode } from './edits.js';
import { asBearerGet, fail, innerEdits, insertAt, inside, isFunction, property, queryOf, rebuiltHeaders, sourceOf, userInfoUrl, type BearerGet, type Entry, type Problem } from './client-edits.js';

/** Calls on an https request object that neither write to it nor hand it on. */
const REQUEST_LISTENERS = new Set(['on', 'once', 'off', 'removeListener', 'setTimeout', 'destroy', 'abort', 'setNoDelay', 'setSocketKeepAlive']);

interface HttpsTarget {
  /** The options object: inline, or a const of this code that only the call reads. */
  options?: ts.ObjectLiteralExpression;
  /** { hostname, path } options: the path, where the query string is cut. */
  path?: ts.PropertyAssignment;
  /** The URL argument, when the URL is a string: https.request(url, options, cb). */
  url?: ts.Expression;
}

interface RequestObject {
  end: ts.CallExpression;
  write?: ts.CallExpression;
  /** What is written: the argument of req.write(x), or of req.end(x). */
  data?: ts.Expression;
}

/** const req = https.request(url|options, …); req.end() -> POST, the form Content-Type, req.end(new URLSearchParams({…}).toString()) */
export function httpsShape(c: Candidate, site: CallSite, all: Candidate[], evaluator: Evaluator, resolver: Resolver): ShapeResult {
  const { unit, call } = site;
  const name = calleeName(call);
  if (name !== 'request') return fail(site, `https.${name ?? 'request'}() sends no body; use https.request with method POST and a form body`);
  const target = httpsTarget(c, site);
  if ('problem' in target) return fail(site, target.problem);
  const req = requestObject(site);
  if ('problem' in req) return fail(site, req.problem);
  const layout = layoutOf(unit, call);
  let params: Param[];
  let cut: PlannedEdit[] = [];
  let written: Written | undefined;
  if (c.rest.startsWith('?')) {
    if (req.data) return fail(site, 'it sends parameters in the query string and writes a body too; move them all into one form body by hand');
    const view = pathView(c, site, target, evaluator);
    const source = paramSource(view.c, view.site, evaluator, resolver, layout);
    if ('problem' in source) return fail(site, source.problem);
    params = source.params;
    cut = source.cut;
  } else {
    written = req.data && writtenData(req.data);
    if (!written) return fail(site, req.data ? 'the body it writes is not a parameter object visible here' : 'its parameters are not visible here');
    const own = objectParams(unit, written.object);
    if (!own) return fail(site, 'the parameter object has spreads or methods');
    params = own;
  }
  const list = v2Params(c.endpoint!, params, site, all, layout);
  if ('problem' in list) return fail(site, list.problem);
  const body = (indent: string) => `new URLSearchParams(${printObject(list.list.map((p): Entry => [p.key, p.value]), layout, true, indent)}).toString()`;
  const edits: PlannedEdit[] = [];
  // The body: the written expression (a const keeps its name, so a Content-Length computed from it stays right),
  // or the argument of req.end().
  let lengthOf: string | undefined;
  if (written) {
    edits.push(replaceNode(unit, written.holder, body(indentAt(unit.sf.text, written.holder.getStart(unit.sf)))));
    if (written.decl && ts.isIdentifier(written.decl.name)) lengthOf = written.decl.name.text;
  } else {
    edits.push(insertAt(unit, req.end.arguments.pos, body(indentAt(unit.sf.text, req.end.getStart(unit.sf)))));
  }
  const post = stringLiteral('POST', layout);
  const contentType = `${stringLiteral('Content-Type', layout)}: ${stringLiteral(FORM_TYPE, layout)}`;
  const obj = target.options;
  if (!obj) {
    edits.push(insertAt(unit, target.url!.end, `, { method: ${post}, headers: { ${contentType} } }`));
    return { edits: [...cut, ...edits], site };
  }
  const inner = innerEdits(cut, c.edits);
  const entries: Entry[] = [];
  let method = false;
  let headers = false;
  for (const p of obj.properties) {
    const key = p.name && propertyName(p.name);
    if (key === 'method') {
      entries.push([sourceOf(unit, p.name!), post]);
      method = true;
      continue;
    }
    if (key === 'headers') {
      const keep = (h: string, value?: ts.Expression) =>
        h === 'content-type' ? false : h === 'content-length' ? !!lengthOf && !!value && mentions(value, lengthOf) : true;
      const rebuilt = rebuiltHeaders(unit, p, keep, [], false, layout);
      if (rebuilt === null) return fail(site, 'the headers are not an object literal (or are spread from elsewhere); set Content-Type to application/x-www-form-urlencoded and drop Content-Length by hand');
      entries.push(['headers', rebuilt]);
      headers = true;
      continue;
    }
    const text = sourceWithEdits(unit, p, inner);
    entries.push([text, text]);
  }
  if (!method) entries.push(['method', post]);
  if (!headers) entries.push(['headers', `{ ${contentType} }`]);
  edits.push(replaceNode(unit, obj, printObject(entries, layout, isMultiline(unit, obj), indentAt(unit.sf.text, obj.getStart(unit.sf)))));
  return { edits: [...cut.filter((k) => !inside(unit, k, obj)), ...edits], site };
}

/** https.request(…/user/info/, { method: 'POST', … }) + req.write(JSON.stringify({…})) -> GET ?fields=…, Authorization, no body */
export function httpsUserInfo(c: Candidate, site: CallSite, evaluator: Evaluator): ShapeResult {
  const { unit, call } = site;
  const name = calleeName(call);
  if (name !== 'request' && name !== 'get') return fail(site, 'use https.get for v2 user info');
  const target = httpsTarget(c, site);
  if ('problem' in target) return fail(site, target.problem);
  // https.get ends the request itself; https.request must be a local req this code ends.
  const req = name === 'request' ? requestObject(site) : undefined;
  if (req && 'problem' in req) return fail(site, req.problem);
  const layout = layoutOf(unit, call);
  const written = req?.data ? writtenData(req.data) : undefined;
  if (req?.data && !written) return fail(site, 'the body it writes is not visible here');
  const carried = written ? objectParams(unit, written.object) : [];
  if (carried === null) return fail(site, 'the parameter object has spreads or methods');
  const params = [...queryOf(c, unit, layout), ...carried];
  const token = params.find((p) => p.key === 'access_token')?.value;
  if (!token) return fail(site, 'the access token it sends is not visible here');
  const view = pathView(c, site, target, evaluator);
  const url = userInfoUrl(view.c, view.site, view.site.urlArg, params, evaluator, layout);
  if ('problem' in url) return fail(site, url.problem);
  const authorization = `Authorization: \`Bearer \${${token}}\``;
  const edits: PlannedEdit[] = [];
  const obj = target.options;
  if (!obj) edits.push(url, insertAt(unit, target.url!.end, `, { headers: { ${authorization} } }`));
  else {
    const inner = innerEdits([url], c.edits);
    const out: BearerGet = { entries: [], headers: false };
    const entries = out.entries;
    for (const p of obj.properties) {
      const handled = asBearerGet(unit, p, out, authorization, layout, false);
      if (handled === false) return fail(site, 'the headers are not an object literal (or are spread from elsewhere); drop Content-Type and Content-Length and add Authorization by hand');
      if (handled) continue;
      const text = sourceWithEdits(unit, p, inner);
      entries.push([text, text]);
    }
    if (!out.headers) entries.push(['headers', `{ ${authorization} }`]);
    edits.push(replaceNode(unit, obj, printObject(entries, layout, isMultiline(unit, obj), indentAt(unit.sf.text, obj.getStart(unit.sf)))));
    if (!inside(unit, url, obj)) edits.push(url);
  }
  // No body any more: the write goes, req.end() ends empty, and a const that only fed the body goes too.
  if (req && !('problem' in req)) {
    if (req.write) {
      const statement = req.write.parent;
      if (!ts.isExpressionStatement(statement)) return fail(site, 'its req.write(…) is not a statement of its own; remove the body by hand');
      edits.push(removeStatement(unit, statement));
    }
    if (req.end.arguments.length) edits.push(replaceRange(unit, req.end.arguments.pos, req.end.arguments.end, ''));
    const decl = written?.decl;
    const statement = decl?.parent.parent;
    if (decl && ts.isIdentifier(decl.name) && statement && ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1 &&
      identifiersBoundTo(unit, decl, decl.name.text).every((u) => within(u, req.end) || (req.write && within(u, req.write)) || (obj && within(u, obj) && inLengthHeader(u))))
      edits.push(removeStatement(unit, statement));
  }
  return { edits, site };
}

function httpsTarget(c: Candidate, site: CallSite): HttpsTarget | Problem {
  const args = site.call.arguments ?? [];
  if (!args[0]) return { problem: 'the call has no URL here' };
  if (ts.isObjectLiteralExpression(c.root.node)) {
    // { hostname, path } options joined into the URL.
    const options = literalObject(args[0]);
    if (options !== c.root.node) return { problem: 'the request options are not written where the call can see them' };
    const path = property(options, 'path');
    return path ? { options, path } : { problem: 'the options have no path option' };
  }
  const second = args[1] && skipOuter(args[1]);
  if (!second || isFunction(second)) return { url: args[0] };
  const options = literalObject(second);
  return options ? { url: args[0], options } : { problem: 'the request options are not an object literal here (or are read elsewhere too)' };
}

/** An object literal in the call, or the initializer of a const that only this call reads. */
function literalObject(arg: ts.Expression): ts.ObjectLiteralExpression | undefined {
  const e = skipOuter(arg);
  if (ts.isObjectLiteralExpression(e)) return e;
  if (!ts.isIdentifier(e)) return undefined;
  const decl = nearestBinding(e, e.text);
  if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer || !(decl.parent.flags & ts.NodeFlags.Const) || usesOf(decl) !== 1) return undefined;
  const init = skipOuter(decl.initializer);
  return ts.isObjectLiteralExpression(init) ? init : undefined;
}

/** `const req = https.request(…)` with one req.end(…), at most one req.write(…), and nothing else done with req. */
function requestObject(site: CallSite): RequestObject | Problem {
  const problem = { problem: 'the request is not a local `const req = https.request(…)` whose req.write()/req.end() are in view; move its parameters into a form body by hand' };
  let n: ts.Node = site.call;
  while (n.parent && (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent))) n = n.parent;
  const decl = n.parent;
  if (!decl || !ts.isVariableDeclaration(decl) || decl.initializer !== n || !ts.isIdentifier(decl.name)) return problem;
  let end: ts.CallExpression | undefined;
  let write: ts.CallExpression | undefined;
  for (const use of identifiersBoundTo(site.unit, decl, decl.name.text)) {
    const access = use.parent;
    const call = access?.parent;
    if (!ts.isPropertyAccessExpression(access) || access.expression !== use || !call || !ts.isCallExpression(call) || call.expression !== access) return problem;
    const method = access.name.text;
    if (method === 'end' && !end) end = call;
    else if (method === 'write' && !write && call.arguments.length === 1) write = call;
    else if (!REQUEST_LISTENERS.has(method)) return problem;
  }
  if (!end || end.arguments.length > 1 || (write && end.arguments.length > 0)) return problem;
  return { end, write, data: write?.arguments[0] ?? end.arguments[0] };
}

interface Written {
  object: ts.ObjectLiteralExpression;
  /** The expression that becomes the form string: the written one, or the initializer of its const. */
  holder: ts.Expression;
  decl?: ts.VariableDeclaration;
}

/** The body written: JSON.stringify({…}), querystring.stringify({…}), new URLSearchParams({…})(.toString()), inline or in a const. */
function writtenData(data: ts.Expression): Written | undefined {
  let holder = skipOuter(data);
  let decl: ts.VariableDeclaration | undefined;
  if (ts.isIdentifier(holder)) {
    const binding = nearestBinding(holder, holder.text);
    if (!binding || !ts.isVariableDeclaration(binding) || !binding.initializer || !(binding.parent.flags & ts.NodeFlags.Const)) return undefined;
    if (functionOf(binding) !== functionOf(data)) return undefined; // a body shared with other code is not this call's to change
    decl = binding;
    holder = skipOuter(binding.initializer);
  }
  let e = holder;
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'toString' && e.arguments.length === 0)
    e = skipOuter(e.expression.expression);
  const stringify = ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'stringify';
  const search = ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'URLSearchParams';
  const arg = stringify || search ? (e as ts.CallExpression | ts.NewExpression).arguments?.[0] : undefined;
  const object = arg && skipOuter(arg);
  return object && ts.isObjectLiteralExpression(object) ? { object, holder, decl } : undefined;
}

/** The candidate and site seen from the path option, for { hostname, path } options: its query string is cut there. */
function pathView(c: Candidate, site: CallSite, target: HttpsTarget, evaluator: Evaluator): { c: Candidate; site: CallSite } {
  if (!target.path) return { c, site: { ...site, urlArg: target.url! } };
  const path = target.path.initializer;
  const value = evaluator.evaluate(site.unit, path);
  const before = flatten(c.root.value.pieces).text.length - flatten(value.pieces).text.length;
  return { c: { ...c, root: { ...c.root, node: path, value }, end: c.end - before }, site: { ...site, urlArg: path } };
}

function functionOf(node: ts.Node): ts.Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (ts.isFunctionLike(n)) return n;
  return undefined;
}

function calleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = skipOuter(call.expression);
  return ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
}

function mentions(node: ts.Node, name: string): boolean {
  if (ts.isIdentifier(node) && node.text === name) return true;
  return ts.forEachChild(node, (child) => (mentions(child, name) ? true : undefined)) ?? false;
}

function inLengthHeader(id: ts.Node): boolean {
  for (let n: ts.Node | undefined = id.parent; n; n = n.parent)
    if (ts.isPropertyAssignment(n)) return /^content-length$/i.test(propertyName(n.name) ?? '');
  return false;
}

function within(node: ts.Node, outer: ts.Node): boolean {
  return node.pos >= outer.pos && node.end <= outer.end;
}
