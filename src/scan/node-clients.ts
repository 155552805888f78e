// The request package and node's https.request(): their v2 request shapes (spec section 2), and where the answers
// of those and of undici's request() are read (section 3). undici's request() is shaped in request-shape.ts (fetch's
// shape with a string body).
// - request: the v2 parameters become its `form` option (request then sends exactly
//   application/x-www-form-urlencoded); `qs`, `body` and a `json: {…}` body go, `json: true` stays so the answer is
//   still parsed. User info: request.get({ url: '…/v2/user/info/?fields=…', headers: { Authorization }, json: true }).
// - https: only a local `const req = https.request(…)` whose `req.write(x)` / `req.end(x)` are in view: POST, the
//   form Content-Type (Content-Length kept only when computed from the body's own const), the path without its query
//   string, and the form string written by req.end(…) or held by the body's const. User info: GET, Authorization,
//   no body. Anything more involved is left as it is and reported.
import { ts } from 'ts-morph';
import type { CallSite } from './calls.js';
import { flatten, type Evaluator } from './evaluate.js';
import { indentAt, isMultiline, layoutOf, printObject, stringLiteral, type Layout } from './layout.js';
import type { Candidate, PlannedEdit } from './match.js';
import type { CodeUnit } from './parse.js';
import { cutUrl, objectParams, queryParams, queryPieces, removeStatement, sourceWithEdits, urlInArgument, usesOf, type Param } from './request-params.js';
import { FORM_TYPE, paramSource, v2Params, type ShapeResult } from './request-shape.js';
import { identifiersBoundTo, isMember, nearestBinding } from './response-bodies.js';
import type { ReadsResult } from './response-reads.js';
import { propertyName, skipOuter, type Resolver } from './resolve.js';
import { fieldsOf, withFields } from './user-info.js';
import { editAt as replaceRange, editNode as replaceNode } from './edits.js';

type Entry = [string, string];
type Problem = { problem: string };
type Fn = ts.ArrowFunction | ts.FunctionExpression;

/** request options that carry a body or a query string: all of them give way to `form`. */
const CARRIERS = ['qs', 'body', 'form', 'json'];
/** Calls on an https request object that neither write to it nor hand it on. */
const REQUEST_LISTENERS = new Set(['on', 'once', 'off', 'removeListener', 'setTimeout', 'destroy', 'abort', 'setNoDelay', 'setSocketKeepAlive']);

const fail = (site: CallSite, problem: string): ShapeResult => ({ edits: [], site, problem });

// ------------------------------------------------------------------------------------------------------------ request

interface RequestTarget {
  /** The options object: the first argument ({ url|uri, … }) or the second (request.post(url, { … }, cb)). */
  config?: ts.ObjectLiteralExpression;
  /** The URL expression: the url/uri option, or the first argument. */
  url: ts.Expression;
}

/** request.post({ url, qs: {…}, json: true }, cb) -> request.post({ url, form: {…v2 params}, json: true }, cb) */
export function requestShape(c: Candidate, site: CallSite, all: Candidate[], evaluator: Evaluator, resolver: Resolver): ShapeResult {
  const { unit, call } = site;
  const verb = verbOf(call);
  if (verb !== undefined && verb !== 'post' && verb !== 'get') return fail(site, `request.${verb} is not how a token call is sent; use request.post with a form`);
  const target = requestTarget(site);
  if ('problem' in target) return fail(site, target.problem);
  const layout = layoutOf(unit, call);
  // The parameters: the query string of the URL (a url/uri option included), or the object of qs/form/body/json.
  const source = paramSource(c, { ...site, urlArg: target.url }, evaluator, resolver, layout);
  if ('problem' in source) return fail(site, source.problem);
  if (source.object && !carriedBy(source.object, target.config))
    return fail(site, 'its parameters are not in a qs, form, body or json option; move them into `form` by hand');
  const params = v2Params(c.endpoint!, source.params, site, all, layout);
  if ('problem' in params) return fail(site, params.problem);
  const form = (indent: string) => printObject(params.list.map((p): Entry => [p.key, p.value]), layout, true, indent);
  const post = stringLiteral('POST', layout);
  const edits: PlannedEdit[] = verb === 'get' ? [renameVerb(unit, call, 'post')] : [];
  const config = target.config;
  if (!config) {
    // request.post(url, cb) / request(url, cb): the options come after the URL.
    const indent = indentAt(unit.sf.text, call.getStart(unit.sf));
    const add: Entry[] = [...(verb === undefined ? [['method', post] as Entry] : []), ['form', form(indent + layout.unit)]];
    edits.push(insertAt(unit, target.url.end, `, ${printObject(add, layout, true, indent)}`));
    return { edits: [...source.cut, ...edits], site };
  }
  const indent = indentAt(unit.sf.text, config.getStart(unit.sf));
  const inner = innerEdits(source.cut, c.edits);
  const entries: Entry[] = verb === undefined && !property(config, 'method') ? [['method', post]] : [];
  let placed = false;
  for (const p of config.properties) {
    const name = p.name && propertyName(p.name);
    if (name && CARRIERS.includes(name) && !isFlag(p)) {
      // `form` takes the place of the first option that carried the parameters; a `json: {…}` body leaves
      // `json: true` behind, so the answer is still parsed.
      if (!placed) entries.push(['form', form(indent + layout.unit)]);
      placed = true;
      if (name === 'json') entries.push(['json', 'true']);
      continue;
    }
    if (name === 'method') {
      entries.push([sourceOf(unit, p.name!), post]);
      continue;
    }
    if (name === 'headers') {
      const headers = rebuiltHeaders(unit, p, (h) => h !== 'content-type', [], true);
      if (headers === null) return fail(site, 'the headers are not an object literal here');
      if (headers !== '{  }') entries.push(['headers', headers]);
      continue;
    }
    const text = sourceWithEdits(unit, p, inner);
    entries.push([text, text]);
  }
  if (!placed) entries.push(['form', form(indent + layout.unit)]);
  edits.push(replaceNode(unit, config, printObject(entries, layout, isMultiline(unit, config) || entries.some(([, v]) => v.includes('\n')), indent)));
  return { edits: [...source.cut.filter((k) => !inside(unit, k, config)), ...edits], site };
}

