// The callback side, step one: the handler that answers the redirect URI's path. Found with confidence only: an
// Express/Koa/Fastify GET route at that exact path (or one path suffix that only one route has, for routers mounted
// under a prefix), a Next.js API route (pages/api/…) or route handler (app/…/route.ts GET) at that path.
import path from 'node:path';
import { ts } from 'ts-morph';
import type { CodeUnit } from '../scan/parse.js';
import { propertyName, skipOuter } from '../scan/resolve.js';

export interface Handler {
  unit: CodeUnit;
  fn: ts.FunctionLikeDeclaration & { body: ts.Block };
  /** For the report: "GET /auth/callback in src/server.js". */
  describe: string;
  exact: boolean;
}

const ROUTE_METHODS = new Set(['get', 'all']);

/**
 * The one handler for `routePath`, or why none can be chosen. When the path is not known (the redirect URI comes from
 * the environment) or no route has it: the one route handler that exchanges the code (`exchanges` are the offsets of
 * the token calls, by file), or else the one route handler that reads state from the query.
 */
export function findCallback(units: readonly CodeUnit[], routePath: string | undefined, exchanges: Map<string, number[]>): Handler | { problem: string } {
  const wanted = routePath ? normalise(routePath) : undefined;
  if (wanted) {
    const found: Handler[] = [];
    for (const unit of units) found.push(...routesIn(unit, wanted), ...nextRoutes(unit, wanted));
    const exact = found.filter((h) => h.exact);
    const pick = exact.length > 0 ? exact : found;
    if (pick.length === 1) return pick[0];
    if (pick.length > 1) return { problem: `${pick.length} handlers answer ${wanted} (${pick.map((h) => h.describe).join('; ')})` };
  }
  const routes = units.flatMap((u) => [...routesIn(u, undefined), ...nextRoutes(u, undefined)]);
  const inside = (h: Handler, at: number) => at >= h.unit.offset + h.fn.getStart(h.unit.sf) && at < h.unit.offset + h.fn.end;
  const exchanging = routes.filter((h) => (exchanges.get(h.unit.file) ?? []).some((at) => inside(h, at)));
  const reading = routes.filter((h) => READS_STATE.test(h.fn.body.getText(h.unit.sf)));
  for (const [list, why] of [[exchanging, 'it exchanges the code'], [reading, 'it reads state from the query']] as const) {
    if (list.length === 1) return { ...list[0], describe: `${list[0].describe} (${why})` };
    if (list.length > 1) return { problem: `${wanted ? `no route for ${wanted} was found, and ` : ''}${list.length} route handlers could be the callback (${list.map((h) => h.describe).join('; ')})` };
  }
  return { problem: wanted ? `no route for ${wanted} was found among the scanned files` : 'the callback path is built at run time and no route handler exchanges the code' };
}

