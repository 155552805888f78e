// The TypeScript checker over the files of ONE module group that mixes v1 and v2 token endpoints (mixed-token-use):
// symbols for names across modules (ES imports, CommonJS require/exports, re-exports, default exports, class
// members), so a token's value can be followed from where it is obtained to where it is used. The scan's parsed
// files are reused and imports resolve as the scan resolves them (resolveImport, tsconfig paths included); no lib
// files, no node_modules: a program over a few files costs tens of milliseconds, and only mixed groups pay it.
import path from 'node:path';
import { ts } from 'ts-morph';
import { resolveImport } from '../resolve-import.js';
import type { CodeUnit } from '../scan/parse.js';
import { skipOuter } from '../scan/resolve.js';
import { enclosingFunctionOf, isDeclarationName, isExportsTarget, isMemberName, ownNames } from './token-flow-nodes.js';

export type FunctionNode = ts.FunctionLikeDeclaration;
export type CallLike = ts.CallExpression | ts.NewExpression;

const EXTENSIONS: Record<string, ts.Extension> = {
  '.ts': ts.Extension.Ts, '.tsx': ts.Extension.Tsx, '.js': ts.Extension.Js, '.jsx': ts.Extension.Jsx,
  '.mjs': ts.Extension.Mjs, '.cjs': ts.Extension.Cjs, '.mts': ts.Extension.Mts, '.cts': ts.Extension.Cts,
};

export class FlowProgram {
  readonly checker: ts.TypeChecker;
  private readonly units = new Map<string, CodeUnit>();
  private readonly ids = new Map<ts.Node, number>();
  private byName?: Map<string, ts.Identifier[]>;
  private aliasNames?: Map<ts.Node, Set<string>>;
  private fnNames?: Set<string>;
  private readonly refs = new Map<ts.Node, ts.Identifier[]>();

  /** `units`: the parsed files of the group (a file with several <script> blocks is left out: one unit per file). */
  constructor(units: CodeUnit[]) {
    const count = new Map<string, number>();
    for (const u of units) count.set(u.file, (count.get(u.file) ?? 0) + 1);
    for (const u of units) if (count.get(u.file) === 1 && path.extname(u.file).toLowerCase() in EXTENSIONS) this.units.set(u.file, u);
    const known = new Set(this.units.keys());
    const host: ts.CompilerHost = {
      getSourceFile: (f) => this.units.get(f)?.sf,
      getDefaultLibFileName: () => '/__no_lib__.d.ts',
      writeFile: () => undefined,
      getCurrentDirectory: () => '/',
      getCanonicalFileName: (f) => f,
      useCaseSensitiveFileNames: () => true,
      getNewLine: () => '\n',
      fileExists: (f) => known.has(f),
      readFile: () => undefined,
      resolveModuleNameLiterals: (literals, containing) =>
        literals.map((lit) => {
          const found = resolveImport(containing, lit.text, known);
          return {
            resolvedModule: found
              ? { resolvedFileName: found, extension: EXTENSIONS[path.extname(found).toLowerCase()], isExternalLibraryImport: false }
              : undefined,
          };
        }),
    };
    const options: ts.CompilerOptions = {
      allowJs: true, checkJs: false, noLib: true, noEmit: true, types: [], target: ts.ScriptTarget.Latest,
      module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, jsx: ts.JsxEmit.Preserve,
    };
    this.checker = ts.createProgram({ rootNames: [...known], options, host }).getTypeChecker();
  }

  sourceFiles(): ts.SourceFile[] {
    return [...this.units.values()].map((u) => u.sf);
  }

  has(file: string): boolean {
    return this.units.has(file);
  }

  /** The innermost node at a file offset (as the scan counts offsets: a BOM shifts them by one). */
  nodeAt(file: string, offset: number): ts.Node | undefined {
    const unit = this.units.get(file);
    if (!unit) return undefined;
    const pos = offset - unit.offset;
    let found: ts.Node | undefined;
    const visit = (n: ts.Node): void => {
      if (pos < n.getStart(unit.sf) || pos >= n.end) return;
      found = n;
      ts.forEachChild(n, visit);
    };
    ts.forEachChild(unit.sf, visit);
    return found;
  }

