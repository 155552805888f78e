// Facts the scanner hands to the rules and the transforms. Offsets are UTF-16 offsets into the file's text as read
// (a BOM, when present, is offset 0).
import type { EndpointId, TransformName } from '../endpoints.js';
import type { UrlKind } from '../url-match.js';

export type TransformId = TransformName | 'hybrid-host' | 'token-request' | 'token-response' | 'redirect-state';

/** Transforms that need the whole call (the request transforms); the others are URL rewrites. */
export const CALL_TRANSFORMS: readonly TransformId[] = ['token-request', 'token-response', 'user-info'];

/** Which steps a scan plans: the URL rewrites only (a URL transform run alone), or the whole migration. */
export interface PlanOptions {
  requestShape: boolean;
  /** Which code is mobile (kept on v1, reported): detected (auto), or all web / all mobile. */
  platform?: import('./platform.js').Platform;
  /** Wrap an escaping v1-shaped response as { data: … } instead of only reporting it. */
  compatResponse: boolean;
  /** Move redirect URI query parameters into state (an unsafe fix, on unless turned off; whole-project runs only). */
  stateTransform?: boolean;
}

export const FULL_PLAN: PlanOptions = { requestShape: true, compatResponse: false };

/** Something a person must still change about a call, at a place in a file. */
export interface CallProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Replace file text [start, end) (which must still read `old`) with `text`. */
export interface Edit {
  file: string;
  start: number;
  end: number;
  old: string;
  text: string;
  transform: TransformId;
}

export type ReferenceWhere = 'code' | 'comment' | 'non-code';

export interface Reference {
  /** Absolute path. */
  file: string;
  /** Offset of the reference in the file (where a person should look). */
  offset: number;
  line: number;
  column: number;
  kind: UrlKind | 'v1-path';
  endpoint?: EndpointId;
  where: ReferenceWhere;
  /** The URL as the code builds it, with ${…} for runtime parts. */
  url: string;
  /** The text edits that migrate it; empty when it cannot be rewritten safely. */
  edits: Edit[];
  /** Why it is not rewritten, when it is v1 and `edits` is empty. */
  blocked?: string;
  /** The HTTP call that sends it, when found: its client, and why its request was not reshaped for v2. */
  call?: { client: string; line: number; column: number; shapeProblem?: string; fixed?: string[]; readsFixed?: number };
  /** Reads of the response still in the v1 shape that were not rewritten. */
  responseProblems?: CallProblem[];
  /** Bodies wrapped as { data: … } by --compat-response (an unsafe fix). */
  responseWrapped?: CallProblem[];
  /** Why this is mobile code, which keeps v1 (never rewritten). */
  mobile?: string;
  /** The query parameters the URL is built with, as code, with their text when it is known statically. */
  params?: { key: string; value: string; static?: string }[];
}

export interface ParseError {
  file: string;
  line: number;
  column: number;
  message: string;
}
