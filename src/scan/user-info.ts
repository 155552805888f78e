// v1 user info (POST /user/info/ with a JSON body of open_id, access_token, fields; or GET /oauth/userinfo/) made
// v2: GET https://open.tiktokapis.com/v2/user/info/?fields=… with `Authorization: Bearer <token>`, no body, no
// open_id (spec section 2). fetch and axios; other clients are reported.
import { ts } from 'ts-morph';
import { browserProblem, browserReason } from './browser-code.js';
import { callsUsing, type CallSite } from './calls.js';
import type { Evaluator } from './evaluate.js';
import { indentAt, isMultiline, layoutOf, printObject, stringLiteral, type Layout } from './layout.js';
import type { Candidate, PlannedEdit } from './match.js';
import type { CodeUnit } from './parse.js';
import { codeOf, cutUrl, objectParams, queryParams, queryPieces, sourceWithEdits, urlInArgument, type Param } from './request-params.js';
import type { ShapeResult } from './request-shape.js';
import { httpsUserInfo } from './https-client.js';
import { requestUserInfo } from './request-client.js';
import { propertyName, skipOuter, type Resolver } from './resolve.js';
import { editAt as replace } from './edits.js';

const DEFAULT_FIELDS = 'open_id,union_id,avatar_url,display_name';

export function planUserInfo(c: Candidate, evaluator: Evaluator, resolver: Resolver): ShapeResult {
  const sites = callsUsing(c, resolver);
  if (sites.length !== 1) return { edits: [], problem: sites.length ? 'the URL is sent by several calls' : 'the call that sends it was not found' };
  const site = sites[0];
  const browser = browserReason(site.unit);
  if (browser) return { edits: [], site, problem: browserProblem(browser, false) };
  if (!['fetch', 'axios', 'got', 'superagent', 'undici', 'request', 'https'].includes(site.client))
    return { edits: [], site, problem: `user info calls made with ${site.client === 'unknown' ? 'this HTTP client' : site.client} are not rewritten yet` };
  if (site.client === 'request') return requestUserInfo(c, site, evaluator);
  if (site.client === 'https') return httpsUserInfo(c, site, evaluator);
  const place = c.root.unit === site.unit && !ts.isObjectLiteralExpression(skipOuter(site.urlArg)) ? urlInArgument(c, site.urlArg, site.call, evaluator) : undefined;
  if (!place) return { edits: [], site, problem: 'the URL is built away from the call' };
  const layout = layoutOf(site.unit, site.call);
  const params = [...(c.rest.startsWith('?') ? queryParams(queryPieces(c.root.value.pieces, c.end), site.unit, layout) ?? [] : []), ...bodyParams(site)];
  const token = params.find((p) => p.key === 'access_token')?.value;
  if (!token) return { edits: [], site, problem: 'the access token it sends is not visible here' };
  const cut = cutUrl(site.unit, place.expr, place.at, evaluator, c.edits);
  if (!cut) return { edits: [], site, problem: 'the URL expression cannot be cut before its query string' };
  const url = withFields(cut.text, fieldsOf(site.unit, params), layout);
  const bearer = `\`Bearer \${${token}}\``;
  const args = site.call.arguments ?? [];
  const last = args[args.length - 1];
  const edits: PlannedEdit[] = [];
  let options: string;
  if (site.client === 'fetch' || site.client === 'undici') {
    options = rebuilt(site.unit, args[1], ['method', 'headers', 'body'], [['method', stringLiteral('GET', layout)], ['headers', headers(site.unit, args[1], bearer)]], layout, c.edits);
  } else {
    const callee = site.call.expression;
    if (!ts.isPropertyAccessExpression(callee) || !['post', 'get'].includes(callee.name.text)) return { edits: [], site, problem: `use ${site.client}.get for v2 user info` };
    if (callee.name.text === 'post') edits.push(replace(site.unit, callee.name.getStart(site.unit.sf), callee.name.end, 'get'));
    if (site.client === 'superagent') return superagentUserInfo(site, url, bearer, layout, edits);
    const config = site.client === 'axios' && callee.name.text === 'post' ? args[2] : args[1];
    const drop = site.client === 'got' ? ['json', 'body', 'form', 'searchParams', 'headers', 'method'] : ['params', 'data', 'headers', 'method'];
    options = rebuilt(site.unit, config, drop, [['headers', headers(site.unit, config, bearer)]], layout, c.edits);
  }
  // One argument per line when the call is written that way.
  const text = site.unit.sf.text;
  const ownLines = text.slice(site.call.arguments?.pos ?? 0, site.urlArg.getStart(site.unit.sf)).includes('\n');
  const sep = ownLines ? `,${layout.eol}${indentAt(text, site.urlArg.getStart(site.unit.sf))}` : ', ';
  edits.push(replace(site.unit, site.urlArg.getStart(site.unit.sf), last.end, `${url}${sep}${options}`));
  return { edits, site };
}

