// Authorize -> code exchange, for mixed-token-use: TikTok sends the code to the authorize URL's redirect_uri, so the
// exchange that redeems it is found by (1) the same redirect_uri value (one constant, one env variable, one literal)
// in the code that builds the authorize URL and in the exchange's function, or (2) the callback route that the
// redirect_uri's path names (`app.get('/auth/tiktok/callback', …)`, a Next.js `…/callback/route.ts`) reaching the
// exchange call, directly or through our own functions. A v1 code is refused by the v2 token endpoint, and back.
import path from 'node:path';
import { ts } from 'ts-morph';
import { skipOuter } from '../scan/resolve.js';
import type { Reference } from '../scan/types.js';
import type { CallLike, FlowProgram, FunctionNode } from './token-flow-program.js';
import { calleeName, enclosingFunction } from './token-flow-nodes.js';

export interface AuthorizeLink {
  authorize: Reference;
  token: Reference;
  site: CallLike;
  how: string;
}

const ENCODERS = new Set(['encodeURIComponent', 'encodeURI', 'String']);
const ROUTE_METHODS = new Set(['get', 'post', 'all']);

/** `env`: the values the scanned `.env*` files give each variable (for a redirect_uri read from one). */
export function authorizeLinks(
  program: FlowProgram,
  refs: Reference[],
  sites: Map<Reference, CallLike[]>,
  env: Map<string, string[]>,
): AuthorizeLink[] {
  const links: AuthorizeLink[] = [];
  const routes = lazy(() => findRoutes(program));
  for (const authorize of refs) {
    if (authorize.endpoint !== 'authorize' || !program.has(authorize.file)) continue;
    const node = program.nodeAt(authorize.file, authorize.offset);
    if (!node) continue;
    const values = [node, ...(sites.get(authorize) ?? [])].flatMap((n) => redirectValues(scopeOf(n)));
    const ids = new Map(values.flatMap((v) => identities(program, v, 0).map((id) => [id, unwrap(v).getText()] as const)));
    const paths = new Set(values.flatMap((v) => redirectPaths(program, v, env, 0)));
    for (const token of refs) {
      if (token.endpoint !== 'token' || (token.kind === 'v2' || token.kind === 'hybrid') === (authorize.kind === 'v2' || authorize.kind === 'hybrid')) continue;
      const link = linkOne(program, authorize, token, sites.get(token) ?? [], ids, paths, routes);
      if (link) links.push(link);
    }
  }
  return links;
}

function linkOne(
  program: FlowProgram, authorize: Reference, token: Reference, calls: CallLike[],
  ids: Map<string, string>, paths: Set<string>, routes: () => Route[],
): AuthorizeLink | undefined {
  for (const site of calls) {
    for (const v of redirectValues(enclosingFunction(site) ?? site)) // the exchange's own function, or the call itself
      for (const id of identities(program, v, 0))
        if (ids.has(id)) return { authorize, token, site, how: `linked by the same redirect_uri value, ${ids.get(id)}` };
  }
  for (const site of calls) {
    for (const p of paths) {
      const file = site.getSourceFile().fileName.split(path.sep).join('/').replace(/(?:\/route|\/index)?\.[cm]?[jt]sx?$/, '');
      if (p.length > 1 && file.endsWith(p)) return { authorize, token, site, how: `its redirect_uri path ${p} is served by this file, which redeems the code` };
      const route = routes().find((r) => (p === r.path || p.endsWith(r.path)) && r.handlers.some((h) => reaches(program, h, site, 3, new Set())));
      if (route) {
        const at = program.where(route.call);
        return { authorize, token, site, how: `its redirect_uri path ${p} is the route '${route.path}' at ${path.basename(at.file)}:${at.line}, which redeems the code` };
      }
    }
  }
  return undefined;
}

/** Where to look for a redirect_uri next to a node: its function, or its file when it is at the top level. */
function scopeOf(node: ts.Node): ts.Node {
  return enclosingFunction(node) ?? node.getSourceFile();
}

