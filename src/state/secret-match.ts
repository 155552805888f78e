// Both ends of the flow must sign and check state with the same key. The callback's secret is accepted only when it is
// surely the authorize side's: the same code in the same file, the same declaration, or the same environment variable.
import { ts } from 'ts-morph';
import type { OAuthLookup } from '../rules/oauth-lookup.js';
import type { CodeUnit } from '../scan/parse.js';

/** The secret's code for the callback file, or undefined when it cannot be shown to be the authorize side's. */
export function sameSecret(lookup: OAuthLookup, authorize: CodeUnit, secret: string, callback: CodeUnit, candidate: string | undefined): string | undefined {
  if (callback.file === authorize.file) return secret;
  const a = identity(lookup, authorize, secret);
  if (candidate && identity(lookup, callback, candidate) === a) return candidate;
  // An environment variable reads the same anywhere on the server.
  return a.startsWith('env:') ? `process.env.${a.slice(4)}` : undefined;
}

/** What a secret's code stands for: env:NAME, or the declaration it resolves to. */
export function identity(lookup: OAuthLookup, unit: CodeUnit, code: string): string {
  const env = /^process\.env\.(\w+)$/.exec(code);
  if (env) return `env:${env[1]}`;
  let target = declared(unit, code) ?? used(lookup, unit, code);
  for (let i = 0; target && i < 4; i++) {
    const text = target.expr.getText(target.unit.sf).replace(/\s+/g, '');
    const m = /^process\.env\.(\w+)!?(?:\|\||\?\?|as\w|$)/.exec(text);
    if (m) return `env:${m[1]}`;
    if (!ts.isIdentifier(target.expr) && !ts.isPropertyAccessExpression(target.expr)) break;
    target = lookup.declaration(target.unit, target.expr);
  }
  return target ? `decl:${target.unit.file}:${target.expr.pos}` : `code:${unit.file}:${code}`;
}

/** `const NAME = …` at the top of the module: its value. */
function declared(unit: CodeUnit, code: string): { unit: CodeUnit; expr: ts.Expression } | undefined {
  for (const st of unit.sf.statements)
    if (ts.isVariableStatement(st))
      for (const d of st.declarationList.declarations)
        if (ts.isIdentifier(d.name) && d.name.text === code && d.initializer) return { unit, expr: d.initializer };
  return undefined;
}

/** A use of the name (or member chain) in the module, followed to its declaration (an import, a config object). */
function used(lookup: OAuthLookup, unit: CodeUnit, code: string): { unit: CodeUnit; expr: ts.Expression } | undefined {
  let found: ts.Expression | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if ((ts.isIdentifier(n) || ts.isPropertyAccessExpression(n)) && n.getText(unit.sf).replace(/\s+/g, '') === code && !isDeclName(n)) found = n;
    else ts.forEachChild(n, visit);
  };
  visit(unit.sf);
  return found ? lookup.declaration(unit, found) : undefined;
}

function isDeclName(n: ts.Node): boolean {
  const p = n.parent;
  return (ts.isVariableDeclaration(p) || ts.isBindingElement(p) || ts.isImportSpecifier(p)) && (p as { name?: ts.Node }).name === n;
}
