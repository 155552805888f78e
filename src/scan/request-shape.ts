// Makes a v1 token, refresh or revoke call v2-correct (spec section 2): the parameters move from the query string
// (or a JSON body) into a form-urlencoded body with its Content-Type header; the code exchange gains redirect_uri,
// refresh gains client_secret, revoke sends token + client credentials. Values come from identifiers the same code
// already uses; when one cannot be found, nothing is rewritten and the reason says exactly what to add.
import { ts } from 'ts-morph';
import type { EndpointId } from '../endpoints.js';
import { callsUsing, type CallSite } from './calls.js';
import type { Evaluator } from './evaluate.js';
import { indentAt, isMultiline, layoutOf, printObject, stringLiteral, type Layout } from './layout.js';
import type { Candidate, PlannedEdit } from './match.js';
import { builtQuery, codeOf, usesOf, cutLetChain, cutUrl, objectParams, queryParams, queryPieces, removeStatement, sourceWithEdits, urlInArgument, type Param } from './request-params.js';
import type { CodeUnit } from './parse.js';
import { knownValue } from './known-values.js';
import { browserProblem, browserReason } from './browser-code.js';
import { gotEdits, superagentEdits } from './chained-clients.js';
import { httpsShape } from './https-client.js';
import { requestShape } from './request-client.js';
import { propertyName, skipOuter, type Resolver } from './resolve.js';
import { editAt, editNode as replaceNode } from './edits.js';

export const FORM_TYPE = 'application/x-www-form-urlencoded';
/** Keys that mark an object literal as a v1 token/refresh/revoke parameter object. */
const V1_PARAM_KEYS = ['client_key', 'code', 'refresh_token', 'access_token', 'open_id'];

export interface ShapeResult {
  edits: PlannedEdit[];
  /** Why the call was left as it is, with the exact step (a token-request-shape finding). */
  problem?: string;
  site?: CallSite;
}

export function planRequestShape(c: Candidate, all: Candidate[], evaluator: Evaluator, resolver: Resolver): ShapeResult {
  const sites = callsUsing(c, resolver);
  if (sites.length !== 1) return { edits: [], problem: sites.length ? 'the URL is sent by several calls' : undefined };
  const site = sites[0];
  const browser = browserReason(site.unit);
  if (browser) return { edits: [], site, problem: browserProblem(browser) };
  if (!['fetch', 'axios', 'got', 'superagent', 'undici', 'request', 'https'].includes(site.client))
    return { edits: [], site, problem: `calls made with ${site.client === 'unknown' ? 'this HTTP client' : site.client} are not rewritten yet` };
  // The request package and node's https find their parameters their own way (a url/uri option, the written body).
  if (site.client === 'request') return requestShape(c, site, all, evaluator, resolver);
  if (site.client === 'https') return httpsShape(c, site, all, evaluator, resolver);
  const layout = layoutOf(site.unit, site.call);
  const source = paramSource(c, site, evaluator, resolver, layout);
  if ('problem' in source) return { edits: [], site, problem: source.problem };
  const params = v2Params(c.endpoint!, source.params, site, all, layout);
  if ('problem' in params) return { edits: [], site, problem: params.problem };
  const body: Body = (indent) => `new URLSearchParams(${printObject(params.list.map((p) => [p.key, p.value]), layout, true, indent)})`;
  const callEdits =
    site.client === 'fetch' ? fetchEdits(site, body, layout, c.edits)
    // undici's request() takes no URLSearchParams body: its string, with the header set by hand
    : site.client === 'undici' ? fetchEdits(site, (indent) => `${body(indent)}.toString()`, layout, c.edits)
    : site.client === 'axios' ? axiosEdits(site, body, layout, c.edits)
    : site.client === 'got' ? gotEdits(site, params.list, layout, c.edits)
    : superagentEdits(site, params.list, source.object, layout);
  if ('problem' in callEdits) return { edits: [], site, problem: callEdits.problem };
  // A body rebuilt from a local `const params = …` leaves that const unused: it goes (superagent edits it in place).
  const drop = source.declaration && site.client !== 'superagent' ? [removeStatement(site.unit, source.declaration)] : [];
  return { edits: [...source.cut, ...drop, ...callEdits.edits], site };
}

export interface ParamSource {
  params: Param[];
  /** Edits that take the parameters out of the URL (the cut URL expression). */
  cut: PlannedEdit[];
  /** The object literal they came from, when not from the query. */
  object?: ts.ObjectLiteralExpression;
  /** The local `const params = new URLSearchParams({…})` the object sits in, unused once the body is rebuilt. */
  declaration?: ts.VariableStatement;
}

