// The transform step: runs the transforms in transforms/ in-process on the files that need them, in a fixed order,
// then re-parses each result. An output that would not parse is dropped and reported, never written.
import authorizeUrl from '../transforms/authorize-url.js';
import hybridHost from '../transforms/hybrid-host.js';
import redirectState from '../transforms/redirect-state.js';
import revokeUrl from '../transforms/revoke-url.js';
import tokenRequest from '../transforms/token-request.js';
import tokenResponse from '../transforms/token-response.js';
import tokenUrl from '../transforms/token-url.js';
import userInfo from '../transforms/user-info.js';
import { fileKind } from './discover.js';
import { extractScripts } from './scan/embedded.js';
import { Parser, syntaxErrorCount } from './scan/parse.js';
import type { Edit, Reference, TransformId } from './scan/types.js';
import { composeNested, rebase, uniqueEdits, type FileInfo, type UrlTransformOptions } from './transform-edits.js';

type Transform = (file: FileInfo, api: unknown, options: UrlTransformOptions) => string | undefined;

/** Order matters only for reading the report: host fixes first, then endpoint by endpoint. */
export const TRANSFORMS: readonly [TransformId, Transform][] = [
  ['hybrid-host', hybridHost],
  ['authorize-url', authorizeUrl],
  ['token-url', tokenUrl],
  ['revoke-url', revokeUrl],
  ['token-request', tokenRequest],
  ['token-response', tokenResponse],
  ['user-info', userInfo],
  ['redirect-state', redirectState],
];

export interface FileChange {
  file: string;
  before: string;
  after: string;
  transforms: TransformId[];
}

export interface TransformFailure {
  file: string;
  message: string;
}

export function transformFiles(
  references: readonly Reference[],
  textOf: (file: string) => string,
): { changes: FileChange[]; failures: TransformFailure[] } {
  const byFile = new Map<string, Edit[]>();
  for (const ref of references) for (const e of ref.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  const parser = new Parser();
  const changes: FileChange[] = [];
  const failures: TransformFailure[] = [];
  for (const [file, planned] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    const before = textOf(file);
    const edits = composeNested(uniqueEdits(planned), before);
    let source = before;
    const applied: Edit[] = [];
    const used: TransformId[] = [];
    try {
      for (const [id, transform] of TRANSFORMS) {
        const mine = edits.filter((e) => e.transform === id);
        if (mine.length === 0) continue;
        const out = transform({ path: file, source }, {}, { edits: rebase(mine, applied) });
        applied.push(...mine);
        if (out !== undefined && out !== source) {
          source = out;
          used.push(id);
        }
      }
    } catch (error) {
      failures.push({ file, message: `a transform failed: ${(error as Error).message}` });
      continue;
    }
    if (source === before) continue;
    // The original is parsed again only when the result has syntax errors (then it may have had them too).
    const after = parseErrors(parser, file, source);
    if (after > 0 && after > parseErrors(parser, file, before)) {
      failures.push({ file, message: 'the rewritten file would not parse, so it was not changed' });
      continue;
    }
    changes.push({ file, before, after: source, transforms: used });
  }
  return { changes, failures };
}

function parseErrors(parser: Parser, file: string, text: string): number {
  if (fileKind(file) === 'embedded')
    return extractScripts(text).reduce((n, b) => n + syntaxErrorCount(parser.parse(file, b.content, b.lang === 'ts' ? '.ts' : '.js')), 0);
  return syntaxErrorCount(parser.parse(file, text));
}
