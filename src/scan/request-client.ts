// The request package: its v2 request shapes (spec section 2). Where its answers are read: node-bodies.ts.
// - request: the v2 parameters become its `form` option (request then sends exactly
//   application/x-www-form-urlencoded); `qs`, `body` and a `json: {…}` body go, `json: true` stays so the answer is
//   still parsed. User info: request.get({ url: '…/v2/user/info/?fields=…', headers: { Authorization }, json: true }).
import { ts } from 'ts-morph';
import type { CallSite } from './calls.js';
import type { Evaluator } from './evaluate.js';
import { indentAt, isMultiline, layoutOf, printObject, stringLiteral } from './layout.js';
import type { Candidate, PlannedEdit } from './match.js';
import type { CodeUnit } from './parse.js';
import { objectParams, sourceWithEdits, type Param } from './request-params.js';
import { paramSource, v2Params, type ShapeResult } from './request-shape.js';
import { propertyName, skipOuter, type Resolver } from './resolve.js';
import { editNode as replaceNode } from './edits.js';
import { asBearerGet, fail, innerEdits, insertAt, inside, isFunction, property, queryOf, rebuiltHeaders, sourceOf, userInfoUrl, type BearerGet, type Entry, type Problem } from './client-edits.js';

/** request options that carry a body or a query string: all of them give way to `form`. */
const CARRIERS = ['qs', 'body', 'form', 'json'];

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
  const out: BearerGet = { entries: [], headers: false };
  const entries = out.entries;
  let parsed = false;
  for (const p of config.properties) {
    const name = p.name && propertyName(p.name);
    if (name && CARRIERS.includes(name) && !isFlag(p)) {
      parsed ||= name === 'json'; // json: {…} parsed the answer; json: true keeps doing so
      continue;
    }
    const handled = asBearerGet(unit, p, out, authorization, layout, true);
    if (handled === false) return fail(site, 'the headers are not an object literal here');
    if (handled) continue;
    const text = sourceWithEdits(unit, p, inner);
    entries.push([text, text]);
  }
  if (!out.headers) entries.push(['headers', `{ ${authorization} }`]);
  if (parsed) entries.push(['json', 'true']);
  const indent = indentAt(unit.sf.text, config.getStart(unit.sf));
  edits.push(replaceNode(unit, config, printObject(entries, layout, isMultiline(unit, config), indent)));
  if (!inside(unit, url, config)) edits.push(url);
  return { edits, site };
}

export function requestTarget(site: CallSite): RequestTarget | Problem {
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
export function isParsed(config: ts.ObjectLiteralExpression): boolean {
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