export function paramSource(c: Candidate, site: CallSite, evaluator: Evaluator, resolver: Resolver, layout: Layout): ParamSource | { problem: string } {
  if (c.rest.startsWith('?')) {
    const pieces = queryPieces(c.root.value.pieces, c.end);
    const built = c.rest.includes('=') ? null : builtQuery(pieces, site.unit, resolver);
    const params = built ? objectParams(site.unit, built.object) : queryParams(pieces, site.unit, layout);
    if (!params) return { problem: 'a query parameter is built in a way that cannot be moved into the body' };
    const drop = built?.declaration ? [built.declaration] : [];
    if (c.root.unit === site.unit && ts.isVariableDeclaration(c.root.node)) {
      const cut = cutLetChain(site.unit, c.root.node, c.end, evaluator, c.edits);
      return cut ? { params, cut: [...cut, ...drop] } : { problem: 'the URL variable is changed in ways that cannot be followed; move its query parameters into a form body by hand' };
    }
    const place = c.root.unit === site.unit ? urlInArgument(c, site.urlArg, site.call, evaluator) ?? urlInConstant(c, site) : undefined;
    if (!place) return { problem: 'the query string is built away from the call; move its parameters into a form body by hand' };
    const cut = cutUrl(site.unit, place.expr, place.at, evaluator, c.edits);
    if (!cut) return { problem: 'the URL expression cannot be cut before its query string' };
    return { params, cut: [cut, ...drop] };
  }
  const object = findParamObject(site);
  if (!object) return { problem: 'the call\'s parameters are not visible here' };
  const params = objectParams(site.unit, object);
  if (!params) return { problem: 'the parameter object has spreads or methods' };
  let st: ts.Node = object;
  while (!ts.isVariableStatement(st) && st !== site.call && !ts.isSourceFile(st)) st = st.parent;
  // Only a declaration whose whole value is the built parameters (found through builtParams) goes.
  const built = ts.isVariableStatement(st) && st.declarationList.declarations.length === 1 && ts.isIdentifier(st.declarationList.declarations[0].name)
    ? builtParams(st.declarationList.declarations[0].name) : undefined;
  return { params, cut: [], object, declaration: built && object.parent === built && ts.isVariableStatement(st) ? st : undefined };
}

/** `const url = 'https://…?a=' + a; got.post(url)`: the constant's initializer, when the call is its only reader. */
function urlInConstant(c: Candidate, site: CallSite): { expr: ts.Expression; at: number } | undefined {
  const decl = c.root.node.parent;
  if (!decl || !ts.isVariableDeclaration(decl) || decl.initializer !== c.root.node || !ts.isIdentifier(decl.name)) return undefined;
  if (!ts.isIdentifier(site.urlArg) || site.urlArg.text !== decl.name.text || usesOf(decl) !== 1) return undefined;
  return { expr: c.root.node as ts.Expression, at: c.end };
}

/** The `new URLSearchParams(…)` / `x.stringify(…)` a local const named `id` holds, when that is its only use. */
function builtParams(id: ts.Identifier): ts.Expression | undefined {
  for (let scope: ts.Node | undefined = id.parent; scope; scope = scope.parent) {
    if (!ts.isBlock(scope) && !ts.isSourceFile(scope)) continue;
    for (const st of scope.statements) {
      if (!ts.isVariableStatement(st) || (st.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || d.name.text !== id.text || !d.initializer || usesOf(d) !== 1) continue;
        const init = skipOuter(d.initializer);
        const built = (ts.isNewExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'URLSearchParams') ||
          (ts.isCallExpression(init) && ts.isPropertyAccessExpression(init.expression) && init.expression.name.text === 'stringify');
        return built ? init : undefined;
      }
    }
  }
  return undefined;
}

function findParamObject(site: CallSite): ts.ObjectLiteralExpression | undefined {
  let found: ts.ObjectLiteralExpression | undefined;
  const visit = (n: ts.Node): void => {
    if (found || ts.isFunctionLike(n)) return;
    if (ts.isObjectLiteralExpression(n) && n.properties.some((p) => p.name && V1_PARAM_KEYS.includes(propertyName(p.name) ?? ''))) found = n;
    else if (ts.isIdentifier(n)) {
      // `params` / `params.toString()` where `const params = new URLSearchParams({…})` (or stringify) is used only here.
      const init = builtParams(n);
      if (init) visit(init);
    } else ts.forEachChild(n, visit);
  };
  for (const a of site.call.arguments ?? []) visit(a);
  // superagent and got chains: superagent.post(url).query({…}).send({…})
  for (let n: ts.Node = site.call; !found && ts.isPropertyAccessExpression(n.parent) && ts.isCallExpression(n.parent.parent); n = n.parent.parent)
    for (const a of (n.parent.parent as ts.CallExpression).arguments) visit(a);
  return found;
}

