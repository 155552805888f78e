// From a root's value to URL candidates: which endpoint it is, and which characters (in which literal, of which
// file) must change to make it v2. A change that would have to cut across pieces is refused, never guessed.
import { AUTH_HOST, endpointById, V2_API_HOST, type EndpointId } from '../endpoints.js';
import { findTikTokUrls, HOLE, matchV1Path, type UrlKind, type UrlMatch } from '../url-match.js';
import { flatten, type Piece, type TextPiece } from './evaluate.js';
import type { Root } from './roots.js';
import type { TransformId } from './types.js';

export interface PlannedEdit {
  file: string;
  start: number;
  end: number;
  old: string;
  text: string;
  /** The literal piece the edit sits in (for the "all uses seen" check). */
  piece: TextPiece;
}

export interface Candidate {
  root: Root;
  kind: UrlKind | 'v1-path';
  endpoint?: EndpointId;
  /** Flat offsets of the URL in the root's value. */
  start: number;
  end: number;
  /** The text after the URL up to the end of the value (query string, …), HOLE for runtime parts. */
  rest: string;
  url: string;
  transform?: TransformId;
  edits: PlannedEdit[];
  blocked?: string;
  /** Pieces this URL is made of: a literal that only ever appears inside joins is not reported on its own. */
  pieces: Piece[];
  /** True when it spans several pieces (a join): its literals count as consumed. */
  joined: boolean;
  /** Pieces used with a runtime counterpart: an edit in them would make the runtime URL a hybrid. */
  dynamicPieces: TextPiece[];
  /** Set by the request-shape step: the call's edits, its site and what could not be done. */
  shape?: {
    edits: PlannedEdit[];
    readEdits: PlannedEdit[];
    site?: import('./calls.js').CallSite;
    problem?: string;
    readProblems: import('./response-reads.js').ReadsResult['problems'];
    /** On a call already on v2: the problems its rewrite fixes. */
    fixed?: string[];
    /** Bodies wrapped as { data: … } by --compat-response. */
    wrapped?: import('./response-reads.js').ReadsResult['wrapped'];
  };
}

export function matchRoot(root: Root): Candidate[] {
  const flat = flatten(root.value.pieces);
  const out: Candidate[] = [];
  const piecesIn = (a: number, b: number): Piece[] => {
    const set = new Set<number>();
    for (let i = a; i < b; i++) set.add(flat.pieceAt[i]);
    return [...set].map((i) => root.value.pieces[i]);
  };
  const display = (a: number, b: number) => flat.text.slice(a, b).split(HOLE).join('${…}');

  for (const m of findTikTokUrls(flat.text)) {
    const pieces = piecesIn(m.start, Math.max(m.end, m.start + 1));
    const c: Candidate = {
      root, kind: m.kind, endpoint: m.endpoint, start: m.start, end: m.end, rest: flat.text.slice(m.end),
      url: display(m.start, m.end), edits: [], pieces, joined: pieces.length > 1, dynamicPieces: [],
    };
    if (m.kind === 'v1-dynamic') {
      c.blocked = 'the path is chosen at run time, so the endpoint (and its v2 host) cannot be known';
      c.dynamicPieces = pieces.filter((p): p is TextPiece => p.kind === 'text');
      c.joined = true;
    } else if (m.kind === 'v1' || m.kind === 'hybrid') {
      planUrlEdits(c, m, root.value.pieces, flat);
    } else if (m.kind === 'v1-unknown' && m.endpoint === 'authorize') {
      c.blocked = `TikTok never served ${m.path.text} (v1 was /auth/authorize/); the authorize URL is https://www.tiktok.com/v2/auth/authorize/`;
    } else if (m.kind === 'v1-unknown') {
      c.blocked = 'this open-api.tiktok.com path is not in the v1 -> v2 map; find its v2 successor in the TikTok API v2 docs';
    } else if (m.kind === 'v1-base') {
      c.blocked = 'a v1 base URL whose paths are not all visible here; change it together with the paths joined to it';
    }
    out.push(c);
  }

  // A v1 path with no host in the value: at the start (a path constant) or after a runtime part (`${base}/oauth/…`).
  const starts = [0];
  for (let i = flat.text.indexOf(HOLE); i >= 0; i = flat.text.indexOf(HOLE, i + 1)) starts.push(i + 1);
  for (const at of starts) {
    const pm = matchV1Path(flat.text.slice(at));
    if (!pm || out.some((c) => c.start <= at && at < c.end)) continue;
    const pieces = piecesIn(at, at + pm.path.end);
    const afterHole = at > 0;
    out.push({
      root, kind: 'v1-path', endpoint: pm.endpoint, start: at, end: at + pm.path.end, rest: flat.text.slice(at + pm.path.end),
      url: display(afterHole ? at - 1 : at, at + pm.path.end), edits: [], pieces, joined: afterHole,
      dynamicPieces: afterHole ? pieces.filter((p): p is TextPiece => p.kind === 'text') : [],
      blocked: afterHole
        ? 'the host is chosen at run time; make it https://open.tiktokapis.com and the path its v2 successor together'
        : 'a v1 path with no host in sight; change it together with the base URL it is joined to',
    });
  }
  return out;
}

/** Scheme, host and path edits for a v1/hybrid URL; each must sit inside one literal piece. */
function planUrlEdits(c: Candidate, m: UrlMatch, pieces: Piece[], flat: ReturnType<typeof flatten>): void {
  const endpoint = m.endpoint ? endpointById(m.endpoint) : undefined;
  let host: string;
  let path: string;
  if (m.kind === 'hybrid') {
    host = m.endpoint === 'authorize' ? AUTH_HOST : V2_API_HOST;
    path = m.path.text;
    c.transform = 'hybrid-host';
  } else {
    if (!endpoint?.v2 || !endpoint.transform) {
      c.blocked = endpoint?.v2
        ? `the v2 ${endpoint.purpose} call also changes method, headers and body`
        : 'there is no 1:1 v2 successor';
      return;
    }
    host = endpoint.v2.host;
    path = endpoint.v2.path;
    c.transform = endpoint.transform;
  }
  const wanted: [number, number, string][] = [];
  if (/^http:/i.test(m.prefix.text)) wanted.push([m.prefix.start, m.prefix.start + 5, 'https:']);
  if (m.host.text.toLowerCase() !== host) wanted.push([m.host.start, m.host.end, host]);
  if (m.path.text !== path && !(m.kind === 'hybrid')) wanted.push([m.path.start, m.path.end, path]);
  for (const [a, b, text] of wanted) {
    const edit = mapEdit(a, b, text, pieces, flat);
    if (!edit) {
      c.blocked = 'the URL is split across pieces in a way that cannot be rewritten safely';
      c.edits = [];
      return;
    }
    c.edits.push(edit);
  }
}

function mapEdit(a: number, b: number, text: string, pieces: Piece[], flat: ReturnType<typeof flatten>): PlannedEdit | null {
  if (b <= a) return null;
  const index = flat.pieceAt[a];
  if (flat.pieceAt[b - 1] !== index) return null;
  const piece = pieces[index];
  if (piece.kind !== 'text' || piece.start === null) return null;
  const start = piece.start + flat.offsetAt[a];
  return { file: piece.unit.file, start, end: start + (b - a), old: flat.text.slice(a, b), text, piece };
}
