// What the OAuth-parameter rules (redirect URIs, state, client secret, PKCE) need beyond a Reference's facts: the code
// a parameter's value is written as, followed back to its declaration (same function, module, or an imported module),
// and the `.env*` values an environment variable has. Files are parsed lazily and only when a rule asks: the files of
// the authorize/token references, the few files holding a parameter's value, and the modules those import.
import { ts } from 'ts-morph';
import { Parser, type CodeUnit } from '../scan/parse.js';
import { LineIndex } from '../scan/position.js';
import { Resolver, skipOuter } from '../scan/resolve.js';
import type { ScanResult } from '../scan/scan.js';
import type { Reference } from '../scan/types.js';
import { isEnvFile, type Param, type EnvLine, type Part, type Via, type Shape, type ValueSite } from './oauth-values.js';

const CODE_EXT = /\.(?:[cm]?[jt]sx?|vue|svelte)$/i;
const ENCODERS = new Set(['encodeURIComponent', 'encodeURI', 'escape', 'decodeURIComponent', 'decodeURI', 'String']);
const MAX_ALTERNATIVES = 16;
const MAX_DEPTH = 8;

export { isEnvFile, webCodeReferences, paramOf, isNameLike, isLiteralCode } from './oauth-values.js';
export type { Param, EnvLine, Part, Via, Shape, ValueSite } from './oauth-values.js';

const cache = new WeakMap<ScanResult, OAuthLookup>();

/** One lookup per scan, shared by every rule that asks (each file is parsed at most once). */
export function lookupFor(scan: ScanResult): OAuthLookup {
  let found = cache.get(scan);
  if (!found) cache.set(scan, (found = new OAuthLookup(scan)));
  return found;
}

export class OAuthLookup {
  private readonly parser = new Parser();
  private readonly units = new Map<string, CodeUnit[]>();
  private resolverCache: Resolver | undefined;
  private readonly codeFiles: Set<string>;
  private envCache: Map<string, EnvLine[]> | undefined;
  private readonly sites = new Map<string, ValueSite | null>();

  constructor(readonly scan: ScanResult) {
    this.codeFiles = new Set([...scan.sources.keys()].filter((f) => CODE_EXT.test(f)));
    for (const unit of scan.units) this.units.set(unit.file, [...(this.units.get(unit.file) ?? []), unit]);
  }

  /** Every `KEY=value` of the scanned `.env*` files, by key, in file order. */
  env(): Map<string, EnvLine[]> {
    if (this.envCache) return this.envCache;
    const out = new Map<string, EnvLine[]>();
    for (const [file, text] of [...this.scan.sources].sort(([a], [b]) => a.localeCompare(b))) {
      if (!isEnvFile(file)) continue;
      text.split(/\r?\n|\r/).forEach((raw, i) => {
        const m = /^\s*(?:export\s+)?([A-Za-z_][\w.-]*)\s*=\s*(.*)$/.exec(raw);
        if (!m) return;
        const value = envValue(m[2]);
        const list = out.get(m[1]) ?? [];
        list.push({ file, line: i + 1, key: m[1], value });
        out.set(m[1], list);
      });
    }
    return (this.envCache = out);
  }

  /** The parsed units of a code file (one per <script> block of .vue/.svelte), parsing it and its imports once. */
  /** The parsed units of a file, from the scan (files are parsed once, by the scan). */
  unitsOf(file: string): CodeUnit[] {
    return this.units.get(file) ?? [];
  }


  /** The unit holding offset `offset` of `file`. */
  unitAt(file: string, offset: number): CodeUnit | undefined {
    return this.unitsOf(file).find((u) => offset >= u.offset && offset <= u.offset + u.sf.text.length);
  }

  /** The unit holding an offset of a file, and the innermost function around it (the module when none). */
  scopeAt(file: string, offset: number): { unit: CodeUnit; scope: ts.Node } | undefined {
    const unit = this.unitAt(file, offset);
    if (!unit) return undefined;
    const pos = offset - unit.offset;
    let scope: ts.Node = unit.sf;
    const find = (n: ts.Node): void => {
      if (pos >= n.getStart(unit.sf) && pos < n.end) {
        if (ts.isFunctionLike(n)) scope = n;
        ts.forEachChild(n, find);
      }
    };
    find(unit.sf);
    return { unit, scope };
  }

