// Name resolution across the parsed files: scopes, imports, exports (ES and CommonJS), object and class members.
// Our own small resolver instead of the type checker: it needs no dependency resolution and costs one walk.
import { ts } from 'ts-morph';
import { resolveImport } from '../discover.js';
import type { CodeUnit } from './parse.js';

/** What a name or member stands for. `expr` is an expression in `unit` whose value the evaluator can read. */
export type Target =
  | { kind: 'expr'; unit: CodeUnit; expr: ts.Expression; decl?: ts.Node }
  | { kind: 'let'; unit: CodeUnit; decl: ts.VariableDeclaration }
  | { kind: 'module'; units: CodeUnit[] }
  | { kind: 'class'; unit: CodeUnit; node: ts.ClassLikeDeclaration; instance: boolean };

export class Resolver {
  private readonly byFile = new Map<string, CodeUnit[]>();
  private readonly known: Set<string>;

  constructor(units: CodeUnit[]) {
    for (const u of units) {
      const list = this.byFile.get(u.file) ?? [];
      list.push(u);
      this.byFile.set(u.file, list);
    }
    this.known = new Set(this.byFile.keys());
  }

  /** The declaration an identifier refers to, following imports into other parsed files. */
  identifier(unit: CodeUnit, id: ts.Identifier): Target | undefined {
    const name = id.text;
    for (let node: ts.Node | undefined = id.parent; node; node = node.parent) {
      if (isFunctionLike(node) && node.parameters.some((p) => bindsName(p.name, name))) return undefined;
      if (ts.isClassLike(node) && node.name?.text === name) return { kind: 'class', unit, node, instance: false };
      const statements = scopeStatements(node);
      if (!statements) continue;
      for (const st of statements) {
        const found = this.fromStatement(unit, st, name);
        if (found !== null) return found;
      }
    }
    return undefined;
  }