/** request.post({ url, json: { open_id, access_token, fields } }, cb) -> request.get({ url: '…?fields=…', headers: { Authorization }, json: true }, cb) */
export function requestUserInfo(c: Candidate, site: CallSite, evaluator: Evaluator): ShapeResult {
  const { unit, call } = site;
  const verb = verbOf(call);
  if (verb !== undefined && verb !== 'post' && verb !== 'get') return fail(site, 'use request.get for v2 user info');
  const target = requestTarget(site);
  if ('problem' in target) return fail(site, target.problem);
  const layout = layoutOf(unit, call);
  const config = target.config;
  const carried = config ? carriedParams(unit, config) : [];
  if (carried === null) return fail(site, 'the parameter object has spreads or methods');
  const params = [...queryOf(c, unit, layout), ...carried];
  const token = params.find((p) => p.key === 'access_token')?.value;
  if (!token) return fail(site, 'the access token it sends is not visible here');
  const url = userInfoUrl(c, site, target.url, params, evaluator, layout);
  if ('problem' in url) return fail(site, url.problem);
  const authorization = `Authorization: \`Bearer \${${token}}\``;
  const edits: PlannedEdit[] = verb === 'post' ? [renameVerb(unit, call, 'get')] : [];
  if (!config) return { edits: [...edits, url, insertAt(unit, target.url.end, `, { headers: { ${authorization} } }`)], site };
  const inner = innerEdits([url], c.edits);
  const entries: Entry[] = [];
  let parsed = false;
  let headers = false;
  for (const p of config.properties) {
    const name = p.name && propertyName(p.name);
    if (name && CARRIERS.includes(name) && !isFlag(p)) {
      parsed ||= name === 'json'; // json: {…} parsed the answer; json: true keeps doing so
      continue;
    }
    if (name === 'method') {
      entries.push([sourceOf(unit, p.name!), stringLiteral('GET', layout)]);
      continue;
    }
    if (name === 'headers') {
      const rebuilt = rebuiltHeaders(unit, p, (h) => !['content-type', 'content-length', 'authorization'].includes(h), [authorization], true);
      if (rebuilt === null) return fail(site, 'the headers are not an object literal here');
      entries.push(['headers', rebuilt]);
      headers = true;
      continue;
    }
    const text = sourceWithEdits(unit, p, inner);
    entries.push([text, text]);
  }
  if (!headers) entries.push(['headers', `{ ${authorization} }`]);
  if (parsed) entries.push(['json', 'true']);
  const indent = indentAt(unit.sf.text, config.getStart(unit.sf));
  edits.push(replaceNode(unit, config, printObject(entries, layout, isMultiline(unit, config), indent)));
  if (!inside(unit, url, config)) edits.push(url);
  return { edits, site };
}

function requestTarget(site: CallSite): RequestTarget | Problem {
  const args = site.call.arguments ?? [];
  const first = args[0] && skipOuter(args[0]);
  if (!first) return { problem: 'the call has no URL here' };
  if (ts.isObjectLiteralExpression(first)) {
    const url = property(first, 'url', 'uri');
    return url ? { config: first, url: url.initializer } : { problem: 'its URL is not a url/uri option written in the call' };
  }
  const second = args[1] && skipOuter(args[1]);
  if (second && ts.isObjectLiteralExpression(second)) return { config: second, url: args[0] };
  if (second && !isFunction(second)) return { problem: 'the request options are not an object literal here' };
  return { url: args[0] };
}

/** The parameter object sits in one of the options that carry parameters. */
function carriedBy(object: ts.Node, config: ts.ObjectLiteralExpression | undefined): boolean {
  for (let n: ts.Node = object; n.parent; n = n.parent)
    if (n.parent === config) return ts.isPropertyAssignment(n) && CARRIERS.includes(propertyName(n.name) ?? '');
  return false;
}