  resolver(): Resolver {
    this.resolverCache ??= new Resolver(this.scan.units);
    return this.resolverCache;
  }


  /**
   * Where the value of parameter `param` of `ref` is written: `key: value`, `{ key }`, `.set('key', value)`, or the
   * value joined after a `key=` literal. Looked for in the reference's file first, then in the files that name the
   * most of the reference's other parameters (a URL constant in one module, its query built in another).
   */
  site(ref: Reference, param: Param): ValueSite | undefined {
    const id = `${ref.file}:${ref.offset}:${param.key}:${param.value}`;
    const cached = this.sites.get(id);
    if (cached !== undefined) return cached ?? undefined;
    let found: ValueSite | undefined;
    for (const file of this.candidateFiles(ref, param)) {
      found = this.siteIn(file, param, file === ref.file ? ref.offset : undefined);
      if (found) break;
    }
    this.sites.set(id, found ?? null);
    return found;
  }

  /** The site of the value, or the value's code parsed on its own (literals known, names not followed). */
  valueOf(ref: Reference, param: Param): ValueSite | undefined {
    const site = this.site(ref, param);
    if (site) return site;
    const sf = this.parser.parse('value.ts', `(${param.value})`);
    const st = sf.statements[0];
    if (!st || !ts.isExpressionStatement(st) || sf.statements.length !== 1) return undefined;
    return { unit: { file: ref.file, sf, offset: 0, lines: new LineIndex('') }, node: skipOuter(st.expression) };
  }

  private candidateFiles(ref: Reference, param: Param): string[] {
    const keys = (ref.params ?? []).map((p) => p.key);
    const others: { file: string; score: number }[] = [];
    for (const file of this.codeFiles) {
      if (file === ref.file) continue;
      const text = this.scan.sources.get(file) ?? '';
      if (!text.includes(param.key) || !text.includes(param.value)) continue;
      others.push({ file, score: keys.filter((k) => text.includes(k)).length });
    }
    others.sort((a, b) => b.score - a.score || a.file.localeCompare(b.file));
    return [ref.file, ...others.slice(0, 8).map((o) => o.file)];
  }

  private siteIn(file: string, param: Param, near: number | undefined): ValueSite | undefined {
    const text = this.scan.sources.get(file) ?? '';
    if (!text.includes(param.key)) return undefined;
    const found: ValueSite[] = [];
    for (const unit of this.unitsOf(file)) {
      const matches = (n: ts.Node | undefined): n is ts.Expression => !!n && ts.isExpression(n) && strippedText(unit, n) === param.value;
      const visit = (n: ts.Node): void => {
        if (ts.isPropertyAssignment(n) && propertyKey(n.name) === param.key && matches(n.initializer))
          found.push({ unit, node: stripped(n.initializer) });
        else if (ts.isShorthandPropertyAssignment(n) && n.name.text === param.key && param.value === param.key)
          found.push({ unit, node: n.name });
        else if (ts.isCallExpression(n) && n.arguments.length === 2 && ts.isStringLiteralLike(n.arguments[0]) &&
          n.arguments[0].text === param.key && matches(n.arguments[1]))
          found.push({ unit, node: stripped(n.arguments[1]) });
        else if (ts.isTemplateExpression(n)) {
          let before = n.head.text;
          for (const span of n.templateSpans) {
            if (endsWithKey(before, param.key) && matches(span.expression)) found.push({ unit, node: stripped(span.expression) });
            before = span.literal.text;
          }
        } else if (ts.isBinaryExpression(n) && [ts.SyntaxKind.PlusToken, ts.SyntaxKind.PlusEqualsToken].includes(n.operatorToken.kind) &&
          endsWithKey(lastText(n.left) ?? '', param.key) && matches(n.right))
          found.push({ unit, node: stripped(n.right) });
        ts.forEachChild(n, visit);
      };
      visit(unit.sf);
    }
    if (found.length === 0) return undefined;
    if (near === undefined) return found[0];
    const distance = (s: ValueSite) => Math.abs(s.unit.offset + s.node.getStart(s.unit.sf) - near);
    return found.sort((a, b) => distance(a) - distance(b))[0];
  }

