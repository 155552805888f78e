// Static string evaluation: what text an expression builds, piece by piece, and where each piece sits in which file,
// so a rewrite can edit exactly the characters that spell the URL (even when they live in another module).
import { ts } from 'ts-morph';
import { HOLE } from '../url-match.js';
import type { CodeUnit } from './parse.js';
import { memberName, skipOuter, type Resolver, type Target } from './resolve.js';

export interface TextPiece {
  kind: 'text';
  /** The source characters (raw: escapes are not decoded, so offsets map 1:1). */
  text: string;
  unit: CodeUnit;
  /** Offset of text[0] in the real file; null for text the tool made up (never edited). */
  start: number | null;
  /** The literal (or quasi) it comes from. */
  literal: ts.Node | null;
}

export interface HolePiece {
  kind: 'hole';
  unit: CodeUnit;
  node: ts.Node;
}

export type Piece = TextPiece | HolePiece;

/** A piece list plus the names it went through (identifiers and member reads), for the "all uses seen" check. */
export interface Value {
  pieces: Piece[];
  via: Set<ts.Node>;
}

const MAX_DEPTH = 24;

export class Evaluator {
  private readonly active = new Set<ts.Node>();
  private readonly memo = new Map<ts.Node, Value>();

  constructor(private readonly resolver: Resolver) {}

  evaluate(unit: CodeUnit, expr: ts.Expression): Value {
    const via = new Set<ts.Node>();
    return { pieces: this.eval(unit, expr, via, 0), via };
  }

  /** A let variable's value: its initializer plus every `+=` (or `x = x + …`) in its scope, in source order. */
  letChain(unit: CodeUnit, decl: ts.VariableDeclaration): Value {
    const via = new Set<ts.Node>();
    return { pieces: this.chain(unit, decl, via, 0), via };
  }

