// Which HTTP call sends a URL, and with which client: the call's shape (where parameters, headers and the body go)
// depends on it. Recognised: fetch (global, node-fetch, undici), axios (functions, config calls, instances), got,
// superagent, request, node https/http.
import { ts } from 'ts-morph';
import type { Candidate } from './match.js';
import type { CodeUnit } from './parse.js';
import { skipOuter, type Resolver } from './resolve.js';

export type HttpClient = 'fetch' | 'axios' | 'got' | 'superagent' | 'request' | 'https' | 'undici' | 'unknown';

export interface CallSite {
  unit: CodeUnit;
  call: ts.CallExpression | ts.NewExpression;
  client: HttpClient;
  /** The argument that carries the URL (a string expression, or the config object holding `url`). */
  urlArg: ts.Expression;
}

const PACKAGES: Record<string, HttpClient> = {
  axios: 'axios', got: 'got', superagent: 'superagent', request: 'request', 'node-fetch': 'fetch',
  undici: 'fetch', 'cross-fetch': 'fetch', 'isomorphic-fetch': 'fetch', https: 'https', http: 'https',
  'node:https': 'https', 'node:http': 'https',
};

/** The calls that send this URL: the URL expression is an argument, or a variable holding it is. */
export function callsUsing(c: Candidate, resolver: Resolver): CallSite[] {
  const { unit, node } = c.root;
  if (ts.isCallExpression(node)) return site(unit, node, node.arguments[0]); // api.post('/oauth/…'): the call is the root
  let n: ts.Node = node;
  while (n.parent && (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || ts.isAwaitExpression(n.parent))) n = n.parent;
  const p = n.parent;
  if (p && (ts.isCallExpression(p) || ts.isNewExpression(p)) && p.arguments?.includes(n as ts.Expression)) return site(unit, p, n as ts.Expression);
  if (p && ts.isPropertyAssignment(p) && ts.isObjectLiteralExpression(p.parent) && ts.isCallExpression(p.parent.parent))
    return site(unit, p.parent.parent, p.parent); // axios({ url, … }), request({ uri, … })
  const decl = ts.isVariableDeclaration(node) ? node : p && ts.isVariableDeclaration(p) ? p : undefined;
  if (!decl || !ts.isIdentifier(decl.name)) return [];
  const name = decl.name.text;
  const sites: CallSite[] = [];
  const visit = (x: ts.Node): void => {
    if ((ts.isCallExpression(x) || ts.isNewExpression(x)) && x.arguments) {
      const arg = x.arguments.find((a) => ts.isIdentifier(a) && a.text === name) as ts.Identifier | undefined;
      const t = arg && resolver.identifier(unit, arg);
      if (arg && (!t || ((t.kind === 'expr' || t.kind === 'let') && t.decl === decl))) sites.push(...site(unit, x, arg));
      // request.post({ url: TOKEN_URL, qs }), axios({ url: TOKEN_URL, params }): the config object carries it.
      const config = x.arguments.find((a) => ts.isObjectLiteralExpression(a) && a.properties.some((p) =>
        ts.isPropertyAssignment(p) && ['url', 'uri'].includes(p.name.getText(unit.sf)) && ts.isIdentifier(p.initializer) && p.initializer.text === name));
      if (!arg && config) sites.push(...site(unit, x, config));
    }
    ts.forEachChild(x, visit);
  };
  visit(unit.sf);
  return sites;
}

function site(unit: CodeUnit, call: ts.CallExpression | ts.NewExpression, urlArg: ts.Expression | undefined): CallSite[] {
  if (!urlArg || ts.isNewExpression(call)) return [];
  return [{ unit, call, client: clientOf(unit, call), urlArg }];
}