/** The values given to `redirect_uri` in a scope: `redirect_uri: x`, `{ redirect_uri }`, `.set('redirect_uri', x)`, `'&redirect_uri=' + x`. */
function redirectValues(scope: ts.Node): ts.Expression[] {
  const out: ts.Expression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isPropertyAssignment(n) && propName(n.name) === 'redirect_uri') out.push(n.initializer);
    else if (ts.isShorthandPropertyAssignment(n) && n.name.text === 'redirect_uri') out.push(n.name);
    else if (ts.isCallExpression(n) && ['set', 'append'].includes(calleeName(n) ?? '') && n.arguments.length === 2 &&
      ts.isStringLiteralLike(n.arguments[0]) && n.arguments[0].text === 'redirect_uri') out.push(n.arguments[1]);
    else if (ts.isStringLiteralLike(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n)) {
      if (/[?&]?redirect_uri=$/.test(n.text)) {
        const next = ts.isTemplateHead(n) || ts.isTemplateMiddle(n) ? nextSpan(n) : plusNext(n);
        if (next) out.push(next);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(scope);
  return out;
}

function nextSpan(n: ts.TemplateHead | ts.TemplateMiddle): ts.Expression | undefined {
  if (ts.isTemplateHead(n)) return (n.parent as ts.TemplateExpression).templateSpans[0]?.expression;
  const span = n.parent as ts.TemplateSpan;
  const spans = (span.parent as ts.TemplateExpression).templateSpans;
  return spans[spans.indexOf(span) + 1]?.expression;
}

function plusNext(n: ts.Node): ts.Expression | undefined {
  const p = n.parent;
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.PlusToken && p.left === n) return leftmost(p.right);
  if (ts.isBinaryExpression(p) && p.parent && ts.isBinaryExpression(p.parent) && p.parent.left === p) return leftmost(p.parent.right);
  return undefined;
}

function leftmost(e: ts.Expression): ts.Expression {
  return ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken ? leftmost(e.left) : e;
}

/** What a redirect_uri value is, as comparable keys: its declaration, env variable, literal text or code. */
function identities(program: FlowProgram, expr: ts.Expression, depth: number): string[] {
  const e = unwrap(expr);
  const env = envName(e);
  if (env) return [`env:${env}`];
  if (ts.isStringLiteralLike(e)) return [`text:${e.text}`];
  if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e)) {
    const decl = program.declOf(ts.isIdentifier(e) ? e : (e.name as ts.Identifier));
    if (!decl || ts.isParameter(decl) || ts.isSourceFile(decl)) return ts.isPropertyAccessExpression(e) ? [`code:${e.getText()}`] : [];
    const fromEnv = destructuredEnv(decl);
    if (fromEnv) return [`env:${fromEnv}`];
    const init = initializerOf(decl);
    return [`decl:${program.id(decl)}`, ...(init && depth < 3 ? identities(program, init, depth + 1) : [])];
  }
  return ts.isTemplateExpression(e) || ts.isBinaryExpression(e) ? [`code:${e.getText().replace(/\s+/g, '')}`] : [];
}

/** The path of a redirect_uri whose text (or tail) is known: '/auth/tiktok/callback'. */
function redirectPaths(program: FlowProgram, expr: ts.Expression, env: Map<string, string[]>, depth: number): string[] {
  const e = unwrap(expr);
  const name = envName(e) ?? (ts.isIdentifier(e) ? destructuredEnv(program.declOf(e) ?? e) : undefined);
  if (name) return (env.get(name) ?? []).map(urlPath).filter((p): p is string => !!p);
  if (ts.isStringLiteralLike(e)) return [urlPath(e.text)].filter((p): p is string => !!p);
  if (ts.isTemplateExpression(e)) return [trimSlash(e.templateSpans.at(-1)!.literal.text)].filter((p) => p.startsWith('/') && p.length > 1);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    if (ts.isStringLiteralLike(e.right) && e.right.text.startsWith('/')) return [trimSlash(e.right.text)];
    return depth < 3 ? redirectPaths(program, e.left, env, depth + 1) : [];
  }
  if ((ts.isIdentifier(e) || ts.isPropertyAccessExpression(e)) && depth < 3) {
    const decl = program.declOf(ts.isIdentifier(e) ? e : (e.name as ts.Identifier));
    const init = decl && initializerOf(decl);
    if (init) return redirectPaths(program, init, env, depth + 1);
  }
  return [];
}