/** superagent.post(url).send({…}) -> superagent.get(url?fields=…).set('Authorization', `Bearer …`) */
function superagentUserInfo(site: CallSite, url: string, bearer: string, layout: Layout, edits: PlannedEdit[]): ShapeResult {
  const { unit, call } = site;
  edits.push(replace(unit, site.urlArg.getStart(unit.sf), site.urlArg.end, url));
  const set = `set(${stringLiteral('Authorization', layout)}, ${bearer})`;
  for (let n: ts.Node = call; ts.isPropertyAccessExpression(n.parent) && ts.isCallExpression(n.parent.parent); n = n.parent.parent) {
    const step = n.parent.parent as ts.CallExpression;
    if (['send', 'query', 'type'].includes(n.parent.name.text)) {
      edits.push(replace(unit, n.parent.name.getStart(unit.sf), step.end, set));
      return { edits, site };
    }
  }
  edits.push(replace(unit, call.end, call.end, `.${set}`));
  return { edits, site };
}

/** Parameters v1 sent in a JSON body (`JSON.stringify({ … })`, axios data): access_token, open_id, fields. */
function bodyParams(site: CallSite): Param[] {
  let found: ts.ObjectLiteralExpression | undefined;
  const visit = (n: ts.Node): void => {
    if (found || ts.isFunctionLike(n)) return;
    if (ts.isObjectLiteralExpression(n) && n.properties.some((p) => p.name && ['access_token', 'fields'].includes(propertyName(p.name) ?? ''))) found = n;
    else ts.forEachChild(n, visit);
  };
  for (const a of (site.call.arguments ?? []).slice(1)) visit(a);
  for (let n: ts.Node = site.call; !found && ts.isPropertyAccessExpression(n.parent) && ts.isCallExpression(n.parent.parent); n = n.parent.parent)
    for (const a of (n.parent.parent as ts.CallExpression).arguments) visit(a);
  return (found && objectParams(site.unit, found)) ?? [];
}

/** The fields to ask for: a literal list becomes text, anything else is joined at run time. */
export function fieldsOf(unit: CodeUnit, params: Param[]): { text: string } | { code: string } {
  const value = params.find((p) => p.key === 'fields')?.value;
  if (!value) return { text: DEFAULT_FIELDS };
  const parsed = ts.createSourceFile('x.ts', `(${value})`, ts.ScriptTarget.Latest, true);
  const expr = (parsed.statements[0] as ts.ExpressionStatement | undefined)?.expression;
  const inner = expr && ts.isParenthesizedExpression(expr) ? expr.expression : undefined;
  if (inner && ts.isArrayLiteralExpression(inner) && inner.elements.every((e) => ts.isStringLiteralLike(e)))
    return { text: inner.elements.map((e) => (e as ts.StringLiteralLike).text).join(',') };
  if (inner && ts.isStringLiteralLike(inner)) return { text: inner.text };
  void unit;
  return { code: `${value}.join(',')` };
}

/** The cut URL expression with `?fields=…` appended in the expression's own form. */
export function withFields(url: string, fields: { text: string } | { code: string }, layout: Layout): string {
  const close = url[url.length - 1];
  const quoted = close === "'" || close === '"';
  if ('text' in fields) {
    if (quoted || close === '`') return `${url.slice(0, -1)}?fields=${fields.text}${close}`;
    return `${url} + ${stringLiteral(`?fields=${fields.text}`, layout)}`;
  }
  if (close === '`') return `${url.slice(0, -1)}?fields=\${${fields.code}}\``;
  if (quoted) return `${url.slice(0, -1)}?fields=${close} + ${fields.code}`;
  return `${url} + ${stringLiteral('?fields=', layout)} + ${fields.code}`;
}

/** Existing headers minus Content-Type (there is no body any more), plus Authorization. */
function headers(unit: CodeUnit, options: ts.Expression | undefined, bearer: string): string {
  const obj = options && skipOuter(options);
  const prop = obj && ts.isObjectLiteralExpression(obj) ? obj.properties.find((p) => p.name && propertyName(p.name) === 'headers') : undefined;
  const value = prop && ts.isPropertyAssignment(prop) ? skipOuter(prop.initializer) : undefined;
  const kept = value && ts.isObjectLiteralExpression(value)
    ? value.properties.filter((p) => !(p.name && /^(content-type|authorization)$/i.test(propertyName(p.name) ?? ''))).map((p) => unit.sf.text.slice(p.getStart(unit.sf), p.end))
    : value ? [`...${codeOf(unit, value)}`] : [];
  return `{ ${[...kept, `Authorization: ${bearer}`].join(', ')} }`;
}

/** An options object with `drop` removed and `add` appended, or a new one; kept properties are copied verbatim. */
function rebuilt(unit: CodeUnit, options: ts.Expression | undefined, drop: string[], add: [string, string][], layout: Layout, urlEdits: PlannedEdit[]): string {
  const obj = options && skipOuter(options);
  if (!obj || !ts.isObjectLiteralExpression(obj)) return printObject(add, layout, false, '');
  const kept = obj.properties
    .filter((p) => !(p.name && drop.includes(propertyName(p.name) ?? '')))
    .map((p): [string, string] => {
      const text = sourceWithEdits(unit, p, urlEdits);
      return [text, text];
    });
  return printObject([...kept, ...add], layout, isMultiline(unit, obj), indentAt(unit.sf.text, obj.getStart(unit.sf)));
}
