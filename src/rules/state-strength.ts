// How a `state` value is made, read from its code and its declarations: strong (a CSPRNG), weak (Math.random(),
// Date.now(), new Date(), uuid v1, a constant) or unknown (a value from elsewhere: a session, a parameter, a call the
// tool cannot see into). Only "weak" is reported, and only when nothing in the value is unknown or strong.
import { ts } from 'ts-morph';
import type { CodeUnit } from '../scan/parse.js';
import { skipOuter } from '../scan/resolve.js';
import { envName, type OAuthLookup, type Via } from './oauth-lookup.js';

export interface Strength {
  strong: boolean;
  unknown: boolean;
  /** What makes it guessable: "Math.random()", "Date.now()", "new Date()", "uuid v1". */
  weak: string[];
  /** It is a literal (or only literals). */
  constant: boolean;
  /** The names followed to the value. */
  via: Via[];
}

/** Calls that draw from a cryptographic random source (by the name called, last segment). */
const STRONG_CALLS = /(?:^|\.)(?:randomBytes|randomUUID|getRandomValues|randomFillSync|randomFill|randomInt|nanoid|customAlphabet|generateState|generateCodeVerifier|generateRandomString|uuidv4|uuidV4|cuid2?|createId|ulid)$|^generators\.state$/;
/** Methods and functions that only reshape their input (the strength is that of the input). */
const TRANSPARENT_METHODS = new Set([
  'toString', 'substring', 'substr', 'slice', 'replace', 'replaceAll', 'padStart', 'padEnd', 'toUpperCase', 'toLowerCase', 'trim',
  'split', 'join', 'concat', 'getTime', 'valueOf', 'toISOString', 'toJSON', 'toFixed', 'repeat', 'at', 'charAt',
]);
const TRANSPARENT_CALLS = new Set([
  'String', 'Number', 'parseInt', 'parseFloat', 'Math.floor', 'Math.round', 'Math.ceil', 'Math.trunc', 'Math.abs', 'btoa',
  'encodeURIComponent', 'encodeURI', 'JSON.stringify', 'Buffer.from',
]);
const MAX_DEPTH = 6;

export function stateStrength(lookup: OAuthLookup, unit: CodeUnit, node: ts.Expression): Strength {
  const s: Strength = { strong: false, unknown: false, weak: [], constant: true, via: [] };
  const uuid = uuidBindings(unit.sf);
  const visit = (u: CodeUnit, n: ts.Node, depth: number, v1: Set<string>): void => {
    if (depth > MAX_DEPTH) {
      s.unknown = true;
      return;
    }
    const e = ts.isExpression(n) ? skipOuter(n) : n;
    if (ts.isStringLiteralLike(e) || ts.isNumericLiteral(e) || e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword) return;
    if (ts.isTemplateExpression(e)) return e.templateSpans.forEach((span) => visit(u, span.expression, depth, v1));
    if (ts.isBinaryExpression(e) || ts.isConditionalExpression(e) || ts.isObjectLiteralExpression(e) || ts.isArrayLiteralExpression(e) ||
      ts.isPropertyAssignment(e) || ts.isShorthandPropertyAssignment(e) || ts.isSpreadElement(e) || ts.isSpreadAssignment(e) || ts.isPrefixUnaryExpression(e)) {
      if (ts.isShorthandPropertyAssignment(e)) return visit(u, e.name, depth, v1);
      return ts.forEachChild(e, (c) => visit(u, c, depth, v1));
    }
    if (ts.isCallExpression(e)) {
      s.constant = false;
      const callee = skipOuter(e.expression);
      const name = callee.getText(u.sf).replace(/\s/g, '');
      if (name === 'Math.random') return void s.weak.push('Math.random()');
      if (name === 'Date.now' || name === 'performance.now') return void s.weak.push(`${name}()`);
      if (isUuidV1(callee, name, v1, uuid.namespaces)) return void s.weak.push('uuid v1 (time-based)');
      if (STRONG_CALLS.test(name) || isUuidV4(callee, name, uuid)) {
        s.strong = true;
        return;
      }
      if (TRANSPARENT_CALLS.has(name)) return e.arguments.forEach((a) => visit(u, a, depth, v1));
      if (ts.isPropertyAccessExpression(callee) && TRANSPARENT_METHODS.has(callee.name.text)) {
        visit(u, callee.expression, depth, v1);
        return e.arguments.forEach((a) => visit(u, a, depth, v1));
      }
      const fn = lookup.functionNamed(u, callee);
      if (fn && fn.fn.body) {
        s.via.push({ name: `${name}()`, ...lookup.position(fn.unit, fn.fn) });
        const inner = fn.unit === u ? v1 : uuidBindings(fn.unit.sf).v1;
        return returnsOf(fn.fn).forEach((r) => visit(fn.unit, r, depth + 1, inner));
      }
      s.unknown = true;
      return;
    }
    if (ts.isNewExpression(e)) {
      s.constant = false;
      if (ts.isIdentifier(e.expression) && e.expression.text === 'Date') return void s.weak.push('new Date()');
      s.unknown = true;
      return;
    }
    if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
      if (ts.isExpression(e) && envName(e)) return; // a configured value: a constant
      const target = ts.isExpression(e) ? lookup.declaration(u, e) : undefined;
      if (!target) {
        s.constant = false;
        s.unknown = true;
        return;
      }
      s.via.push({ name: e.getText(u.sf), ...lookup.position(target.unit, target.expr) });
      return visit(target.unit, target.expr, depth + 1, target.unit === u ? v1 : uuidBindings(target.unit.sf).v1);
    }
    s.constant = false;
    s.unknown = true;
  };
  visit(unit, node, 0, uuid.v1);
  s.weak = [...new Set(s.weak)];
  return s;
}