  /** "src/a.js:12"-style position parts of a node. */
  where(node: ts.Node): { file: string; line: number } {
    const sf = node.getSourceFile();
    const unit = this.units.get(sf.fileName)!;
    return { file: unit.file, line: unit.lines.position(unit.offset + node.getStart(sf)).line };
  }

  id(node: ts.Node): number {
    let id = this.ids.get(node);
    if (id === undefined) this.ids.set(node, (id = this.ids.size + 1));
    return id;
  }

  /** The declaration a name stands for, through imports, require(), re-exports and `module.exports`; ours only. */
  declOf(id: ts.Identifier): ts.Node | undefined {
    let symbol: ts.Symbol | undefined;
    try {
      symbol = ts.isShorthandPropertyAssignment(id.parent) && id.parent.name === id
        ? this.checker.getShorthandAssignmentValueSymbol(id.parent)
        : this.checker.getSymbolAtLocation(id);
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    } catch {
      return undefined;
    }
    const decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    return decl ? this.canonical(decl, 0) : undefined;
  }

  private canonical(decl: ts.Node, depth: number): ts.Node | undefined {
    if (!this.units.has(decl.getSourceFile().fileName) || depth > 4) return undefined;
    if (ts.isSourceFile(decl)) return decl;
    if (ts.isBinaryExpression(decl) && isExportsTarget(decl.left)) return this.valueDecl(decl.right, decl, depth); // module.exports = X
    if (ts.isPropertyAccessExpression(decl) && ts.isBinaryExpression(decl.parent) && decl.parent.left === decl && isExportsTarget(decl))
      return this.valueDecl(decl.parent.right, decl, depth); // exports.f = X
    if (ts.isShorthandPropertyAssignment(decl)) {
      const value = this.checker.getShorthandAssignmentValueSymbol(decl);
      const d = value?.valueDeclaration ?? value?.declarations?.[0];
      return d ? this.canonical(d, depth + 1) : decl;
    }
    if (ts.isPropertyAssignment(decl) || ts.isVariableDeclaration(decl)) {
      const init = decl.initializer && skipOuter(decl.initializer);
      if (init && (ts.isFunctionExpression(init) || ts.isArrowFunction(init) || ts.isClassExpression(init))) return init;
      if (init && ts.isIdentifier(init) && ts.isPropertyAssignment(decl)) return this.declOf(init) ?? decl;
    }
    return decl;
  }

  private valueDecl(value: ts.Expression, holder: ts.Node, depth: number): ts.Node | undefined {
    const v = skipOuter(value);
    if (ts.isFunctionExpression(v) || ts.isArrowFunction(v) || ts.isClassExpression(v) || ts.isObjectLiteralExpression(v)) return v;
    if (ts.isIdentifier(v)) {
      const d = this.declOf(v);
      return d && depth < 4 ? d : holder;
    }
    return holder;
  }

  /** Every use of a declaration's name in the group (its own name, and the names it is imported under). */
  references(decl: ts.Node): ts.Identifier[] {
    const cached = this.refs.get(decl);
    if (cached) return cached;
    const names = new Set([...ownNames(decl), ...(this.aliases().get(decl) ?? [])]);
    // A local (in a function) is used only inside that function, and never as a member name: resolving only those
    // names keeps the checker from type-checking every `res.json`-like chain of the group.
    const scope = ts.isParameter(decl) ? decl.parent : enclosingFunctionOf(decl);
    const out: ts.Identifier[] = [];
    for (const name of names)
      for (const id of this.identifiers().get(name) ?? []) {
        if (isDeclarationName(id)) continue;
        if (scope && (id.getSourceFile() !== scope.getSourceFile() || id.pos < scope.pos || id.end > scope.end || isMemberName(id))) continue;
        if (this.declOf(id) === decl) out.push(id);
      }
    this.refs.set(decl, out);
    return out;
  }