  /** null = this statement does not declare `name`; undefined = declares it, value unknown. */
  private fromStatement(unit: CodeUnit, st: ts.Statement, name: string): Target | undefined | null {
    if (ts.isVariableStatement(st)) {
      for (const decl of st.declarationList.declarations) {
        if (ts.isIdentifier(decl.name) && decl.name.text === name) return this.fromDeclaration(unit, decl);
        if (ts.isObjectBindingPattern(decl.name) && decl.initializer) {
          const el = decl.name.elements.find((e) => ts.isIdentifier(e.name) && e.name.text === name);
          if (el) {
            const prop = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : name;
            const source = this.valueTarget(unit, decl.initializer);
            return source ? this.member(source, prop) : undefined;
          }
        }
      }
      return null;
    }
    if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name?.text === name)
      return ts.isClassDeclaration(st) ? { kind: 'class', unit, node: st, instance: false } : undefined;
    if (ts.isImportDeclaration(st) && st.importClause && ts.isStringLiteral(st.moduleSpecifier)) {
      const clause = st.importClause;
      const spec = st.moduleSpecifier.text;
      if (clause.name?.text === name) return this.exported(this.module(unit, spec), 'default');
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings) && bindings.name.text === name) return this.module(unit, spec);
      if (bindings && ts.isNamedImports(bindings)) {
        const el = bindings.elements.find((e) => e.name.text === name);
        if (el) return this.exported(this.module(unit, spec), (el.propertyName ?? el.name).text);
      }
    }
    return null;
  }

  private fromDeclaration(unit: CodeUnit, decl: ts.VariableDeclaration): Target | undefined {
    const init = decl.initializer;
    if (!init) return undefined;
    const required = requireSpecifier(init);
    if (required !== undefined) return this.module(unit, required);
    const isConst = (decl.parent.flags & ts.NodeFlags.Const) !== 0;
    return isConst ? { kind: 'expr', unit, expr: init, decl } : { kind: 'let', unit, decl };
  }

  /** A parsed module by specifier, or undefined when it is not one of ours. */
  module(from: CodeUnit, specifier: string): Target | undefined {
    const file = resolveImport(from.file, specifier, this.known);
    const units = file ? this.byFile.get(file) : undefined;
    return units ? { kind: 'module', units } : undefined;
  }

  /** An export of a module (ES or CommonJS), following re-exports. */
  exported(mod: Target | undefined, name: string, depth = 0): Target | undefined {
    if (!mod || mod.kind !== 'module' || depth > 8) return undefined;
    for (const unit of mod.units) {
      for (const st of unit.sf.statements) {
        const found = this.exportFromStatement(unit, st, name, depth);
        if (found !== null) return found;
      }
    }
    if (name === 'default') return mod; // CommonJS interop: the whole module object
    return undefined;
  }

  private exportFromStatement(unit: CodeUnit, st: ts.Statement, name: string, depth: number): Target | undefined | null {
    const exported = ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    const isDefault = ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
    if (exported && ts.isVariableStatement(st)) return this.fromStatement(unit, st, name);
    if (exported && (ts.isClassDeclaration(st) || ts.isFunctionDeclaration(st))) {
      if ((isDefault && name === 'default') || st.name?.text === name) return this.fromStatement(unit, st, st.name?.text ?? '');
      return null;
    }
    if (ts.isExportAssignment(st) && name === 'default') return this.valueTarget(unit, st.expression);
    if (ts.isExportDeclaration(st)) {
      const from = st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? st.moduleSpecifier.text : undefined;
      if (!st.exportClause) {
        if (!from || name === 'default') return null;
        const found = this.exported(this.module(unit, from), name, depth + 1);
        return found ?? null;
      }
      if (ts.isNamedExports(st.exportClause)) {
        const el = st.exportClause.elements.find((e) => e.name.text === name);
        if (!el) return null;
        const local = (el.propertyName ?? el.name).text;
        if (from) return this.exported(this.module(unit, from), local, depth + 1);
        return this.topLevel(unit, local);
      }
      return null;
    }
    return this.commonJsExport(unit, st, name);
  }

  /** module.exports = {...} / module.exports.X = ... / exports.X = ... */
  private commonJsExport(unit: CodeUnit, st: ts.Statement, name: string): Target | undefined | null {
    if (!ts.isExpressionStatement(st) || !ts.isBinaryExpression(st.expression)) return null;
    const { left, right, operatorToken } = st.expression;
    if (operatorToken.kind !== ts.SyntaxKind.EqualsToken) return null;
    const text = left.getText(unit.sf);
    if (text === 'module.exports') {
      const whole = this.valueTarget(unit, right);
      return whole ? (this.member(whole, name) ?? null) : null;
    }
    if (text === `module.exports.${name}` || text === `exports.${name}`) return this.valueTarget(unit, right);
    return null;
  }

  private topLevel(unit: CodeUnit, name: string): Target | undefined {
    for (const st of unit.sf.statements) {
      const found = this.fromStatement(unit, st, name);
      if (found !== null) return found;
    }
    return undefined;
  }

  /** What an expression stands for, when it names something (object, module, class) rather than a string. */
  valueTarget(unit: CodeUnit, expr: ts.Expression): Target | undefined {
    const e = skipOuter(expr);
    const required = requireSpecifier(e);
    if (required !== undefined) return this.module(unit, required);
    if (ts.isIdentifier(e)) return this.identifier(unit, e);
    if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
      const name = memberName(e);
      const owner = name === undefined ? undefined : this.valueTarget(unit, e.expression);
      return owner && name !== undefined ? this.member(owner, name) : undefined;
    }
    if (e.kind === ts.SyntaxKind.ThisKeyword) {
      const cls = enclosingClass(e);
      return cls ? { kind: 'class', unit, node: cls.node, instance: !cls.isStatic } : undefined;
    }
    if (ts.isCallExpression(e) && e.getText(unit.sf).startsWith('Object.freeze(') && e.arguments[0])
      return this.valueTarget(unit, e.arguments[0]);
    return { kind: 'expr', unit, expr: e };
  }

  /** A member of an object literal, module or class. */
  member(owner: Target, name: string): Target | undefined {
    if (owner.kind === 'module') return this.exported(owner, name);
    if (owner.kind === 'class') return classMember(owner, name);
    if (owner.kind === 'let') return undefined;
    const obj = skipOuter(owner.expr);
    if (ts.isIdentifier(obj) || ts.isPropertyAccessExpression(obj)) {
      const inner = this.valueTarget(owner.unit, obj);
      return inner && !(inner.kind === 'expr' && inner.expr === obj) ? this.member(inner, name) : undefined;
    }
    if (ts.isCallExpression(obj)) {
      const inner = this.valueTarget(owner.unit, obj);
      return inner && !(inner.kind === 'expr' && inner.expr === obj) ? this.member(inner, name) : undefined;
    }
    if (!ts.isObjectLiteralExpression(obj)) return undefined;
    for (const prop of obj.properties) {
      if (ts.isPropertyAssignment(prop) && propertyName(prop.name) === name)
        return { kind: 'expr', unit: owner.unit, expr: prop.initializer, decl: prop };
      if (ts.isShorthandPropertyAssignment(prop) && prop.name.text === name)
        return this.identifier(owner.unit, prop.name);
    }
    return undefined;
  }
}

