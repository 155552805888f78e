// What the library-config detectors share: which library a module imports, object-literal reading, the package a
// file belongs to (for the library's version), and findings placed at a node or at an offset of a non-code file.
import fs from 'node:fs';
import path from 'node:path';
import { ts } from 'ts-morph';
import type { Finding, Fix, Severity } from '../report/model.js';
import { placeFinding } from '../rules/reference-finding.js';
import type { CodeUnit } from '../scan/parse.js';
import { LineIndex } from '../scan/position.js';
import { propertyName, skipOuter } from '../scan/resolve.js';
import type { ScanResult } from '../scan/scan.js';

export const RULE_ID = 'library-config';

/** A detector: one library's configuration shapes in, findings out. */
export type Detector = (scan: ScanResult, cwd: string) => Finding[];

/** A name a module binds to another module: `imported` is 'default', '*' (namespace / CommonJS module) or a name. */
export interface ImportBinding {
  specifier: string;
  local: string;
  imported: string;
}

/** ES imports, `import x = require()`, and `const x = require('m')` / `const { a } = require('m')` / `require('m').a`. */
export function importBindings(sf: ts.SourceFile): ImportBinding[] {
  const out: ImportBinding[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const specifier = node.moduleSpecifier.text;
      const clause = node.importClause;
      if (clause?.name) out.push({ specifier, local: clause.name.text, imported: 'default' });
      const named = clause?.namedBindings;
      if (named && ts.isNamespaceImport(named)) out.push({ specifier, local: named.name.text, imported: '*' });
      if (named && ts.isNamedImports(named))
        for (const el of named.elements) out.push({ specifier, local: el.name.text, imported: (el.propertyName ?? el.name).text });
      if (!clause) out.push({ specifier, local: '', imported: '*' });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const e = node.moduleReference.expression;
      if (ts.isStringLiteral(e)) out.push({ specifier: e.text, local: node.name.text, imported: '*' });
    } else if (ts.isVariableDeclaration(node) && node.initializer) {
      const init = skipOuter(node.initializer);
      const direct = requireOf(init);
      const member = ts.isPropertyAccessExpression(init) ? requireOf(init.expression) : undefined;
      if (direct !== undefined && ts.isIdentifier(node.name)) out.push({ specifier: direct, local: node.name.text, imported: '*' });
      if (direct !== undefined && ts.isObjectBindingPattern(node.name))
        for (const el of node.name.elements)
          if (ts.isIdentifier(el.name)) {
            const from = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text;
            out.push({ specifier: direct, local: el.name.text, imported: from });
          }
      if (member !== undefined && ts.isIdentifier(node.name) && ts.isPropertyAccessExpression(init))
        out.push({ specifier: member, local: node.name.text, imported: init.name.text });
    } else if (ts.isCallExpression(node) && requireOf(node) !== undefined && !ts.isVariableDeclaration(node.parent)) {
      out.push({ specifier: requireOf(node)!, local: '', imported: '*' }); // require('grant').express() and the like
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function requireOf(e: ts.Expression): string | undefined {
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'require') {
    const arg = e.arguments[0];
    if (arg && ts.isStringLiteralLike(arg)) return arg.text;
  }
  return undefined;
}

/** The binding an expression (`X`, `X.Y`) stands for, as [binding, member read on it or undefined]. */
export function bindingOf(expr: ts.Expression, bindings: ImportBinding[]): { binding: ImportBinding; member?: string } | undefined {
  const e = skipOuter(expr);
  if (ts.isIdentifier(e)) {
    const binding = bindings.find((b) => b.local === e.text);
    return binding && { binding };
  }
  if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression)) {
    const name = e.expression.text;
    const binding = bindings.find((b) => b.local === name);
    return binding && { binding, member: e.name.text };
  }
  return undefined;
}

/** A property of an object literal (assignment, shorthand or method), by name. */
export function prop(obj: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralElementLike | undefined {
  return obj.properties.find((p) => p.name !== undefined && propertyName(p.name) === name);
}

/** The value of a property assignment (undefined for methods and shorthands). */
export function propValue(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  const p = prop(obj, name);
  return p && ts.isPropertyAssignment(p) ? skipOuter(p.initializer) : undefined;
}

/** The text of a string literal or a template without substitutions. */
export function stringOf(e: ts.Expression | undefined): string | undefined {
  return e && (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) ? e.text : undefined;
}

/** A property that is, or holds, a function (method, arrow, function expression). */
export function functionProp(obj: ts.ObjectLiteralExpression, name: string): ts.SignatureDeclaration | undefined {
  const p = prop(obj, name);
  if (p && ts.isMethodDeclaration(p)) return p;
  const v = p && ts.isPropertyAssignment(p) ? skipOuter(p.initializer) : undefined;
  return v && (ts.isArrowFunction(v) || ts.isFunctionExpression(v)) ? v : undefined;
}

export function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}

/** A finding at a node of a parsed unit. */
export function nodeFinding(unit: CodeUnit, node: ts.Node, cwd: string, severity: Severity, fix: Fix, message: string, manualStep?: string): Finding {
  const { line, column } = unit.lines.position(unit.offset + node.getStart(unit.sf));
  return placeFinding(unit.file, line, column, cwd, RULE_ID, severity, fix, message, manualStep);
}

