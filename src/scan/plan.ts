// Decides which candidate URLs are rewritten. A literal shared by several URLs changes only when every URL that
// uses it can change the same way and every use of it is visible; otherwise the whole group is left alone and
// reported: never a hybrid URL.
import { ts } from 'ts-morph';
import { endpointById } from '../endpoints.js';
import type { TextPiece } from './evaluate.js';
import { grantTypeEdits } from './grant-type.js';
import type { Candidate, PlannedEdit } from './match.js';
import type { CodeUnit } from './parse.js';
import { skipOuter, type Resolver } from './resolve.js';
import type { Evaluator } from './evaluate.js';
import { planRequestShape } from './request-shape.js';
import { planResponseReads } from './response-reads.js';
import { planUserInfo } from './user-info.js';
import { surgicalFix, v2Issues } from './v2-audit.js';
import { PlatformDetector } from './platform.js';
import { visibleParams } from './request-params.js';
import { searchParamsSet } from './url-object-params.js';
import { layoutOf } from './layout.js';
import { callsUsing } from './calls.js';
import type { Edit, PlanOptions, Reference, TransformId } from './types.js';

const pieceKey = (p: TextPiece) => `${p.unit.file}:${p.start}`;
const editKey = (e: PlannedEdit) => `${e.file}:${e.start}:${e.end}`;

export function planReferences(all: Candidate[], units: CodeUnit[], resolver: Resolver, evaluator: Evaluator, options: PlanOptions): Reference[] {
  const candidates = dedupe(all);
  const consumed = new Set<string>();
  for (const c of candidates)
    if (c.joined) for (const p of c.pieces) if (p.kind === 'text' && p.start !== null) consumed.add(pieceKey(p));
  // A file that joins a v1 API host to a runtime path (an apiPost(path) helper) makes its plain v1 paths count too.
  const dynamicFiles = new Set(candidates.filter((c) => c.kind === 'v1-dynamic').map((c) => c.root.unit.file));
  const kept = candidates.filter((c) => {
    if (c.joined || (c.kind !== 'v1-base' && c.kind !== 'v1-path')) return true;
    const own = c.pieces.filter((p): p is TextPiece => p.kind === 'text' && p.start !== null);
    if (own.length > 0 && own.every((p) => consumed.has(pieceKey(p)))) return false;
    return c.kind === 'v1-base' || distinctive(c) || dynamicFiles.has(c.root.unit.file);
  });
  const platform = new PlatformDetector(options.platform ?? 'auto');
  const mobile = new Map<Candidate, string>();
  for (const c of kept) {
    const reason = platform.mobileReason(c.root.unit.file, c.root.unit.sf.text);
    if (reason) mobile.set(c, reason);
  }
  blockUnsafe(kept, units, resolver, (block) => {
    for (const [c, reason] of mobile) block(c, `mobile code keeps v1 (${reason})`);
    for (const c of kept) if (c.kind === 'v1' && c.endpoint === 'user-info' && c.edits.length > 0) reshapeUserInfo(c, evaluator, resolver, options, block);
  });
  if (options.requestShape) for (const c of kept) if (!mobile.has(c)) reshape(c, kept, evaluator, resolver, options);
  return kept.map((c) => {
    const ref = toReference(c);
    if (mobile.has(c)) ref.mobile = mobile.get(c);
    const params = c.rest.startsWith('?')
      ? visibleParams(c.root.value.pieces, c.end, c.root.unit, resolver, evaluator, layoutOf(c.root.unit))
      : c.rest === '' ? searchParamsSet(c.root.unit, c.root.node) : [];
    if (params.length) ref.params = params;
    return ref;
  });
}

function distinctive(c: Candidate): boolean {
  return !!c.endpoint && endpointById(c.endpoint).v1.some((f) => f.distinctivePath);
}