/** The client a call belongs to, from its callee and where that name was imported from. */
export function clientOf(unit: CodeUnit, call: ts.CallExpression): HttpClient {
  let callee = skipOuter(call.expression);
  while (ts.isPropertyAccessExpression(callee) || ts.isCallExpression(callee))
    callee = ts.isCallExpression(callee) ? skipOuter(callee.expression) : skipOuter(callee.expression);
  if (!ts.isIdentifier(callee)) return 'unknown';
  const source = importSource(unit, callee);
  if (source === 'undici') return undiciClient(unit, call); // undici.request() has its own shape
  if (source !== undefined) return PACKAGES[source] ?? instanceClient(unit, callee) ?? 'unknown';
  if (callee.text === 'fetch' || callee.text === 'globalThis') return 'fetch';
  return instanceClient(unit, callee) ?? 'unknown';
}

/** undici: its fetch() speaks fetch's shape, its request() its own ('undici'); other calls are not followed. */
function undiciClient(unit: CodeUnit, call: ts.CallExpression): HttpClient {
  const callee = skipOuter(call.expression);
  let name: string | undefined;
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(skipOuter(callee.expression))) name = callee.name.text; // undici.request(…)
  else if (ts.isIdentifier(callee)) name = importedName(unit, callee); // request(…), `request as undiciRequest`
  return name === 'fetch' ? 'fetch' : name === 'request' ? 'undici' : 'unknown';
}

/** The name a binding was imported under (`import { request as r }`, `const { request: r } = require(…)`). */
function importedName(unit: CodeUnit, id: ts.Identifier): string {
  for (const st of unit.sf.statements) {
    const b = ts.isImportDeclaration(st) ? st.importClause?.namedBindings : undefined;
    const el = b && ts.isNamedImports(b) ? b.elements.find((e) => e.name.text === id.text) : undefined;
    if (el) return (el.propertyName ?? el.name).text;
    if (ts.isVariableStatement(st))
      for (const d of st.declarationList.declarations)
        if (ts.isObjectBindingPattern(d.name))
          for (const e of d.name.elements)
            if (ts.isIdentifier(e.name) && e.name.text === id.text) return e.propertyName && ts.isIdentifier(e.propertyName) ? e.propertyName.text : id.text;
  }
  return id.text;
}

/** `const api = axios.create(…)` / `got.extend(…)`: the instance speaks its package's shape. */
function instanceClient(unit: CodeUnit, id: ts.Identifier): HttpClient | undefined {
  const decl = findDeclaration(unit, id.text);
  const init = decl?.initializer && skipOuter(decl.initializer);
  if (init && ts.isCallExpression(init) && ts.isPropertyAccessExpression(init.expression) && ts.isIdentifier(init.expression.expression)) {
    const source = importSource(unit, init.expression.expression);
    return source ? PACKAGES[source] : undefined;
  }
  return undefined;
}

/** The package a name was imported or required from, if any. */
export function importSource(unit: CodeUnit, id: ts.Identifier): string | undefined {
  for (const st of unit.sf.statements) {
    if (ts.isImportDeclaration(st) && st.importClause && ts.isStringLiteral(st.moduleSpecifier)) {
      const c = st.importClause;
      const b = c.namedBindings;
      if (c.name?.text === id.text || (b && ts.isNamespaceImport(b) && b.name.text === id.text) ||
        (b && ts.isNamedImports(b) && b.elements.some((e) => e.name.text === id.text)))
        return st.moduleSpecifier.text;
    }
    if (ts.isVariableStatement(st))
      for (const d of st.declarationList.declarations) {
        const init = d.initializer && skipOuter(d.initializer);
        const req = init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require' ? init.arguments[0] : undefined;
        const fromProp = init && ts.isPropertyAccessExpression(init) && ts.isCallExpression(init.expression) ? init.expression.arguments[0] : undefined;
        const spec = req ?? fromProp;
        if (!spec || !ts.isStringLiteral(spec)) continue;
        if (ts.isIdentifier(d.name) && d.name.text === id.text) return spec.text;
        if (ts.isObjectBindingPattern(d.name) && d.name.elements.some((e) => ts.isIdentifier(e.name) && e.name.text === id.text)) return spec.text;
      }
  }
  return undefined;
}

function findDeclaration(unit: CodeUnit, name: string): ts.VariableDeclaration | undefined {
  let found: ts.VariableDeclaration | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === name) found = n;
    else ts.forEachChild(n, visit);
  };
  visit(unit.sf);
  return found;
}