function unwrap(expr: ts.Expression): ts.Expression {
  let e = skipOuter(expr);
  while (ts.isCallExpression(e) && ENCODERS.has(calleeName(e) ?? '') && e.arguments[0]) e = skipOuter(e.arguments[0]);
  if (ts.isBinaryExpression(e) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(e.operatorToken.kind))
    return unwrap(e.left); // process.env.X || 'default'
  return e;
}

/** `const { TIKTOK_REDIRECT_URI } = process.env` -> TIKTOK_REDIRECT_URI. */
function destructuredEnv(decl: ts.Node): string | undefined {
  if (!ts.isBindingElement(decl) || !ts.isObjectBindingPattern(decl.parent) || !ts.isVariableDeclaration(decl.parent.parent)) return undefined;
  const init = decl.parent.parent.initializer;
  if (!init || skipOuter(init).getText() !== 'process.env') return undefined;
  const key = decl.propertyName ?? decl.name;
  return ts.isIdentifier(key) || ts.isStringLiteral(key) ? key.text : undefined;
}

function initializerOf(decl: ts.Node): ts.Expression | undefined {
  if ((ts.isVariableDeclaration(decl) || ts.isPropertyAssignment(decl) || ts.isPropertyDeclaration(decl)) && decl.initializer) return decl.initializer;
  return undefined;
}

/** `process.env.X`, `process.env['X']`, `import.meta.env.X` -> X. */
function envName(e: ts.Expression): string | undefined {
  if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    const owner = skipOuter(e.expression).getText();
    if (owner !== 'process.env' && owner !== 'import.meta.env') return undefined;
    if (ts.isPropertyAccessExpression(e)) return e.name.text;
    return ts.isStringLiteralLike(e.argumentExpression) ? e.argumentExpression.text : undefined;
  }
  return undefined;
}

function urlPath(value: string): string | undefined {
  try {
    const p = trimSlash(new URL(value, 'http://x').pathname);
    return p.length > 1 ? p : undefined;
  } catch {
    return undefined;
  }
}

function trimSlash(p: string): string {
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

function propName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

interface Route {
  call: ts.CallExpression;
  path: string;
  handlers: FunctionNode[];
}

/** `app.get('/path', …handlers)`, `router.post(…)`: Express-style routes with a literal path. */
function findRoutes(program: FlowProgram): Route[] {
  const routes: Route[] = [];
  for (const sf of program.sourceFiles()) {
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ROUTE_METHODS.has(n.expression.name.text) &&
        n.arguments.length >= 2 && ts.isStringLiteralLike(n.arguments[0]) && n.arguments[0].text.startsWith('/')) {
        const handlers = n.arguments.slice(1).map((a) => {
          const h = skipOuter(a);
          if (ts.isFunctionExpression(h) || ts.isArrowFunction(h)) return h;
          const name = ts.isIdentifier(h) ? h : ts.isPropertyAccessExpression(h) && ts.isIdentifier(h.name) ? h.name : undefined;
          return name ? program.functionOf(program.declOf(name)) : undefined;
        }).filter((h): h is FunctionNode => !!h);
        const p = trimSlash(n.arguments[0].text);
        if (handlers.length && p.length > 1) routes.push({ call: n, path: p, handlers });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return routes;
}

/** True when `target` runs inside `fn`, or inside one of our functions that `fn` calls (`depth` calls deep). */
function reaches(program: FlowProgram, fn: FunctionNode, target: ts.Node, depth: number, seen: Set<ts.Node>): boolean {
  if (seen.has(fn)) return false;
  seen.add(fn);
  if (fn.getSourceFile() === target.getSourceFile() && target.pos >= fn.pos && target.end <= fn.end) return true;
  if (depth === 0) return false;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) || ts.isNewExpression(n)) {
      const callee = program.calleeOf(n);
      if (callee && reaches(program, callee, target, depth - 1, seen)) found = true;
    }
    ts.forEachChild(n, visit);
  };
  if (fn.body) visit(fn.body);
  return found;
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