/** A finding at an offset of a file's text (JSON configs). */
export function textFinding(file: string, text: string, offset: number, cwd: string, severity: Severity, fix: Fix, message: string, manualStep?: string): Finding {
  const { line, column } = new LineIndex(text).position(offset);
  return placeFinding(file, line, column, cwd, RULE_ID, severity, fix, message, manualStep);
}

type Manifest = { dir: string; deps: Record<string, string>; lockFile?: string };
const packages = new Map<string, Manifest | null>();
const locks = new Map<string, Record<string, { version?: string }> | undefined>();

/** Forget the package.json files read by an earlier run (a long-lived process may run the audit again). */
export function forgetPackages(): void {
  packages.clear();
  locks.clear();
}

/** The nearest package.json above a file: its dependencies (all kinds) and where its package-lock.json is, cached. */
export function nearestPackage(file: string): Manifest | null {
  const dir = path.dirname(file);
  if (packages.has(dir)) return packages.get(dir)!;
  let found: Manifest | null = null;
  const manifest = path.join(dir, 'package.json');
  if (fs.existsSync(manifest)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as Record<string, Record<string, string> | undefined>;
      const lockFile = path.join(dir, 'package-lock.json');
      found = { dir, deps: { ...pkg.peerDependencies, ...pkg.devDependencies, ...pkg.dependencies }, lockFile: fs.existsSync(lockFile) ? lockFile : undefined };
    } catch {
      found = null;
    }
  } else if (path.dirname(dir) !== dir) found = nearestPackage(dir);
  packages.set(dir, found);
  return found;
}

/** The package-lock.json packages of a package, read only when a version is asked for (lockfiles can be large). */
function lockOf(pkg: Manifest | null): Record<string, { version?: string }> | undefined {
  if (!pkg?.lockFile) return undefined;
  if (!locks.has(pkg.lockFile)) {
    try {
      locks.set(pkg.lockFile, (JSON.parse(fs.readFileSync(pkg.lockFile, 'utf8')) as { packages?: Record<string, { version?: string }> }).packages);
    } catch {
      locks.set(pkg.lockFile, undefined);
    }
  }
  return locks.get(pkg.lockFile);
}

/** The version of `name` a file's package gets: the lockfile's, else an exact pin in package.json; undefined if unknown. */
export function pinnedVersion(file: string, name: string): string | undefined {
  const pkg = nearestPackage(file);
  const locked = lockOf(pkg)?.[`node_modules/${name}`]?.version;
  if (locked) return locked;
  const spec = pkg?.deps[name]?.trim();
  return spec && /^=?v?\d+\.\d+\.\d+$/.test(spec) ? spec.replace(/^=?v?/, '') : undefined;
}

/** a < b for x.y.z versions (pre-release tags ignored). */
export function versionBelow(a: string, b: string): boolean {
  const pa = a.split(/[.-]/).map(Number);
  const pb = b.split(/[.-]/).map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] || 0) !== (pb[i] || 0)) return (pa[i] || 0) < (pb[i] || 0);
  return false;
}

/** Token-response fields that v1 wrapped in `data` and v2 returns at the top level (spec section 3). */
export const TOKEN_FIELDS = new Set(['access_token', 'refresh_token', 'expires_in', 'refresh_expires_in', 'open_id', 'scope', 'error_code', 'description', 'captcha', 'desc_url', 'log_id']);

/** Reads of the v1 token wrapper inside `fn`: `x.data.access_token`, `const { open_id } = x.data`, where isBase(x). */
export function v1WrapperReads(fn: ts.Node, isBase: (e: ts.Expression) => boolean): ts.Node[] {
  const out: ts.Node[] = [];
  const isData = (e: ts.Expression): boolean => ts.isPropertyAccessExpression(e) && e.name.text === 'data' && isBase(skipOuter(e.expression));
  walk(fn, (n) => {
    if (ts.isPropertyAccessExpression(n) && TOKEN_FIELDS.has(n.name.text) && isData(n.expression)) out.push(n);
    if (ts.isVariableDeclaration(n) && ts.isObjectBindingPattern(n.name) && n.initializer && isData(skipOuter(n.initializer)) &&
      n.name.elements.some((el) => TOKEN_FIELDS.has((el.propertyName ?? el.name).getText())))
      out.push(n);
  });
  return out;
}

/** True for `name` (an identifier). */
export const named = (name: string) => (e: ts.Expression): boolean => ts.isIdentifier(e) && e.text === name;

/** True for `JSON.parse(…)` and for names declared in `scope` as `= JSON.parse(…)`: a body read by hand. */
export function parsedJson(scope: ts.Node): (e: ts.Expression) => boolean {
  const names = new Set<string>();
  const isParse = (e: ts.Expression) => ts.isCallExpression(e) && e.expression.getText() === 'JSON.parse';
  walk(scope, (n) => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && isParse(skipOuter(n.initializer))) names.add(n.name.text);
  });
  return (e) => isParse(e) || (ts.isIdentifier(e) && names.has(e.text));
}