/** The same URL characters reached from two roots (a constant and the expression using it): keep the fuller one. */
function dedupe(candidates: Candidate[]): Candidate[] {
  const byAnchor = new Map<string, Candidate>();
  for (const c of candidates) {
    const chars = c.pieces.map((p) => (p.kind === 'text' && p.start !== null ? pieceKey(p) : `${p.unit.file}#${p.kind}`));
    const key = `${c.kind}|${c.endpoint}|${chars.join(',')}|${c.joined ? c.root.node.pos : ''}`;
    const seen = byAnchor.get(key);
    if (!seen || c.rest.length > seen.rest.length) byAnchor.set(key, c);
  }
  return [...byAnchor.values()];
}

function blockUnsafe(candidates: Candidate[], units: CodeUnit[], resolver: Resolver, beforeLock: (block: (c: Candidate, why: string) => void) => void): void {
  const block = (c: Candidate, why: string) => {
    if (c.edits.length === 0 && c.blocked) return;
    c.blocked = why;
    c.edits = [];
  };
  // 1. Two URLs wanting different text in the same place.
  const wants = new Map<string, Set<string>>();
  for (const c of candidates) for (const e of c.edits) wants.set(editKey(e), (wants.get(editKey(e)) ?? new Set()).add(e.text));
  for (const c of candidates) {
    const clash = c.edits.find((e) => (wants.get(editKey(e))?.size ?? 0) > 1);
    if (clash) block(c, `"${clash.old}" (${where(clash)}) is shared by endpoints that move to different v2 URLs; give each endpoint its own constant`);
  }
  // 2. A literal also joined to runtime values.
  const dynamic = new Set<string>();
  for (const c of candidates) for (const p of c.dynamicPieces) if (p.start !== null) dynamic.add(pieceKey(p));
  for (const c of candidates) {
    const hit = c.edits.find((e) => dynamic.has(pieceKey(e.piece)));
    if (hit) block(c, `"${hit.piece.text}" (${where(hit)}) is also joined to a value known only at run time; rewriting it would make that URL a hybrid`);
  }
  // 3. A literal used somewhere the tool cannot follow (passed to a function, logged, …).
  const seen = new Set<ts.Node>();
  for (const c of candidates) for (const n of c.root.value.via) seen.add(n);
  const uses = new UseIndex(units, resolver);
  for (const c of candidates) {
    if (!c.joined) continue;
    for (const e of c.edits) {
      const unseen = uses.unseenUse(e.piece, seen);
      if (unseen) {
        block(c, `"${e.piece.text}" (${where(e)}) is also used at ${unseen}, where the full URL cannot be seen`);
        break;
      }
    }
  }
  beforeLock(block);
  // 4. Fixed point: a literal that a blocked URL still needs must not change under it.
  for (let changed = true; changed; ) {
    changed = false;
    const locked = new Set<string>();
    for (const c of candidates)
      if (c.blocked && c.kind !== 'v2') for (const p of c.pieces) if (p.kind === 'text' && p.start !== null) locked.add(pieceKey(p));
    for (const c of candidates) {
      const hit = c.edits.find((e) => locked.has(pieceKey(e.piece)));
      if (hit) {
        block(c, `"${hit.piece.text}" (${where(hit)}) is also part of a URL that cannot be rewritten automatically; change them together by hand`);
        changed = true;
      }
    }
  }
  for (const c of candidates)
    if (c.edits.length > 0 && (c.endpoint === 'token' || c.endpoint === 'refresh'))
      c.edits.push(...grantTypeEdits(c, resolver));
}

/** Token, refresh and revoke calls: the v2 request (and the reads of its response), subsuming the URL edits inside. */
function reshape(c: Candidate, all: Candidate[], evaluator: Evaluator, resolver: Resolver, options: PlanOptions): void {
  if (c.kind === 'v2' && c.endpoint && ['token', 'revoke', 'user-info'].includes(c.endpoint)) return auditV2(c, all, evaluator, resolver, options);
  if (!c.endpoint || !['token', 'refresh', 'revoke'].includes(c.endpoint)) return;
  if (c.kind !== 'v1' || c.edits.length === 0) return;
  const shape = planRequestShape(c, all, evaluator, resolver);
  // The URL moves to v2 either way, so its answer is v2-shaped: reads move even when the request needs a hand.
  const reads = shape.site ? planResponseReads(shape.site, c.endpoint, resolver, options.compatResponse) : undefined;
  c.shape = { edits: shape.edits, readEdits: reads?.edits ?? [], site: shape.site, problem: shape.problem, readProblems: reads?.problems ?? [], wrapped: reads?.wrapped };
  const covered = (e: PlannedEdit) => shape.edits.some((s) => s.file === e.file && e.start >= s.start && e.end <= s.end && s.end > s.start);
  c.edits = c.edits.filter((e) => !covered(e));
}

