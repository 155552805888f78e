// Calls already on a v2 URL, checked for what real migrations got wrong (spec sections 2-3): parameters left in the
// query string, a JSON body, a missing or ;charset Content-Type, client_id for client_key, and missing grant_type,
// client_secret or redirect_uri. Only a call with such a problem is rewritten; a right one is never touched.
import { ts } from 'ts-morph';
import type { EndpointId } from '../endpoints.js';
import type { CallSite } from './calls.js';
import type { Evaluator } from './evaluate.js';
import { layoutOf, stringLiteral } from './layout.js';
import { knownValue } from './known-values.js';
import type { PlannedEdit } from './match.js';
import type { Candidate } from './match.js';
import { FORM_TYPE, paramSource } from './request-shape.js';
import { propertyName, skipOuter, type Resolver } from './resolve.js';
import { editNode as replace, insertProperties } from './edits.js';

const REQUIRED: Record<string, string[]> = {
  token: ['client_key', 'client_secret', 'code', 'grant_type', 'redirect_uri'],
  refresh: ['client_key', 'client_secret', 'grant_type', 'refresh_token'],
  revoke: ['client_key', 'client_secret', 'token'],
};
const CLIENT_CREDENTIALS = ['client_key', 'client_secret', 'grant_type'];

/** The parameters a v2 call must send; v2's client access token (grant_type=client_credentials) needs no code and no
 * redirect_uri. */
function requiredFor(c: Candidate, endpoint: EndpointId, grant: string | undefined): string[] {
  return (c.endpoint === 'token' && grant === 'client_credentials' ? CLIENT_CREDENTIALS : REQUIRED[endpoint]) ?? [];
}

/** Which endpoint a v2 /oauth/token/ call is (its grant_type), and what is wrong with its request. */
export function v2Issues(c: Candidate, site: CallSite, evaluator: Evaluator, resolver: Resolver): { endpoint: EndpointId; issues: string[] } {
  const source = paramSource(c, site, evaluator, resolver, layoutOf(site.unit, site.call));
  if ('problem' in source) return { endpoint: c.endpoint!, issues: [] }; // nothing visible to judge
  const grant = source.params.find((p) => p.key === 'grant_type')?.value.replace(/^['"`]|['"`]$/g, '');
  const endpoint: EndpointId = c.endpoint === 'token' && grant === 'refresh_token' ? 'refresh' : c.endpoint!;
  const issues: string[] = [];
  if (source.cut.length > 0) issues.push('its parameters are in the query string, and v2 reads them from the form body');
  if (source.object && isJsonBody(site, source.object)) issues.push('it sends a JSON body, and v2 accepts only application/x-www-form-urlencoded');
  if (source.params.some((p) => p.key === 'client_id')) issues.push('it sends client_id, and TikTok calls it client_key');
  const keys = new Set(source.params.map((p) => (p.key === 'client_id' ? 'client_key' : p.key)));
  const missing = requiredFor(c, endpoint, grant).filter((k) => !keys.has(k));
  if (missing.length) issues.push(`it lacks ${missing.join(', ')}`);
  if (!hasFormContentType(site)) issues.push('its Content-Type is not exactly application/x-www-form-urlencoded (fetch and axios add ;charset=… unless it is set)');
  return { endpoint, issues };
}

function isJsonBody(site: CallSite, object: ts.ObjectLiteralExpression): boolean {
  const p = object.parent;
  if (ts.isCallExpression(p) && p.expression.getText(site.unit.sf) === 'JSON.stringify') return true;
  if (ts.isPropertyAssignment(p) && propertyName(p.name) === 'json') return true; // got({ json })
  // axios.post(url, { … }): a plain object is sent as JSON.
  return site.client === 'axios' && (site.call.arguments ?? []).some((a) => skipOuter(a) === object) && site.call.arguments?.[0] !== object;
}

/** The request sets Content-Type to exactly the form type (got's `form` and superagent's type('form') do it). */
function hasFormContentType(site: CallSite): boolean {
  if (site.client === 'got' || site.client === 'superagent') return true;
  if (site.client === 'request' && /\bform\s*:/.test(site.call.getText(site.unit.sf))) return true; // request's form sets it
  const text = site.call.getText(site.unit.sf);
  return /['"]?content-type['"]?\s*:\s*['"]application\/x-www-form-urlencoded['"]/i.test(text);
}

/**
 * The smallest fix for a v2 call whose parameters already sit in an object body: rename client_id, add the missing
 * parameters, set the Content-Type value. undefined when the call needs the full rewrite (query string, JSON body).
 */
export function surgicalFix(c: Candidate, site: CallSite, endpoint: EndpointId, all: Candidate[], evaluator: Evaluator, resolver: Resolver): PlannedEdit[] | undefined {
  const layout = layoutOf(site.unit, site.call);
  const source = paramSource(c, site, evaluator, resolver, layout);
  if ('problem' in source || source.cut.length > 0 || !source.object || isJsonBody(site, source.object)) return undefined;
  const { unit } = site;
  const obj = source.object;
  const edits: PlannedEdit[] = [];
  for (const p of obj.properties)
    if ((ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && propertyName(p.name) === 'client_id' && !ts.isShorthandPropertyAssignment(p))
      edits.push(replace(unit, p.name, 'client_key'));
  const keys = new Set(source.params.map((p) => (p.key === 'client_id' ? 'client_key' : p.key)));
  const added: [string, string][] = [];
  const grant = source.params.find((p) => p.key === 'grant_type')?.value.replace(/^['"`]|['"`]$/g, '');
  for (const key of requiredFor(c, endpoint, grant)) {
    if (keys.has(key)) continue;
    const value = key === 'grant_type' ? stringLiteral(endpoint === 'refresh' ? 'refresh_token' : 'authorization_code', layout) : knownValue(key, site, all);
    if (value === undefined) return undefined;
    added.push([key, value]);
  }
  if (added.length) edits.push(insertProperties(unit, obj, added, layout));
  if (!hasFormContentType(site)) {
    const header = contentTypeLiteral(site);
    if (!header) return undefined;
    edits.push(replace(unit, header, stringLiteral(FORM_TYPE, { ...layout, quote: unit.sf.text[header.getStart(unit.sf)] })));
  }
  return edits;
}

/** The string literal value of a Content-Type header written in the call. */
function contentTypeLiteral(site: CallSite): ts.StringLiteral | undefined {
  let found: ts.StringLiteral | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isPropertyAssignment(n) && /^content-type$/i.test(propertyName(n.name) ?? '') && ts.isStringLiteral(n.initializer)) found = n.initializer;
    else ts.forEachChild(n, visit);
  };
  for (const a of site.call.arguments ?? []) visit(a);
  return found;
}