const READS_STATE = /\.query\s*(?:\.\s*state\b|\[\s*['"]state['"])|\bstate\b[^=;]*\}\s*=\s*\w+(?:\.request)?\.query\b|\.get\(\s*['"]state['"]\s*\)/;

function normalise(p: string): string {
  const cut = p.replace(/\/+$/, '');
  return cut === '' ? '/' : cut;
}

/** Does a route path answer the wanted path: the same, or its tail (a router mounted under a prefix)? Any path
 * "answers" an unknown one (the caller then asks which handler exchanges the code). */
function answers(route: string, wanted: string | undefined): 'exact' | 'suffix' | 'any' | undefined {
  const r = normalise(route);
  if (wanted === undefined) return 'any';
  if (r === wanted) return 'exact';
  if (r !== '/' && r.split('/').length > 2 && wanted.endsWith(r) && wanted[wanted.length - r.length] === '/') return 'suffix';
  return undefined;
}

/** `app.get('/cb', handler)`, `router.get('/cb', mw, async (req, res) => …)`, `fastify.route({ method: 'GET', url, handler })`. */
function routesIn(unit: CodeUnit, wanted: string | undefined): Handler[] {
  const out: Handler[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const method = n.expression.name.text;
      const first = n.arguments[0];
      if (ROUTE_METHODS.has(method) && first && ts.isStringLiteralLike(first)) {
        const match = answers(first.text, wanted);
        const fn = match ? functionOf(unit, n.arguments[n.arguments.length - 1]) : undefined;
        if (match && fn) out.push({ unit, fn, exact: match === 'exact', describe: `${method.toUpperCase()} ${first.text} in ${path.basename(unit.file)}` });
      } else if (method === 'route' && first && ts.isObjectLiteralExpression(first)) {
        const prop = (name: string) => first.properties.find((p): p is ts.PropertyAssignment | ts.ShorthandPropertyAssignment =>
          (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && propertyName(p.name) === name);
        const url = prop('url') ?? prop('path');
        const verb = prop('method');
        const urlText = url && ts.isPropertyAssignment(url) && ts.isStringLiteralLike(url.initializer) ? url.initializer.text : undefined;
        const isGet = verb && ts.isPropertyAssignment(verb) && /\bGET\b/i.test(verb.initializer.getText(unit.sf));
        const handler = prop('handler');
        const match = urlText && isGet ? answers(urlText, wanted) : undefined;
        const fn = match && handler ? functionOf(unit, ts.isPropertyAssignment(handler) ? handler.initializer : handler.name) : undefined;
        if (match && fn) out.push({ unit, fn, exact: match === 'exact', describe: `GET ${urlText} in ${path.basename(unit.file)}` });
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(unit.sf);
  return out;
}

/** pages/api/x.ts (default export) or app/x/route.ts (GET export) at the wanted path. */
function nextRoutes(unit: CodeUnit, wanted: string | undefined): Handler[] {
  const file = unit.file.split(path.sep).join('/');
  // The last pages/ or app/ folder of the path is Next.js's (a project may itself live in /app).
  const pages = /^.*\/pages(\/api\/.+?)(?:\/index)?\.[cm]?[jt]sx?$/.exec(file);
  if (pages && (wanted === undefined || normalise(pages[1]) === wanted)) {
    const fn = defaultExport(unit);
    return fn ? [{ unit, fn, exact: wanted !== undefined, describe: `the API route ${file.slice(file.lastIndexOf('/pages/') + 1)}` }] : [];
  }
  const app = /^.*\/app((?:\/[^/]+)*?)\/route\.[cm]?[jt]s$/.exec(file);
  if (app) {
    const route = normalise(app[1].split('/').filter((s) => !/^\(.*\)$/.test(s)).join('/') || '/');
    const fn = wanted === undefined || route === wanted ? namedExport(unit, 'GET') : undefined;
    return fn ? [{ unit, fn, exact: wanted !== undefined, describe: `GET in ${file.slice(file.lastIndexOf('/app/') + 1)}` }] : [];
  }
  return [];
}

function defaultExport(unit: CodeUnit): Handler['fn'] | undefined {
  for (const st of unit.sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) return withBody(st);
    if (ts.isExportAssignment(st)) return functionOf(unit, st.expression);
  }
  return undefined;
}

function namedExport(unit: CodeUnit, name: string): Handler['fn'] | undefined {
  for (const st of unit.sf.statements) {
    const exported = (ts.canHaveModifiers(st) ? ts.getModifiers(st) : undefined)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isFunctionDeclaration(st) && st.name?.text === name) return withBody(st);
    if (ts.isVariableStatement(st))
      for (const d of st.declarationList.declarations)
        if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer) return functionOf(unit, d.initializer);
  }
  return undefined;
}

/** A function written there, or named there and declared in the same file. */
function functionOf(unit: CodeUnit, node: ts.Node | undefined): Handler['fn'] | undefined {
  if (!node) return undefined;
  const e = ts.isExpression(node) ? skipOuter(node) : node;
  if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return withBody(e);
  if (!ts.isIdentifier(e)) return undefined;
  for (const st of unit.sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name?.text === e.text) return withBody(st);
    if (ts.isVariableStatement(st))
      for (const d of st.declarationList.declarations)
        if (ts.isIdentifier(d.name) && d.name.text === e.text && d.initializer) {
          const init = skipOuter(d.initializer);
          if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return withBody(init);
        }
  }
  return undefined;
}

function withBody(fn: ts.FunctionLikeDeclaration): Handler['fn'] | undefined {
  return fn.body && ts.isBlock(fn.body) ? (fn as Handler['fn']) : undefined;
}