function classMember(owner: Extract<Target, { kind: 'class' }>, name: string): Target | undefined {
  for (const m of owner.node.members) {
    const isStatic = ts.canHaveModifiers(m) && !!ts.getModifiers(m)?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword);
    if (ts.isPropertyDeclaration(m) && m.name && propertyName(m.name) === name && isStatic !== owner.instance && m.initializer)
      return { kind: 'expr', unit: owner.unit, expr: m.initializer, decl: m };
    if (owner.instance && ts.isConstructorDeclaration(m) && m.body) {
      for (const st of m.body.statements) {
        if (!ts.isExpressionStatement(st) || !ts.isBinaryExpression(st.expression)) continue;
        const { left, right, operatorToken } = st.expression;
        if (operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(left) &&
          left.expression.kind === ts.SyntaxKind.ThisKeyword && left.name.text === name)
          return { kind: 'expr', unit: owner.unit, expr: right, decl: st };
      }
    }
  }
  return undefined;
}

export function skipOuter(e: ts.Expression): ts.Expression {
  while (
    ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) ||
    ts.isSatisfiesExpression(e) || ts.isTypeAssertionExpression(e)
  )
    e = e.expression;
  return e;
}

export function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name))
    return name.text.replace(/^#/, '');
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

export function memberName(e: ts.PropertyAccessExpression | ts.ElementAccessExpression): string | undefined {
  if (ts.isPropertyAccessExpression(e)) return e.name.text.replace(/^#/, '');
  return ts.isStringLiteralLike(e.argumentExpression) ? e.argumentExpression.text : undefined;
}

function requireSpecifier(init: ts.Expression): string | undefined {
  const e = skipOuter(init);
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'require') {
    const arg = e.arguments[0];
    if (arg && ts.isStringLiteralLike(arg)) return arg.text;
  }
  return undefined;
}

function scopeStatements(node: ts.Node): readonly ts.Statement[] | undefined {
  if (ts.isSourceFile(node) || ts.isBlock(node) || ts.isModuleBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node))
    return node.statements;
  return undefined;
}

function isFunctionLike(node: ts.Node): node is ts.SignatureDeclaration & { parameters: ts.NodeArray<ts.ParameterDeclaration> } {
  return ts.isFunctionLike(node);
}

function bindsName(name: ts.BindingName, wanted: string): boolean {
  if (ts.isIdentifier(name)) return name.text === wanted;
  return name.elements.some((el) => !ts.isOmittedExpression(el) && bindsName(el.name, wanted));
}

function enclosingClass(node: ts.Node): { node: ts.ClassLikeDeclaration; isStatic: boolean } | undefined {
  let isStatic = false;
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isClassLike(n)) return { node: n, isStatic };
    if ((ts.isPropertyDeclaration(n) || ts.isMethodDeclaration(n)) && ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword))
      isStatic = true;
    if (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n)) return undefined; // `this` is not the class here
  }
  return undefined;
}