/** User info parameters in qs/json/body/form: the object holding access_token or fields. null: not listable. */
function carriedParams(unit: CodeUnit, config: ts.ObjectLiteralExpression): Param[] | null {
  let found: ts.ObjectLiteralExpression | undefined;
  const visit = (n: ts.Node): void => {
    if (found || ts.isFunctionLike(n)) return;
    if (ts.isObjectLiteralExpression(n) && n.properties.some((p) => p.name && ['access_token', 'fields'].includes(propertyName(p.name) ?? ''))) found = n;
    else ts.forEachChild(n, visit);
  };
  for (const p of config.properties)
    if (ts.isPropertyAssignment(p) && CARRIERS.includes(propertyName(p.name) ?? '')) visit(p.initializer);
  return found ? objectParams(unit, found) : [];
}

/** The json option parses the answer (json: true, or a json body). */
function isParsed(config: ts.ObjectLiteralExpression): boolean {
  const json = config.properties.find((p) => p.name && propertyName(p.name) === 'json');
  return !!json && !(ts.isPropertyAssignment(json) && skipOuter(json.initializer).kind === ts.SyntaxKind.FalseKeyword);
}

/** `json: true` / `json: false`: a switch, not a body. */
function isFlag(p: ts.ObjectLiteralElementLike): boolean {
  if (!ts.isPropertyAssignment(p) || propertyName(p.name) !== 'json') return false;
  const kind = skipOuter(p.initializer).kind;
  return kind === ts.SyntaxKind.TrueKeyword || kind === ts.SyntaxKind.FalseKeyword;
}

function verbOf(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = skipOuter(call.expression);
  return ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
}

function renameVerb(unit: CodeUnit, call: ts.CallExpression | ts.NewExpression, verb: string): PlannedEdit {
  const callee = skipOuter(call.expression) as ts.PropertyAccessExpression;
  return replaceNode(unit, callee.name, verb);
}

// ------------------------------------------------------------------------------------------------------------- https

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
    const entries: Entry[] = [];
    let headers = false;
    for (const p of obj.properties) {
      const key = p.name && propertyName(p.name);
      if (key === 'method') {
        entries.push([sourceOf(unit, p.name!), stringLiteral('GET', layout)]);
        continue;
      }
      if (key === 'headers') {
        const rebuilt = rebuiltHeaders(unit, p, (h) => !['content-type', 'content-length', 'authorization'].includes(h), [authorization], false);
        if (rebuilt === null) return fail(site, 'the headers are not an object literal (or are spread from elsewhere); drop Content-Type and Content-Length and add Authorization by hand');
        entries.push(['headers', rebuilt]);
        headers = true;
        continue;
      }
      const text = sourceWithEdits(unit, p, inner);
      entries.push([text, text]);
    }
    if (!headers) entries.push(['headers', `{ ${authorization} }`]);
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

// -------------------------------------------------------------------------------------------------------- both, user info

function queryOf(c: Candidate, unit: CodeUnit, layout: Layout): Param[] {
  return c.rest.startsWith('?') ? queryParams(queryPieces(c.root.value.pieces, c.end), unit, layout) ?? [] : [];
}

/** The URL expression cut before its query string, with `?fields=…` appended: one edit. */
function userInfoUrl(c: Candidate, site: CallSite, url: ts.Expression, params: Param[], evaluator: Evaluator, layout: Layout): PlannedEdit | Problem {
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
function rebuiltHeaders(unit: CodeUnit, p: ts.ObjectLiteralElementLike, keep: (name: string, value?: ts.Expression) => boolean, add: string[],
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

// ---------------------------------------------------------------------------------------------------- response bodies

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

// ------------------------------------------------------------------------------------------------------------ edits

function property(obj: ts.ObjectLiteralExpression, ...names: string[]): ts.PropertyAssignment | undefined {
  return obj.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && names.includes(propertyName(p.name) ?? ''));
}

function isFunction(e: ts.Node): e is Fn {
  return ts.isArrowFunction(e) || ts.isFunctionExpression(e);
}

function sourceOf(unit: CodeUnit, node: ts.Node): string {
  return unit.sf.text.slice(node.getStart(unit.sf), node.end);
}

const covers = (outer: PlannedEdit, e: PlannedEdit) => outer.file === e.file && e.start >= outer.start && e.end <= outer.end && outer.end > outer.start;

/** The edits applied inside a rebuilt node: the cuts, and the URL edits they do not already hold. */
function innerEdits(cuts: PlannedEdit[], urlEdits: PlannedEdit[]): PlannedEdit[] {
  return [...cuts, ...urlEdits.filter((e) => !cuts.some((k) => covers(k, e)))];
}

function inside(unit: CodeUnit, e: PlannedEdit, node: ts.Node): boolean {
  return e.file === unit.file && e.start >= unit.offset + node.getStart(unit.sf) && e.end <= unit.offset + node.end;
}

function within(node: ts.Node, outer: ts.Node): boolean {
  return node.pos >= outer.pos && node.end <= outer.end;
}

function insertAt(unit: CodeUnit, at: number, text: string): PlannedEdit {
  return replaceRange(unit, at, at, text);
}