  private eval(unit: CodeUnit, expr: ts.Expression, via: Set<ts.Node>, depth: number): Piece[] {
    const e = skipOuter(expr);
    if (depth > MAX_DEPTH) return [hole(unit, e)];
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [literalPiece(unit, e, 1, 1)];
    if (ts.isTemplateExpression(e)) {
      const out: Piece[] = [literalPiece(unit, e.head, 1, 2)];
      for (const span of e.templateSpans) {
        out.push(...this.eval(unit, span.expression, via, depth + 1));
        out.push(literalPiece(unit, span.literal, 1, ts.isTemplateTail(span.literal) ? 1 : 2));
      }
      return out;
    }
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (op === ts.SyntaxKind.PlusToken)
        return [...this.eval(unit, e.left, via, depth + 1), ...this.eval(unit, e.right, via, depth + 1)];
      if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
        // `process.env.X || 'https://…'`: the default is what the code shows us.
        const left = this.eval(unit, e.left, via, depth + 1);
        if (!left.every((p) => p.kind === 'hole')) return left;
        const right = this.eval(unit, e.right, via, depth + 1);
        // `process.env.X ?? ''` shows no value, only that there may be none: still a runtime value.
        return right.every((p) => p.kind === 'text' && p.text === '') ? [hole(unit, e)] : right;
      }
      return [hole(unit, e)];
    }
    if (ts.isNewExpression(e) && isUrlConstructor(e)) return this.newUrl(unit, e, via, depth);
    if (ts.isPropertyAccessExpression(e) && e.name.text === 'href' && ts.isNewExpression(skipOuter(e.expression)))
      return this.eval(unit, e.expression, via, depth + 1);
    if (ts.isCallExpression(e)) return this.call(unit, e, via, depth);
    if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
      if (isEnvRead(e)) return [hole(unit, e)];
      const target = ts.isIdentifier(e) ? this.resolver.identifier(unit, e) : this.member(unit, e);
      if (!target) return [hole(unit, e)];
      via.add(e);
      const pieces = this.target(target, e, unit, via, depth);
      // A name for a runtime value (const KEY = process.env.X) stays that name: its code is valid here.
      return pieces.every((p) => p.kind === 'hole') ? [hole(unit, e)] : pieces;
    }
    return [hole(unit, e)];
  }

  private member(unit: CodeUnit, e: ts.PropertyAccessExpression | ts.ElementAccessExpression): Target | undefined {
    const name = memberName(e);
    if (name === undefined) return undefined;
    const owner = this.resolver.valueTarget(unit, e.expression);
    return owner ? this.resolver.member(owner, name) : undefined;
  }

  private target(t: Target, at: ts.Node, unit: CodeUnit, via: Set<ts.Node>, depth: number): Piece[] {
    if (t.kind === 'let') return this.chain(t.unit, t.decl, via, depth + 1);
    if (t.kind !== 'expr') return [hole(unit, at)];
    const key = t.expr;
    const cached = this.memo.get(key);
    if (cached) {
      for (const n of cached.via) via.add(n);
      return [...cached.pieces]; // callers append to what they get: never hand out the memo itself
    }
    if (this.active.has(key)) return [hole(unit, at)];
    this.active.add(key);
    const inner = new Set<ts.Node>();
    const pieces = this.eval(t.unit, t.expr, inner, depth + 1);
    this.active.delete(key);
    this.memo.set(key, { pieces: [...pieces], via: inner });
    for (const n of inner) via.add(n);
    return pieces;
  }

  private chain(unit: CodeUnit, decl: ts.VariableDeclaration, via: Set<ts.Node>, depth: number): Piece[] {
    if (!decl.initializer || this.active.has(decl)) return [hole(unit, decl)];
    this.active.add(decl);
    try {
      const out = this.eval(unit, decl.initializer, via, depth + 1);
      for (const step of appendsTo(decl)) {
        if (!step) return [hole(unit, decl)]; // reassigned to something else: unknown
        out.push(...this.eval(unit, step, via, depth + 1));
      }
      return out;
    } finally {
      this.active.delete(decl);
    }
  }

  private call(unit: CodeUnit, e: ts.CallExpression, via: Set<ts.Node>, depth: number): Piece[] {
    const callee = e.expression;
    // String(x), x.toString(), x.concat(y): the string itself.
    if (ts.isIdentifier(callee) && callee.text === 'String' && e.arguments.length === 1)
      return this.eval(unit, e.arguments[0], via, depth + 1);
    if (ts.isPropertyAccessExpression(callee) && e.arguments.length === 0 && callee.name.text === 'toString')
      return this.eval(unit, callee.expression, via, depth + 1);
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'concat') {
      const out = this.eval(unit, callee.expression, via, depth + 1);
      for (const a of e.arguments) out.push(...this.eval(unit, a, via, depth + 1));
      return out;
    }
    return [hole(unit, e)];
  }

  /** new URL(input, base): resolved like the WHATWG URL parser for the common shapes. */
  private newUrl(unit: CodeUnit, e: ts.NewExpression, via: Set<ts.Node>, depth: number): Piece[] {
    const [input, base] = e.arguments ?? [];
    if (!input) return [hole(unit, e)];
    const path = this.eval(unit, input, via, depth + 1);
    if (!base) return path;
    const pathText = flatten(path).text;
    if (/^(?:[a-z][\w+.-]*:)?\/\//i.test(pathText)) return path;
    const origin = this.eval(unit, base, via, depth + 1);
    const baseText = flatten(origin).text;
    if (pathText.startsWith('/')) {
      const m = /^(?:[a-z][\w+.-]*:)?\/\/[^/?#\uFFFF]+/i.exec(baseText);
      return [...(m ? slicePieces(origin, 0, m[0].length) : origin), ...path];
    }
    const cut = baseText.lastIndexOf('/');
    const originEnd = /^(?:[a-z][\w+.-]*:)?\/\/[^/?#\uFFFF]+/i.exec(baseText)?.[0].length ?? 0;
    if (cut >= originEnd && cut >= 0) return [...slicePieces(origin, 0, cut + 1), ...path];
    return [...origin, synthetic(unit, '/'), ...path];
  }
}

function literalPiece(unit: CodeUnit, node: ts.Node, open: number, close: number): TextPiece {
  const start = node.getStart(unit.sf) + open;
  const end = node.end - close;
  return { kind: 'text', text: unit.sf.text.slice(start, end), unit, start: unit.offset + start, literal: node };
}

function hole(unit: CodeUnit, node: ts.Node): HolePiece {
  return { kind: 'hole', unit, node };
}

function synthetic(unit: CodeUnit, text: string): TextPiece {
  return { kind: 'text', text, unit, start: null, literal: null };
}

function isUrlConstructor(e: ts.NewExpression): boolean {
  return ts.isIdentifier(e.expression) && e.expression.text === 'URL';
}

function isEnvRead(e: ts.Expression): boolean {
  const text = e.getText();
  return /^(process\.env|import\.meta\.env|Deno\.env)\b/.test(text);
}

/** The right-hand sides appended to a let variable, in order; null where it is reassigned to something else. */
export function appendsTo(decl: ts.VariableDeclaration): (ts.Expression | null)[] {
  if (!ts.isIdentifier(decl.name)) return [];
  const name = decl.name.text;
  const scope = decl.parent.parent.parent; // VariableDeclarationList -> VariableStatement -> block
  const out: (ts.Expression | null)[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && ts.isIdentifier(node.left) && node.left.text === name) {
      const op = node.operatorToken.kind;
      if (op === ts.SyntaxKind.PlusEqualsToken) out.push(node.right);
      else if (op === ts.SyntaxKind.EqualsToken) {
        const r = skipOuter(node.right);
        const selfAppend = ts.isBinaryExpression(r) && r.operatorToken.kind === ts.SyntaxKind.PlusToken &&
          ts.isIdentifier(r.left) && r.left.text === name;
        out.push(selfAppend ? r.right : null);
      }
    }
    ts.forEachChild(node, visit);
  };
  if (scope) ts.forEachChild(scope, visit);
  return out;
}

/** The text of a piece list, HOLE for each unknown part, and where each character came from. */
export function flatten(pieces: Piece[]): { text: string; pieceAt: Int32Array; offsetAt: Int32Array } {
  let text = '';
  for (const p of pieces) text += p.kind === 'text' ? p.text : HOLE;
  const pieceAt = new Int32Array(text.length);
  const offsetAt = new Int32Array(text.length);
  let i = 0;
  pieces.forEach((p, index) => {
    const len = p.kind === 'text' ? p.text.length : 1;
    for (let k = 0; k < len; k++, i++) {
      pieceAt[i] = index;
      offsetAt[i] = k;
    }
  });
  return { text, pieceAt, offsetAt };
}

/** Pieces covering flat text [from, to). */
export function slicePieces(pieces: Piece[], from: number, to: number): Piece[] {
  const out: Piece[] = [];
  let pos = 0;
  for (const p of pieces) {
    const len = p.kind === 'text' ? p.text.length : 1;
    const a = Math.max(from, pos);
    const b = Math.min(to, pos + len);
    if (a < b) {
      if (p.kind === 'hole') out.push(p);
      else out.push({ ...p, text: p.text.slice(a - pos, b - pos), start: p.start === null ? null : p.start + (a - pos) });
    }
    pos += len;
  }
  return out;
}