/** A call already on v2: rewritten only where its request or its reads are wrong, and each fix is reported. */
function auditV2(c: Candidate, all: Candidate[], evaluator: Evaluator, resolver: Resolver, options: PlanOptions): void {
  const [site, more] = callsUsing(c, resolver);
  if (!site || more) return;
  const reads = planResponseReads(site, c.endpoint!, resolver, 'already-v2');
  const { endpoint, issues } = c.endpoint === 'user-info' ? { endpoint: c.endpoint, issues: [] } : v2Issues(c, site, evaluator, resolver);
  c.endpoint = endpoint; // /v2/oauth/token/ serves both: its grant_type tells a refresh apart
  const surgical = issues.length > 0 ? surgicalFix(c, site, endpoint, all, evaluator, resolver) : undefined;
  const shape = surgical ? { edits: surgical, site } : issues.length > 0 ? planRequestShape({ ...c, endpoint }, all, evaluator, resolver) : { edits: [], site };
  const problem = issues.length > 0 && shape.edits.length === 0 ? `${issues.join('; ')}${shape.problem ? ` (${shape.problem})` : ''}` : undefined;
  c.shape = { edits: shape.edits, readEdits: reads.edits, site, problem, readProblems: reads.problems, fixed: shape.edits.length ? issues : [] };
}

/** User info changes method, headers and body with its URL: without the whole call, its URL must not move. */
function reshapeUserInfo(c: Candidate, evaluator: Evaluator, resolver: Resolver, options: PlanOptions, block: (c: Candidate, why: string) => void): void {
  if (!options.requestShape) return block(c, 'the v2 user info call changes method, headers and body too (the user-info transform does all of it)');
  const shape = planUserInfo(c, evaluator, resolver);
  if (shape.edits.length === 0) return block(c, `the v2 user info call must change with its URL, and ${shape.problem ?? 'it could not be rewritten'}`);
  const reads = shape.site ? planResponseReads(shape.site, 'user-info', resolver, options.compatResponse) : undefined;
  c.shape = { edits: shape.edits, readEdits: reads?.edits ?? [], site: shape.site, readProblems: reads?.problems ?? [] };
  c.edits = c.edits.filter((e) => !shape.edits.some((s) => s.file === e.file && e.start >= s.start && e.end <= s.end && s.end > s.start));
}

function where(e: PlannedEdit): string {
  const { line } = e.piece.unit.lines.position(e.start);
  return `${e.file.split(/[\\/]/).pop()}:${line}`;
}

function toReference(c: Candidate): Reference {
  // A URL spelled whole in one literal is reported where it is written (maybe another module); a join where it is joined.
  const first = c.pieces[0];
  const literal = !c.joined && first?.kind === 'text' && first.start !== null ? first : undefined;
  const unit = literal ? literal.unit : c.root.unit;
  const offset = literal ? literal.start! : unit.offset + c.root.node.getStart(unit.sf);
  const edit = (transform: TransformId) => ({ file, start, end, old, text }: PlannedEdit): Edit => ({ file, start, end, old, text, transform });
  const edits: Edit[] = [
    ...c.edits.map(edit(c.transform ?? 'token-url')),
    ...(c.shape?.edits ?? []).map(edit(c.endpoint === 'user-info' ? 'user-info' : 'token-request')),
    ...(c.shape?.readEdits ?? []).map(edit(c.endpoint === 'user-info' ? 'user-info' : 'token-response')),
  ];
  const { line, column } = unit.lines.position(offset);
  const ref: Reference = {
    file: unit.file, offset, line, column, kind: c.kind, endpoint: c.endpoint, where: 'code', url: c.url, edits,
  };
  if (c.blocked && edits.length === 0 && c.kind !== 'v2') ref.blocked = c.blocked;
  const site = c.shape?.site;
  if (c.shape && (site || c.shape.problem)) {
    const at = site ? site.unit.lines.position(site.unit.offset + site.call.getStart(site.unit.sf)) : { line, column };
    ref.call = { client: site?.client ?? 'unknown', ...at, ...(c.shape.problem ? { shapeProblem: c.shape.problem } : {}) };
    if (c.kind === 'v2' && c.shape.fixed?.length) ref.call.fixed = c.shape.fixed;
    if (c.kind === 'v2' && c.shape.readEdits.length) ref.call.readsFixed = c.shape.readEdits.length;
  }
  const at = (p: { unit: CodeUnit; node: ts.Node; message: string }) => ({
    file: p.unit.file, ...p.unit.lines.position(p.unit.offset + p.node.getStart(p.unit.sf)), message: p.message,
  });
  if (c.shape?.readProblems.length) ref.responseProblems = c.shape.readProblems.map(at);
  if (c.shape?.wrapped?.length) ref.responseWrapped = c.shape.wrapped.map(at);
  return ref;
}

