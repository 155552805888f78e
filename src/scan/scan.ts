// The scan step: discovered files in, references (every TikTok OAuth URL, where and how it is built, and the edits
// that migrate it) out. Each file is parsed at most once; the walk uses compilerNode and ts.forEachChild.
import { ts } from 'ts-morph';
import type { DiscoveredFile } from '../discover.js';
import { findTikTokUrls } from '../url-match.js';
import { extractScripts, nonScriptText } from './embedded.js';
import { Evaluator } from './evaluate.js';
import { matchRoot } from './match.js';
import { scanNonCode } from './noncode.js';
import { firstSyntaxError, Parser, type CodeUnit } from './parse.js';
import { planReferences } from './plan.js';
import { LineIndex } from './position.js';
import { Resolver } from './resolve.js';
import { PlatformDetector } from './platform.js';
import { collectRoots } from './roots.js';
import { planStateMoves, type StateMove } from '../state/plan-state.js';
import { FULL_PLAN, type ParseError, type PlanOptions, type Reference } from './types.js';

export interface ScanResult {
  /** Absolute paths of the files scanned (after the prefilter). */
  files: string[];
  references: Reference[];
  parseErrors: ParseError[];
  /** The text of every scanned file, as read (for rules that look closer at a reference's surroundings). */
  sources: Map<string, string>;
  /** The parsed code (each file parsed once, here), for rules that follow a value to its declaration. */
  units: CodeUnit[];
  /** What the state transform moved (or could not move) per authorize call. */
  stateMoves: StateMove[];
}

export function scan(files: DiscoveredFile[], options: PlanOptions = FULL_PLAN): ScanResult {
  const parser = new Parser();
  const units: CodeUnit[] = [];
  const references: Reference[] = [];
  const parseErrors: ParseError[] = [];
  for (const file of files) {
    if (file.kind === 'non-code') {
      references.push(...scanNonCode(file.path, file.text));
      continue;
    }
    const lines = new LineIndex(file.text);
    const blocks =
      file.kind === 'embedded'
        ? extractScripts(file.text).map((b) => ({ ...b, ext: b.lang === 'ts' ? '.ts' : '.js' }))
        : [{ start: 0, content: file.text, ext: undefined }];
    if (file.kind === 'embedded') references.push(...scanNonCode(file.path, nonScriptText(file.text)));
    for (const block of blocks) {
      // The parser drops a BOM from its text; parse without it and shift offsets by one instead.
      const bom = block.content.startsWith('\uFEFF') ? 1 : 0;
      const sf = parser.parse(file.path, block.content.slice(bom), block.ext);
      const unit: CodeUnit = { file: file.path, sf, offset: block.start + bom, lines };
      const error = firstSyntaxError(unit);
      if (error) {
        parseErrors.push(error);
        references.push(...textOnlyReferences(unit));
      } else {
        units.push(unit);
        references.push(...commentReferences(unit));
      }
    }
  }
  const resolver = new Resolver(units);
  const evaluator = new Evaluator(resolver);
  const candidates = units.flatMap((unit) => collectRoots(unit, evaluator, resolver).flatMap(matchRoot));
  // Non-code files, comments and unparsable files of mobile code are kept on v1 too (planned code already knows).
  const platform = new PlatformDetector(options.platform ?? 'auto');
  const texts = new Map(files.map((f) => [f.path, f.text]));
  for (const ref of references) ref.mobile = platform.mobileReason(ref.file, texts.get(ref.file) ?? '');
  references.push(...planReferences(candidates, units, resolver, evaluator, options));
  references.sort((a, b) => a.file.localeCompare(b.file) || a.offset - b.offset);
  const result: ScanResult = { files: files.map((f) => f.path), references, parseErrors, sources: texts, units, stateMoves: [] };
  if (options.requestShape && options.stateTransform !== false) result.stateMoves = planStateMoves(result);
  return result;
}

/** A file that does not parse is never edited, but the v1 URLs in its text are still reported. */
function textOnlyReferences(unit: CodeUnit): Reference[] {
  return findTikTokUrls(unit.sf.text)
    .filter((m) => m.kind !== 'v2')
    .map((m) => {
      const offset = unit.offset + m.start;
      return {
        file: unit.file, offset, ...unit.lines.position(offset), kind: m.kind, endpoint: m.endpoint, where: 'code' as const,
        url: unit.sf.text.slice(m.start, m.end), edits: [], blocked: 'the file does not parse, so it was not changed',
      };
    });
}

/** v1 URLs in comments: reported for information, never changed. */
function commentReferences(unit: CodeUnit): Reference[] {
  const text = unit.sf.text;
  if (!/tiktok/i.test(text)) return [];
  const seen = new Set<number>();
  const out: Reference[] = [];
  const take = (ranges: ts.CommentRange[] | undefined) => {
    for (const r of ranges ?? []) {
      if (seen.has(r.pos)) continue;
      seen.add(r.pos);
      const comment = text.slice(r.pos, r.end);
      if (!/tiktok/i.test(comment)) continue;
      for (const m of findTikTokUrls(comment)) {
        if (m.kind === 'v2') continue;
        const offset = unit.offset + r.pos + m.start;
        out.push({
          file: unit.file, offset, ...unit.lines.position(offset), kind: m.kind, endpoint: m.endpoint, where: 'comment',
          url: comment.slice(m.start, m.end), edits: [],
        });
      }
    }
  };
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.JsxText) return;
    // Trivia at a position is split into "trailing" (same line) and "leading" (after a newline): take both.
    const at = ts.isJsxExpression(node) && !node.expression ? [node.pos, node.getStart(unit.sf) + 1] : [node.pos];
    for (const pos of at) {
      take(ts.getLeadingCommentRanges(text, pos));
      take(ts.getTrailingCommentRanges(text, pos));
    }
    take(ts.getTrailingCommentRanges(text, node.end));
    ts.forEachChild(node, visit);
  };
  visit(unit.sf);
  return out;
}
