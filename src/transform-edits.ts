// What every URL transform in transforms/ shares: take the scanner's edits for one transform (passed in by the tool,
// or planned here by scanning the one file when jscodeshift runs the transform on its own) and splice them in.
// Splicing keeps every other byte (quotes, comments, CRLF, BOM) exactly as it was, which reprinting would not.
import fs from 'node:fs';
import path from 'node:path';
import { fileKind } from './discover.js';
import { scan } from './scan/scan.js';
import { CALL_TRANSFORMS, FULL_PLAN, type Edit, type TransformId } from './scan/types.js';

export interface FileInfo {
  path: string;
  source: string;
}

export interface UrlTransformOptions {
  /** Edits planned by a whole-project scan, in the coordinates of `file.source`. */
  edits?: Edit[];
  [option: string]: unknown;
}

/** A jscodeshift transform for one migration step. Returns undefined when the file does not change. */
export function urlTransform(id: TransformId) {
  return function transformer(file: FileInfo, _api: unknown, options: UrlTransformOptions = {}): string | undefined {
    const planned = options.edits ?? planFile(file, id, options.dry === true);
    const edits = planned.filter((e) => e.transform === id);
    if (edits.length === 0) return undefined;
    return applyEdits(file.source, edits);
  };
}

/** Standalone use: the edits a scan of this one file plans (cross-module joins need the whole-project run). A URL
 * transform plans URLs only; the request transforms plan the whole call. */
function planFile(file: FileInfo, id: TransformId, dry: boolean): Edit[] {
  const abs = path.resolve(file.path);
  const kind = fileKind(abs) ?? 'code';
  if (kind === 'non-code') return [];
  const options = CALL_TRANSFORMS.includes(id) || id === 'redirect-state' ? FULL_PLAN : { ...FULL_PLAN, requestShape: false };
  const edits = scan([{ path: abs, kind, text: file.source }], options).references.flatMap((r) => r.edits);
  // jscodeshift hands a transform one file: a module the step adds (the state helper) is written here, unless --dry.
  for (const e of edits)
    if (e.transform === id && e.file !== abs && e.old === '' && e.start === 0 && !dry && !fs.existsSync(e.file)) fs.writeFileSync(e.file, e.text);
  return edits.filter((e) => e.file === abs);
}

/** Applies non-overlapping edits; each must still find the text it expects. The same edit reached by two
 * references (a base shared by several URLs) is applied once. */
export function applyEdits(source: string, edits: readonly Edit[]): string {
  const sorted = uniqueEdits(edits).sort((a, b) => b.start - a.start || b.end - a.end);
  let out = source;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.end > limit) throw new Error(`overlapping edits at offset ${e.start}`);
    if (out.slice(e.start, e.end) !== e.old)
      throw new Error(`stale edit at offset ${e.start}: expected ${JSON.stringify(e.old)}`);
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    limit = e.start;
  }
  return out;
}

/** Moves edits planned against the original text past the edits already applied before them. */
export function rebase(edits: readonly Edit[], applied: readonly Edit[]): Edit[] {
  return edits.map((e) => {
    let shift = 0;
    for (const a of applied) if (a !== e && a.end <= e.start) shift += a.text.length - (a.end - a.start);
    return { ...e, start: e.start + shift, end: e.end + shift };
  });
}

/** The same edit reached by two references (a base shared by several URLs) counts once. */
export function uniqueEdits(edits: readonly Edit[]): Edit[] {
  return [...new Map(edits.map((e) => [`${e.start}:${e.end}:${e.text}`, e])).values()];
}

/**
 * An edit inside a larger one of another step (`t.data.access_token` -> `t.access_token` inside a user info call that
 * is rebuilt with that same expression as its Bearer token) is folded into the larger one, so neither goes stale:
 * the inner edit, widened to the whole name chain around it, must appear exactly once in the larger edit's old and
 * new text. Edits that cannot be folded are kept as they are (applying them then fails, and the file is reported).
 */
export function composeNested(edits: readonly Edit[], source: string): Edit[] {
  const out = [...edits];
  for (const inner of edits) {
    const outerAt = out.findIndex((o) => o !== inner && o.transform !== inner.transform && o.start <= inner.start && inner.end <= o.end && o.end - o.start > inner.end - inner.start);
    if (outerAt < 0) continue;
    const outer = out[outerAt];
    let from = inner.start;
    let to = inner.end;
    while (from > outer.start && /[\w$.?]/.test(source[from - 1])) from--;
    while (to < outer.end && /[\w$]/.test(source[to])) to++;
    const oldChain = source.slice(from, to);
    const newChain = source.slice(from, inner.start) + inner.text + source.slice(inner.end, to);
    if (count(outer.old, oldChain) !== 1 || count(outer.text, oldChain) !== 1) continue;
    out[outerAt] = { ...outer, text: outer.text.replace(oldChain, () => newChain) };
    out.splice(out.indexOf(inner), 1);
  }
  return out;
}

function count(text: string, part: string): number {
  return part === '' ? 0 : text.split(part).length - 1;
}