/** Every use of a name in the parsed files, to tell whether a literal's constant is used outside the joins seen. */
class UseIndex {
  private index?: Map<string, { unit: CodeUnit; node: ts.Expression }[]>;

  constructor(private readonly units: CodeUnit[], private readonly resolver: Resolver) {}

  unseenUse(piece: TextPiece, seen: Set<ts.Node>): string | undefined {
    const holder = holderOf(piece.literal);
    if (!holder) return undefined;
    const name = holder.name && ts.isIdentifier(holder.name) ? holder.name.text : undefined;
    if (!name) return undefined;
    for (const use of this.uses().get(name) ?? []) {
      if (seen.has(use.node)) continue;
      const t = ts.isIdentifier(use.node)
        ? this.resolver.identifier(use.unit, use.node)
        : this.resolver.valueTarget(use.unit, use.node);
      if (t?.kind === 'expr' && (t.decl === holder || skipOuter(t.expr) === piece.literal)) {
        const { line } = use.unit.lines.position(use.unit.offset + use.node.getStart(use.unit.sf));
        return `${use.unit.file.split(/[\\/]/).pop()}:${line}`;
      }
    }
    return undefined;
  }

  private uses(): Map<string, { unit: CodeUnit; node: ts.Expression }[]> {
    if (this.index) return this.index;
    const index = new Map<string, { unit: CodeUnit; node: ts.Expression }[]>();
    const add = (name: string, unit: CodeUnit, node: ts.Expression) => {
      const list = index.get(name) ?? [];
      list.push({ unit, node });
      index.set(name, list);
    };
    for (const unit of this.units) {
      const visit = (node: ts.Node): void => {
        if (ts.isPropertyAccessExpression(node)) add(node.name.text, unit, node);
        else if (ts.isIdentifier(node) && isValueUse(node)) add(node.text, unit, node);
        ts.forEachChild(node, visit);
      };
      visit(unit.sf);
    }
    this.index = index;
    return index;
  }
}

function isValueUse(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if ((ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isBindingElement(p) ||
    ts.isFunctionDeclaration(p) || ts.isClassDeclaration(p) || ts.isParameter(p) || ts.isMethodDeclaration(p)) && p.name === id)
    return false;
  if (ts.isImportSpecifier(p) || ts.isExportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p)) return false;
  return !ts.isShorthandPropertyAssignment(p); // `{ BASE }` re-exports it; the reads of that member are what count
}

/** The declaration or property a literal initialises (through parentheses, casts and `x || 'default'`). */
function holderOf(literal: ts.Node | null): (ts.Node & { name?: ts.Node }) | undefined {
  let n = literal;
  while (n?.parent && (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || ts.isSatisfiesExpression(n.parent) ||
    (ts.isBinaryExpression(n.parent) && n.parent.right === n &&
      [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(n.parent.operatorToken.kind))))
    n = n.parent;
  const p = n?.parent;
  if (p && (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) && p.initializer === n) return p;
  return undefined;
}