  /** The function a declaration stands for, when it is one of ours with a body. */
  functionOf(decl: ts.Node | undefined): FunctionNode | undefined {
    if (!decl) return undefined;
    if (ts.isFunctionLike(decl) && 'body' in decl && decl.body) return decl as FunctionNode;
    if (ts.isClassLike(decl)) return decl.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && !!m.body);
    return undefined;
  }

  /** The function a call calls, when it is one of ours. */
  calleeOf(call: CallLike): FunctionNode | undefined {
    const callee = skipOuter(call.expression);
    const name = ts.isIdentifier(callee) ? callee : ts.isPropertyAccessExpression(callee) ? callee.name : undefined;
    if (!name || !ts.isIdentifier(name) || !this.functionNames().has(name.text)) return undefined;
    return this.functionOf(this.declOf(name));
  }

  /** The calls of a function of ours (callee by name, `obj.method(…)`, `new Class(…)`). */
  callers(fn: FunctionNode): CallLike[] {
    const decl = ts.isConstructorDeclaration(fn) ? fn.parent : fn;
    const calls: CallLike[] = [];
    for (const id of this.references(decl)) {
      const callee = ts.isPropertyAccessExpression(id.parent) && id.parent.name === id ? id.parent : id;
      let n: ts.Node = callee;
      while (ts.isParenthesizedExpression(n.parent) || ts.isNonNullExpression(n.parent)) n = n.parent;
      if ((ts.isCallExpression(n.parent) || ts.isNewExpression(n.parent)) && n.parent.expression === n) calls.push(n.parent);
    }
    return calls;
  }

  /** The names our functions and classes are declared or imported under (a cheap test before asking the checker). */
  private functionNames(): Set<string> {
    if (this.fnNames) return this.fnNames;
    const names = new Set<string>();
    for (const unit of this.units.values()) {
      const visit = (n: ts.Node): void => {
        if (ts.isFunctionLike(n) || ts.isClassLike(n)) for (const name of ownNames(n)) names.add(name);
        ts.forEachChild(n, visit);
      };
      visit(unit.sf);
    }
    for (const set of this.aliases().values()) for (const name of set) names.add(name);
    return (this.fnNames = names);
  }

  /** A readable name for a function, for messages: exchangeCode(), TikTokClient.refresh(). */
  nameOf(fn: ts.Node): string | undefined {
    const own = ownNames(fn)[0];
    if (!own) return undefined;
    const cls = ts.isMethodDeclaration(fn) || ts.isConstructorDeclaration(fn) ? fn.parent : undefined;
    return cls && ts.isClassLike(cls) && cls.name ? `${cls.name.text}.${ts.isConstructorDeclaration(fn) ? 'constructor' : own}()` : `${own}()`;
  }

  /** Every identifier spelled `name` in the group's files. */
  namesIn(name: string): ts.Identifier[] {
    return this.identifiers().get(name) ?? [];
  }

  private identifiers(): Map<string, ts.Identifier[]> {
    if (this.byName) return this.byName;
    const index = new Map<string, ts.Identifier[]>();
    for (const unit of this.units.values()) {
      const visit = (n: ts.Node): void => {
        if (ts.isIdentifier(n)) {
          const list = index.get(n.text);
          if (list) list.push(n);
          else index.set(n.text, [n]);
        }
        ts.forEachChild(n, visit);
      };
      visit(unit.sf);
    }
    return (this.byName = index);
  }

  /** Local names that import a declaration under another name (default imports, `as`, `const x = require()`). */
  private aliases(): Map<ts.Node, Set<string>> {
    if (this.aliasNames) return this.aliasNames;
    const out = new Map<ts.Node, Set<string>>();
    const add = (id: ts.Identifier) => {
      const decl = this.declOf(id);
      if (decl && !ts.isSourceFile(decl)) out.set(decl, (out.get(decl) ?? new Set()).add(id.text));
    };
    const bound = (name: ts.BindingName) => {
      if (ts.isIdentifier(name)) add(name);
      else for (const el of name.elements) if (!ts.isOmittedExpression(el)) bound(el.name);
    };
    for (const unit of this.units.values()) {
      const visit = (n: ts.Node): void => {
        if (ts.isImportClause(n) && n.name) add(n.name);
        else if (ts.isImportSpecifier(n)) add(n.name);
        else if (ts.isVariableDeclaration(n) && n.initializer && /^require\s*\(/.test(skipOuter(n.initializer).getText(unit.sf))) bound(n.name);
        ts.forEachChild(n, visit);
      };
      visit(unit.sf);
    }
    return (this.aliasNames = out);
  }
}