/** The reason a state is guessable, or undefined (strong, unknown, or partly unknown). */
export function weakness(s: Strength): string | undefined {
  if (s.strong || s.unknown) return undefined;
  if (s.weak.length > 0) return s.weak.join(' and ');
  return s.constant ? 'a constant' : undefined;
}

function returnsOf(fn: ts.FunctionLikeDeclaration): ts.Expression[] {
  if (!fn.body) return [];
  if (!ts.isBlock(fn.body)) return [fn.body];
  const out: ts.Expression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isReturnStatement(n) && n.expression) out.push(n.expression);
    if (!ts.isFunctionLike(n)) ts.forEachChild(n, visit);
  };
  ts.forEachChild(fn.body, visit);
  return out;
}

/** Local names bound to uuid's v1 and v4, and namespace names of the uuid module, in one file. */
function uuidBindings(sf: ts.SourceFile): { v1: Set<string>; v4: Set<string>; namespaces: Set<string> } {
  const out = { v1: new Set<string>(), v4: new Set<string>(), namespaces: new Set<string>() };
  if (!/uuid/.test(sf.text)) return out;
  const bind = (imported: string, local: string) => {
    if (imported === 'v1') out.v1.add(local);
    if (imported === 'v4') out.v4.add(local);
  };
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier) && /^uuid(?:\/|$)/.test(n.moduleSpecifier.text)) {
      const clause = n.importClause;
      const sub = /^uuid\/(v[14])$/.exec(n.moduleSpecifier.text)?.[1];
      if (clause?.name) (sub ? bind(sub, clause.name.text) : out.namespaces.add(clause.name.text));
      const b = clause?.namedBindings;
      if (b && ts.isNamespaceImport(b)) out.namespaces.add(b.name.text);
      if (b && ts.isNamedImports(b)) b.elements.forEach((el) => bind((el.propertyName ?? el.name).text, el.name.text));
    }
    if (ts.isVariableDeclaration(n) && n.initializer) {
      const init = skipOuter(n.initializer);
      const spec = ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require' && init.arguments[0] &&
        ts.isStringLiteral(init.arguments[0]) ? init.arguments[0].text : undefined;
      if (spec && /^uuid(?:\/|$)/.test(spec)) {
        const sub = /^uuid\/(v[14])$/.exec(spec)?.[1];
        if (ts.isIdentifier(n.name)) (sub ? bind(sub, n.name.text) : out.namespaces.add(n.name.text));
        if (ts.isObjectBindingPattern(n.name))
          for (const el of n.name.elements)
            if (ts.isIdentifier(el.name)) bind(el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text, el.name.text);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

function isUuidV1(callee: ts.Expression, name: string, v1: Set<string>, namespaces: Set<string>): boolean {
  if (ts.isIdentifier(callee)) return v1.has(callee.text) || /^uuid_?v1$/i.test(callee.text);
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'v1') {
    const owner = callee.expression.getText().replace(/\s/g, '');
    return namespaces.has(owner) || owner === "require('uuid')" || owner === 'require("uuid")' || /^uuid$/i.test(owner);
  }
  return name === "require('uuid').v1";
}

function isUuidV4(callee: ts.Expression, _name: string, uuid: { v4: Set<string>; namespaces: Set<string> }): boolean {
  if (ts.isIdentifier(callee)) return uuid.v4.has(callee.text);
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'v4';
}