  /** The ways a value can be made, following names to their declarations and `process.env.X` to env parts. */
  shapes(unit: CodeUnit, node: ts.Expression, depth = 0, via: Via[] = []): Shape[] {
    const e = skipOuter(node);
    const one = (parts: Part[], more: Via[] = via): Shape[] => [{ parts, via: more }];
    const hole = (): Shape[] => one([{ kind: 'hole', code: e.getText(unit.sf) }]);
    if (depth > MAX_DEPTH) return hole();
    if (ts.isStringLiteralLike(e) || ts.isNumericLiteral(e)) return one([{ kind: 'text', text: e.text }]);
    const env = envName(e);
    if (env) return one([{ kind: 'env', name: env, file: unit.file }]);
    if (ts.isTemplateExpression(e)) {
      let out: Shape[] = one([{ kind: 'text', text: e.head.text }]);
      for (const span of e.templateSpans) {
        out = product(out, this.shapes(unit, span.expression, depth + 1));
        out = product(out, one([{ kind: 'text', text: span.literal.text }], []));
      }
      return out;
    }
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (op === ts.SyntaxKind.PlusToken) return product(this.shapes(unit, e.left, depth + 1, via), this.shapes(unit, e.right, depth + 1));
      if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken)
        return [...this.shapes(unit, e.left, depth + 1, via), ...this.shapes(unit, e.right, depth + 1, via)].slice(0, MAX_ALTERNATIVES);
      return hole();
    }
    if (ts.isConditionalExpression(e))
      return [...this.shapes(unit, e.whenTrue, depth + 1, via), ...this.shapes(unit, e.whenFalse, depth + 1, via)].slice(0, MAX_ALTERNATIVES);
    if (ts.isCallExpression(e)) {
      const callee = skipOuter(e.expression);
      if (ts.isIdentifier(callee) && ENCODERS.has(callee.text) && e.arguments.length === 1) return this.shapes(unit, e.arguments[0], depth + 1, via);
      const read = this.envReader(unit, e);
      if (read) return one([{ kind: 'env', name: read, file: unit.file }]);
      return hole();
    }
    if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
      const target = this.declaration(unit, e);
      if (!target) return hole();
      const name = e.getText(unit.sf);
      return this.shapes(target.unit, target.expr, depth + 1, [...via, { name, ...this.position(target.unit, target.expr) }]);
    }
    return hole();
  }

  /** The expression a name or member stands for (a const, a let's initializer, an object property, an import). */
  declaration(unit: CodeUnit, e: ts.Expression): { unit: CodeUnit; expr: ts.Expression } | undefined {
    const resolver = this.resolver();
    let target;
    try {
      target = ts.isIdentifier(e) ? resolver.identifier(unit, e) : resolver.valueTarget(unit, e);
    } catch {
      return undefined;
    }
    if (!target) return undefined;
    if (target.kind === 'expr') return target.expr === e ? undefined : { unit: target.unit, expr: target.expr };
    if (target.kind === 'let') return target.decl.initializer ? { unit: target.unit, expr: target.decl.initializer } : undefined;
    return undefined;
  }

  /** A function of this module, by the name it is called with (function declarations and const arrows). */
  functionNamed(unit: CodeUnit, callee: ts.Expression): { unit: CodeUnit; fn: ts.FunctionLikeDeclaration } | undefined {
    if (!ts.isIdentifier(callee)) return undefined;
    for (let n: ts.Node | undefined = callee.parent; n; n = n.parent) {
      const statements = ts.isSourceFile(n) || ts.isBlock(n) || ts.isModuleBlock(n) ? n.statements : undefined;
      for (const st of statements ?? [])
        if (ts.isFunctionDeclaration(st) && st.name?.text === callee.text && st.body) return { unit, fn: st };
    }
    const target = this.declaration(unit, callee);
    if (target && (ts.isArrowFunction(target.expr) || ts.isFunctionExpression(target.expr))) return { unit: target.unit, fn: target.expr };
    return undefined;
  }

  /** `required('TIKTOK_REDIRECT_URI')` where the function returns `process.env[name]`: the variable's name. */
  private envReader(unit: CodeUnit, call: ts.CallExpression): string | undefined {
    const arg = call.arguments[0];
    if (!arg || !ts.isStringLiteralLike(arg) || !/^[A-Z_][A-Z0-9_]*$/.test(arg.text)) return undefined;
    const found = this.functionNamed(unit, skipOuter(call.expression));
    const param = found?.fn.parameters[0]?.name;
    if (!found || !param || !ts.isIdentifier(param)) return undefined;
    let reads = false;
    const visit = (n: ts.Node): void => {
      if (ts.isElementAccessExpression(n) && n.expression.getText(found.unit.sf).replace(/\s/g, '') === 'process.env' &&
        ts.isIdentifier(n.argumentExpression) && n.argumentExpression.text === param.text) reads = true;
      if (!reads) ts.forEachChild(n, visit);
    };
    if (found.fn.body) visit(found.fn.body);
    return reads ? arg.text : undefined;
  }

  /** The file and 1-based line of a node. */
  position(unit: CodeUnit, node: ts.Node): { file: string; line: number } {
    return { file: unit.file, line: unit.lines.position(unit.offset + node.getStart(unit.sf)).line };
  }
}