/** The v2 parameter list: grant_type, redirect_uri, client_secret and revoke's token, as the spec wants them. */
export function v2Params(endpoint: EndpointId, v1: Param[], site: CallSite, all: Candidate[], layout: Layout): { list: Param[] } | { problem: string } {
  // client_id is what generic OAuth libraries send; TikTok wants client_key (spec section 5).
  const list = v1.filter((p) => !(endpoint === 'revoke' && p.key === 'open_id')).map((p) => (p.key === 'client_id' && !v1.some((q) => q.key === 'client_key') ? { ...p, key: 'client_key' } : p));
  const get = (key: string) => list.find((p) => p.key === key);
  const need = (key: string, why: string): string | undefined => {
    if (get(key)) return undefined;
    const value = knownValue(key, site, all);
    if (value === undefined) return `it needs ${key} (${why}), and no value for it was found in this code, so the request was left as it is (the manual step has the whole v2 request)`;
    list.push({ key, value });
    return undefined;
  };
  if (endpoint === 'revoke') {
    const token = list.findIndex((p) => p.key === 'access_token');
    if (token >= 0) list[token] = { key: 'token', value: list[token].value };
    if (!get('token')) return { problem: 'add token (the access token to revoke) to the form body' };
  }
  const grant = endpoint === 'token' ? 'authorization_code' : endpoint === 'refresh' ? 'refresh_token' : undefined;
  if (grant && !get('grant_type')) list.push({ key: 'grant_type', value: stringLiteral(grant, layout) });
  const problem =
    need('client_key', 'your app\'s client key') ??
    need('client_secret', 'v2 requires the client secret here') ??
    (endpoint === 'token' ? need('redirect_uri', 'the exact redirect_uri used at authorize') : undefined);
  return problem ? { problem } : { list };
}

function bodyIndent(site: CallSite): string {
  return indentAt(site.unit.sf.text, site.call.getStart(site.unit.sf));
}

type CallEdits = { edits: PlannedEdit[] } | { problem: string };
/** The body expression, printed for an object that opens on a line indented by `indent`. */
type Body = (indent: string) => string;

/** fetch(url, { method: 'POST', headers: { 'Content-Type': … }, body: new URLSearchParams({…}) }) */
function fetchEdits(site: CallSite, body: Body, layout: Layout, urlEdits: PlannedEdit[]): CallEdits {
  const options = site.call.arguments?.[1];
  const header = `${stringLiteral('Content-Type', layout)}: ${stringLiteral(FORM_TYPE, layout)}`;
  const indent = bodyIndent(site);
  const add: [string, string][] = [
    ['method', stringLiteral('POST', layout)],
    ['headers', `{ ${header} }`],
    ['body', body(indent + layout.unit)],
  ];
  if (!options) return { edits: [insertAfter(site, site.urlArg, `, ${printObject(add, layout, true, indent)}`)] };
  const obj = skipOuter(options);
  // A URL written over several lines loses them with its query string, so a one-line options object then opens on
  // the call's own line: indent from there.
  const urlOverLines = isMultiline(site.unit, site.urlArg) && !isMultiline(site.unit, obj);
  const objIndent = urlOverLines ? indent : indentAt(site.unit.sf.text, obj.getStart(site.unit.sf));
  add[2][1] = body(objIndent + layout.unit);
  if (!ts.isObjectLiteralExpression(obj)) return { problem: 'the fetch options are not an object literal here; add the form body and header by hand' };
  const headers = mergedHeaders(site.unit, obj, header);
  if (headers === null) return { problem: 'the headers are not an object literal; add Content-Type by hand' };
  add[1][1] = headers;
  return { edits: [replaceObject(site.unit, obj, ['method', 'headers', 'body'], urlEdits, add, layout, objIndent)] };
}

