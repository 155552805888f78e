// Is it safe to cut the query off a redirect URI where it is declared? Only when every use of that declaration in
// the project sends it as redirect_uri: a constant also shown on a page or logged would change too.
import { ts } from 'ts-morph';
import { lastText, type OAuthLookup } from '../rules/oauth-lookup.js';
import type { CodeUnit } from '../scan/parse.js';

const REDIRECT_KEY = /^redirect_?ur[il]$/i;
/** Calls that only turn a value into (encoded) text: the value inside is what is sent. */
export const WRAPPERS = new Set(['encodeURIComponent', 'encodeURI', 'escape', 'String']);

export interface Use {
  unit: CodeUnit;
  node: ts.Expression;
}

/**
 * Every place in the parsed project that reads the declaration whose value is `expr` (a `const`, or a property of a
 * const object), found by name and confirmed by the resolver. A `let` counts as used everywhere (it may change), so
 * it returns a use that is not a redirect.
 */
export function usesOfDeclaration(lookup: OAuthLookup, unit: CodeUnit, expr: ts.Expression): Use[] {
  const owner = expr.parent;
  let name: string | undefined;
  if (ts.isVariableDeclaration(owner) && ts.isIdentifier(owner.name)) {
    if ((owner.parent.flags & ts.NodeFlags.Const) === 0) return [{ unit, node: owner.name }];
    name = owner.name.text;
  } else if (ts.isPropertyAssignment(owner) && (ts.isIdentifier(owner.name) || ts.isStringLiteral(owner.name))) {
    name = owner.name.text;
  }
  if (!name) return [{ unit, node: expr }];
  const resolver = lookup.resolver();
  const uses: Use[] = [];
  for (const u of lookup.scan.units) {
    if (!u.sf.text.includes(name)) continue;
    const visit = (n: ts.Node): void => {
      if (ts.isIdentifier(n) && n.text === name && !isDeclarationName(n) && !isExportOnly(n)) {
        const parent = n.parent;
        const member = ts.isPropertyAccessExpression(parent) && parent.name === n;
        let target;
        try {
          target = member ? resolver.valueTarget(u, parent) : resolver.identifier(u, n);
        } catch {
          target = undefined;
        }
        if (target && target.kind === 'expr' && target.expr === expr) uses.push({ unit: u, node: member ? parent : n });
      }
      ts.forEachChild(n, visit);
    };
    visit(u.sf);
  }
  return uses;
}

/** Sent as redirect_uri: `redirect_uri: X`, `{ redirect_uri }`, `.set('redirect_uri', X)`, `redirect_uri=${X}`, `'redirect_uri=' + X`. */
export function isRedirectUse(node: ts.Node): boolean {
  let n: ts.Node = node;
  for (;;) {
    const p = n.parent;
    if (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isNonNullExpression(p)) n = p;
    else if (ts.isCallExpression(p) && ts.isIdentifier(p.expression) && WRAPPERS.has(p.expression.text) && p.arguments[0] === n) n = p;
    else break;
  }
  const p = n.parent;
  if (ts.isPropertyAssignment(p)) return p.initializer === n && REDIRECT_KEY.test(keyText(p.name));
  if (ts.isShorthandPropertyAssignment(p)) return REDIRECT_KEY.test(p.name.text);
  if (ts.isCallExpression(p)) {
    const key = p.arguments[0];
    return p.arguments[1] === n && !!key && ts.isStringLiteralLike(key) && REDIRECT_KEY.test(key.text);
  }
  if (ts.isTemplateSpan(p)) {
    const tpl = p.parent;
    const i = tpl.templateSpans.indexOf(p);
    const before = i === 0 ? tpl.head.text : tpl.templateSpans[i - 1].literal.text;
    return /(?:^|[?&])redirect_ur[il]=$/i.test(before);
  }
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.PlusToken && p.right === n)
    return /(?:^|[?&])redirect_ur[il]=$/i.test(lastText(p.left) ?? '');
  return false;
}

function keyText(name: ts.PropertyName): string {
  return ts.isIdentifier(name) || ts.isStringLiteralLike(name) ? name.text : '';
}

function isDeclarationName(id: ts.Identifier): boolean {
  const p = id.parent;
  return (
    ((ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isBindingElement(p) || ts.isParameter(p) ||
      ts.isFunctionDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p)) && p.name === id) ||
    ts.isImportSpecifier(p) || ts.isImportClause(p) || ts.isExportSpecifier(p) || ts.isTypeQueryNode(p) ||
    (ts.isBindingElement(p) && p.propertyName === id)
  );
}

/** `module.exports = { X }` and `exports.X = X`: passing the value on, not a use of it. */
function isExportOnly(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isShorthandPropertyAssignment(p) || (ts.isPropertyAssignment(p) && p.initializer === id)) {
    const obj = p.parent;
    const assign = obj.parent;
    return ts.isBinaryExpression(assign) && assign.right === obj && /^(?:module\.)?exports$/.test(assign.left.getText());
  }
  if (ts.isBinaryExpression(p) && p.right === id && p.operatorToken.kind === ts.SyntaxKind.EqualsToken)
    return /^(?:module\.)?exports\.\w+$/.test(p.left.getText());
  return false;
}