/** The value of a .env line: quotes removed, an unquoted ` # comment` dropped. */
function envValue(raw: string): string {
  const v = raw.trim();
  const quoted = /^(['"`])([\s\S]*)\1$/.exec(v);
  if (quoted) return quoted[2];
  return v.replace(/\s+#.*$/, '').trim();
}

/** `process.env.X`, `process.env['X']`, `import.meta.env.X`: the variable's name. */
export function envName(e: ts.Expression): string | undefined {
  if (!ts.isPropertyAccessExpression(e) && !ts.isElementAccessExpression(e)) return undefined;
  const owner = skipOuter(e.expression);
  const ownerText = ts.isPropertyAccessExpression(owner) ? `${owner.expression.getText()}.${owner.name.text}`.replace(/\s/g, '') : '';
  if (ownerText !== 'process.env' && ownerText !== 'import.meta.env') return undefined;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return ts.isStringLiteralLike(e.argumentExpression) ? e.argumentExpression.text : undefined;
}

function product(a: Shape[], b: Shape[]): Shape[] {
  const out: Shape[] = [];
  for (const x of a) for (const y of b) if (out.length < MAX_ALTERNATIVES) out.push({ parts: [...x.parts, ...y.parts], via: [...x.via, ...y.via] });
  return out;
}

/** The value with skipOuter and encodeURIComponent() taken off, as the scanner writes a parameter's value. */
function stripped(node: ts.Expression): ts.Expression {
  let n = skipOuter(node);
  if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && ['encodeURIComponent', 'encodeURI', 'escape'].includes(n.expression.text) && n.arguments.length === 1)
    n = skipOuter(n.arguments[0]);
  return n;
}

function strippedText(unit: CodeUnit, node: ts.Expression): string {
  const n = stripped(node);
  return unit.sf.text.slice(n.getStart(unit.sf), n.end);
}

function propertyKey(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

function endsWithKey(text: string, key: string): boolean {
  return new RegExp(`(?:^|[?&])${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}=$`).test(text);
}

/** The text a `+` operand ends with, when it ends with literal text. */
export function lastText(node: ts.Expression): string | undefined {
  const e = skipOuter(node);
  if (ts.isStringLiteralLike(e)) return e.text;
  if (ts.isTemplateExpression(e)) return e.templateSpans[e.templateSpans.length - 1].literal.text;
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return lastText(e.right);
  return undefined;
}

