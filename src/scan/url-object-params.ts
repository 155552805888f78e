// `const url = new URL('https://www.tiktok.com/v2/auth/authorize/')` followed by `url.searchParams.set('key', value)`
// (or append) in the same block: the parameters that URL is sent with, as the other URL forms give them.
import { ts } from 'ts-morph';
import type { CodeUnit } from './parse.js';
import { codeOf, type Param } from './request-params.js';
import { skipOuter } from './resolve.js';

export function searchParamsSet(unit: CodeUnit, root: ts.Node): (Param & { static?: string })[] {
  // The root is the `new URL(…)` itself, or the string given to it.
  let n: ts.Node = root;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const created = ts.isNewExpression(n) ? n : n.parent;
  if (!ts.isNewExpression(created) || !ts.isIdentifier(created.expression) || created.expression.text !== 'URL') return [];
  if (created !== n && created.arguments?.[0] !== n) return [];
  const decl = created.parent;
  if (!ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name) || decl.initializer !== created) return [];
  const name = decl.name.text;
  const scope = decl.parent.parent.parent; // the block (or file) holding the declaration
  const out: (Param & { static?: string })[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ['set', 'append'].includes(node.expression.name.text)) {
      const owner = node.expression.expression;
      const [key, value] = node.arguments;
      if (ts.isPropertyAccessExpression(owner) && owner.name.text === 'searchParams' && ts.isIdentifier(owner.expression) &&
        owner.expression.text === name && key && ts.isStringLiteralLike(key) && value && node.arguments.length === 2) {
        const v = skipOuter(value);
        out.push({ key: key.text, value: codeOf(unit, value), ...(ts.isStringLiteralLike(v) ? { static: v.text } : {}) });
      }
    }
    if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
  };
  ts.forEachChild(scope, visit);
  return out;
}