/** axios.post(url, new URLSearchParams({…}), { headers: { 'Content-Type': … } }), or the same inside axios(config). */
function axiosEdits(site: CallSite, makeBody: Body, layout: Layout, urlEdits: PlannedEdit[]): CallEdits {
  // One argument per line when the call is written that way (the URL on its own line), else all on one.
  const text = site.unit.sf.text;
  const ownLines = text.slice(site.call.arguments?.pos ?? 0, site.urlArg.getStart(site.unit.sf)).includes('\n');
  const argIndent = ownLines ? indentAt(text, site.urlArg.getStart(site.unit.sf)) : bodyIndent(site);
  const sep = ownLines ? `,${layout.eol}${argIndent}` : ', ';
  const body = makeBody(argIndent);
  const header = `${stringLiteral('Content-Type', layout)}: ${stringLiteral(FORM_TYPE, layout)}`;
  const args = site.call.arguments ?? [];
  const callee = site.call.expression;
  const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (method === undefined || method === 'request') {
    const config = skipOuter(site.urlArg);
    if (!ts.isObjectLiteralExpression(config)) return { problem: 'the axios config is not an object literal here' };
    const headers = mergedHeaders(site.unit, config, header);
    if (headers === null) return { problem: 'the headers are not an object literal; add Content-Type by hand' };
    const data = makeBody(indentAt(site.unit.sf.text, config.getStart(site.unit.sf)) + layout.unit);
    return { edits: [replaceObject(site.unit, config, ['method', 'params', 'data', 'headers'], urlEdits, [['method', stringLiteral('post', layout)], ['headers', headers], ['data', data]], layout)] };
  }
  if (!['post', 'get'].includes(method)) return { problem: `axios.${method} is not how a token call is sent; use axios.post with a form body` };
  const edits: PlannedEdit[] = [];
  if (method === 'get' && ts.isPropertyAccessExpression(callee)) edits.push(replaceNode(site.unit, callee.name, 'post'));
  const dataIndex = method === 'get' ? -1 : 1;
  const data = dataIndex > 0 ? args[dataIndex] : undefined;
  const configArg = method === 'get' ? args[1] : args[2];
  const config = configArg && skipOuter(configArg);
  if (config && !ts.isObjectLiteralExpression(config)) return { problem: 'the axios config is not an object literal here' };
  const headers = config ? mergedHeaders(site.unit, config, header) : `{ ${header} }`;
  if (headers === null) return { problem: 'the headers are not an object literal; add Content-Type by hand' };
  const configText = config
    ? null
    : `{ headers: ${headers} }`;
  if (data && method === 'post') {
    edits.push(replaceNode(site.unit, data, makeBody(indentAt(text, data.getStart(site.unit.sf)))));
    if (config) edits.push(replaceObject(site.unit, config, ['params', 'headers'], urlEdits, [['headers', headers]], layout));
    else edits.push(insertAfter(site, data, `${sep}${configText}`));
  } else if (config) {
    edits.push(insertAfter(site, site.urlArg, `${sep}${body}`));
    edits.push(replaceObject(site.unit, config, ['params', 'headers'], urlEdits, [['headers', headers]], layout));
  } else {
    edits.push(insertAfter(site, site.urlArg, `${sep}${body}${sep}${configText}`));
  }
  return { edits };
}

/** The headers object with Content-Type set to the form type, other headers kept; null when not rewritable. */
function mergedHeaders(unit: CodeUnit, obj: ts.ObjectLiteralExpression, header: string): string | null {
  const prop = obj.properties.find((p) => p.name && propertyName(p.name) === 'headers');
  if (!prop) return `{ ${header} }`;
  if (!ts.isPropertyAssignment(prop)) return null;
  const value = skipOuter(prop.initializer);
  if (!ts.isObjectLiteralExpression(value)) return `{ ...${codeOf(unit, value)}, ${header} }`;
  const kept = value.properties
    .filter((p) => !(p.name && /^content-type$/i.test(propertyName(p.name) ?? '')))
    .map((p) => unit.sf.text.slice(p.getStart(unit.sf), p.end));
  return `{ ${[...kept, header].join(', ')} }`;
}

/** The object with `drop` properties removed and `add` appended, in its own layout. */
function replaceObject(
  unit: CodeUnit, obj: ts.ObjectLiteralExpression, drop: string[], urlEdits: PlannedEdit[], add: [string, string][], layout: Layout,
  indent = indentAt(unit.sf.text, obj.getStart(unit.sf)),
): PlannedEdit {
  const kept = obj.properties
    .filter((p) => !(p.name && drop.includes(propertyName(p.name) ?? '')))
    .map((p) => sourceWithEdits(unit, p, urlEdits));
  const entries: [string, string][] = [...kept.map((k): [string, string] => [k, k]), ...add];
  return replaceNode(unit, obj, printObject(entries, layout, isMultiline(unit, obj) || add.some(([, v]) => v.includes('\n')), indent));
}

function insertAfter(site: CallSite, node: ts.Node, text: string): PlannedEdit {
  return editAt(site.unit, node.end, node.end, text);
}
