// "Using the identifiers the same code already uses": the value this code gives a parameter elsewhere (the
// client_secret of its code exchange, the redirect_uri of its authorize URL), or a module constant named for it,
// or the environment variable it reads. Only values that are in scope at the call are offered.
import { ts } from 'ts-morph';
import type { CallSite } from './calls.js';
import { layoutOf, stringLiteral, type Layout } from './layout.js';
import type { Candidate } from './match.js';
import type { CodeUnit } from './parse.js';
import { objectParams, queryParams, queryPieces } from './request-params.js';
import { propertyName, skipOuter } from './resolve.js';

const NAMES: Record<string, RegExp> = {
  client_key: /^(tiktok_?)?(client_?key|app_?key)$/i,
  client_secret: /^(tiktok_?)?(client_?secret|app_?secret)$/i,
  redirect_uri: /^(tiktok_?)?(redirect_?ur[il]|callback_?ur[il])$/i,
  // (TIKTOK_CLIENT_KEY, tiktokClientSecret and the like match through the optional prefix)
};
const ENV: Record<string, RegExp> = {
  client_key: /CLIENT_?KEY/i,
  client_secret: /CLIENT_?SECRET/i,
  redirect_uri: /REDIRECT_?UR[IL]|CALLBACK_?UR[IL]/i,
};

export function knownValue(key: string, site: CallSite, all: Candidate[]): string | undefined {
  const unit = site.unit;
  const layout = layoutOf(unit);
  for (const c of all) {
    if (c.root.unit !== unit) continue;
    const fromQuery = c.rest.startsWith('?') ? queryParams(queryPieces(c.root.value.pieces, c.end), unit, layout) : null;
    const found = fromQuery?.find((p) => p.key === key)?.value;
    // A redirect URI with a query is not the registered one the token request must repeat (spec section 4): the
    // part before the query is (the state transform moves the rest into state).
    const value = key === 'redirect_uri' && found?.includes('?') ? withoutQuery(found) : found;
    if (value && inModuleScope(unit, value)) return value;
  }
  const fromObjects = objectValue(unit, key);
  if (fromObjects) return fromObjects;
  const literal = key === 'redirect_uri' ? onlyLiteral(all, layout) : undefined;
  if (literal) return literal;
  const byName = moduleConstant(unit, NAMES[key]);
  if (byName) return byName;
  const env = unit.sf.text.match(new RegExp(`process\\.env\\.(\\w*(?:${ENV[key]?.source ?? '$^'})\\w*)`, 'i'));
  return env ? `process.env.${env[1]}` : undefined;
}

/**
 * The redirect_uri the project's authorize URLs send, when they all send one and the same text written as a literal
 * (in another module: a literal means the same everywhere), without its query.
 */
function onlyLiteral(all: Candidate[], layout: Layout): string | undefined {
  const values = new Set<string>();
  for (const c of all) {
    if (c.endpoint !== 'authorize' || !c.rest.startsWith('?')) continue;
    const value = queryParams(queryPieces(c.root.value.pieces, c.end), c.root.unit, layoutOf(c.root.unit))?.find((p) => p.key === 'redirect_uri')?.value;
    if (!value) continue;
    const cut = value.includes('?') ? withoutQuery(value) : value;
    if (!cut || !/^(['"])[^'"\\]*\1$/.test(cut)) return undefined;
    values.add(cut.slice(1, -1));
  }
  return values.size === 1 ? stringLiteral([...values][0], layout) : undefined;
}

/** The value of `key` in an object literal that also holds client_key (another TikTok call's parameters). */
function objectValue(unit: CodeUnit, key: string): string | undefined {
  let found: string | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isObjectLiteralExpression(n) && n.properties.some((p) => p.name && propertyName(p.name) === 'client_key')) {
      const raw = objectParams(unit, n)?.find((p) => p.key === key)?.value;
      const value = key === 'redirect_uri' && raw?.includes('?') ? withoutQuery(raw) : raw;
      if (value && inModuleScope(unit, value)) found = value;
    }
    ts.forEachChild(n, visit);
  };
  visit(unit.sf);
  return found;
}

function moduleConstant(unit: CodeUnit, pattern: RegExp | undefined): string | undefined {
  if (!pattern) return undefined;
  for (const st of unit.sf.statements)
    if (ts.isVariableStatement(st))
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && pattern.test(d.name.text)) return d.name.text;
        if (ts.isObjectBindingPattern(d.name))
          for (const el of d.name.elements) if (ts.isIdentifier(el.name) && pattern.test(el.name.text)) return el.name.text;
      }
  return undefined;
}

/** The expression's first name is `process` or declared (or imported) at the top of the module. */
function inModuleScope(unit: CodeUnit, code: string): boolean {
  const root = /^[A-Za-z_$][\w$]*/.exec(code)?.[0];
  // A template is in scope when every name it interpolates is.
  if (!root && code.startsWith('`')) return [...code.matchAll(/\$\{\s*([A-Za-z_$][\w$]*)/g)].every((m) => inModuleScope(unit, m[1]));
  if (!root) return /^['"]/.test(code);
  if (root === 'process') return true;
  const binds = (name: ts.BindingName): boolean =>
    ts.isIdentifier(name) ? name.text === root : name.elements.some((e) => !ts.isOmittedExpression(e) && binds(e.name));
  return unit.sf.statements.some((st) => {
    if (ts.isVariableStatement(st)) return st.declarationList.declarations.some((d) => binds(d.name));
    if (ts.isImportDeclaration(st)) return st.importClause?.getText(unit.sf).includes(root) ?? false;
    return (ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name?.text === root;
  });
}

/** A redirect URI's code cut before its query: `'https://a/cb?x=1'` -> `'https://a/cb'`, `` `${B}/cb?x=${y}` `` ->
 * `` `${B}/cb` ``, `B + '/cb?x=' + y` -> `B + '/cb'`, `B + '?x=' + y` -> `B`. Undefined when the '?' is not in a literal. */
export function withoutQuery(code: string): string | undefined {
  const sf = ts.createSourceFile('value.ts', `(${code})`, ts.ScriptTarget.Latest, true);
  const st = sf.statements[0];
  if (!st || !ts.isExpressionStatement(st)) return undefined;
  const operands: ts.Expression[] = [];
  const flat = (e: ts.Expression): void => {
    const x = skipOuter(e);
    if (ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      flat(x.left);
      operands.push(x.right);
    } else operands.push(x);
  };
  flat(st.expression);
  for (let i = 0; i < operands.length; i++) {
    const op = skipOuter(operands[i]);
    const literals = ts.isStringLiteral(op) || ts.isNoSubstitutionTemplateLiteral(op) ? [op]
      : ts.isTemplateExpression(op) ? [op.head, ...op.templateSpans.map((s) => s.literal)] : [];
    for (const lit of literals) {
      const q = sf.text.indexOf('?', lit.getStart(sf));
      if (q < 0 || q >= lit.end) continue;
      const start = operands[0].getStart(sf);
      if (q === op.getStart(sf) + 1 && i > 0) return sf.text.slice(start, operands[i - 1].end);
      // `${REDIRECT_URI}` alone is the name (a form body turns it into text anyway).
      if (operands.length === 1 && ts.isTemplateExpression(op) && op.head.text === '' && lit === op.templateSpans[0].literal && q === lit.getStart(sf) + 1)
        return op.templateSpans[0].expression.getText(sf);
      return sf.text.slice(start, q) + sf.text[op.end - 1];
    }
  }
  return undefined;
}
