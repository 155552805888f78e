// Flow-level links for mixed-token-use: which token endpoint's tokens (or authorize's code) reach which other
// endpoint, across modules. Each reference's HTTP calls are found by following its URL to the calls that send it;
// each token or refresh call's response is then followed to the calls it reaches (see token-flow-walk.ts); an
// authorize URL is tied to the code exchange that redeems its code by their shared redirect_uri or by the callback
// route its redirect_uri names (token-flow-authorize.ts). Only links between a v1 and a v2 end are returned.
import { ts } from 'ts-morph';
import type { Reference } from '../scan/types.js';
import { authorizeLinks } from './token-flow-authorize.js';
import type { CallLike, FlowProgram } from './token-flow-program.js';
import { calleeName } from './token-flow-nodes.js';
import { ValueWalk } from './token-flow-walk.js';
import { skipOuter } from '../scan/resolve.js';

/** One end of a flow: the reference, and the place (its HTTP call, or the URL) where the value leaves or arrives. */
export interface FlowEnd {
  ref: Reference;
  file: string;
  line: number;
}

export interface FlowLink {
  /** Where the tokens (or the code) come from. */
  from: FlowEnd;
  /** Where they go. */
  to: FlowEnd;
  what: 'tokens' | 'code';
  /** How they get there, for the message: "returned by exchangeCode(), passed to refreshTokens()". */
  how: string[];
}

/** Endpoints whose response hands out tokens. */
const OBTAIN = new Set(['token', 'refresh']);
/** Endpoints (and open-api data calls, `v1-unknown`) that take a token or a code. */
const USE = new Set(['token', 'refresh', 'revoke', 'user-info', 'video-list', 'video-query', 'share-video']);
/** URL sites: calls whose result is still the URL. */
const URL_WRAPPERS = new Set(['URL', 'String', 'encodeURI', 'format', 'toString']);

export function isV2Side(ref: Reference): boolean {
  return ref.kind === 'v2' || ref.kind === 'hybrid';
}

export function usesTokens(ref: Reference): boolean {
  return ref.kind === 'v1-unknown' || (!!ref.endpoint && USE.has(ref.endpoint));
}

/**
 * The v1<->v2 links among `refs` (web code of one module group), with `program` (the checker over the files of the
 * mixed groups); `env`: the values the `.env*` files give each variable.
 */
export function findFlowLinks(program: FlowProgram, refs: Reference[], env: Map<string, string[]>): FlowLink[] {
  const sites = new Map<Reference, CallLike[]>();
  for (const ref of refs) if (program.has(ref.file)) sites.set(ref, urlSites(program, ref));
  const useAt = new Map<ts.Node, Reference[]>();
  for (const [ref, calls] of sites) if (usesTokens(ref)) for (const call of calls) useAt.set(call, [...(useAt.get(call) ?? []), ref]);
  const links: FlowLink[] = [];
  const end = (ref: Reference, node?: ts.Node): FlowEnd => (node ? { ref, ...program.where(node) } : { ref, file: ref.file, line: ref.line });
  for (const [ref, calls] of sites) {
    if (!ref.endpoint || !OBTAIN.has(ref.endpoint)) continue;
    for (const call of calls) {
      for (const hit of tokenHits(program, call, useAt)) {
        for (const to of hit.refs) {
          if (to === ref || isV2Side(to) === isV2Side(ref)) continue;
          links.push({ from: end(ref, call), to: end(to, hit.call), what: 'tokens', how: hit.via });
        }
      }
    }
  }
  for (const link of authorizeLinks(program, refs, sites, env))
    links.push({ from: end(link.authorize), to: end(link.token, link.site), what: 'code', how: [link.how] });
  return links;
}

/** The calls a reference's URL is sent by (an HTTP client, or an app's own helper that is given the URL). */
function urlSites(program: FlowProgram, ref: Reference): CallLike[] {
  const start = startNode(program, ref);
  if (!start) return [];
  if (ts.isCallExpression(start)) return [start]; // an instance join: api.post('/oauth/…')
  const found: CallLike[] = [];
  const walk = new ValueWalk(program, (call) => {
    if (calleeName(call) && URL_WRAPPERS.has(calleeName(call)!)) return false;
    if (!found.includes(call)) found.push(call);
    return true;
  }, false);
  walk.run(start);
  return found;
}

/** The node that builds a reference's URL: its literal, or the join (`+`, template, new URL, {host, path}, call). */
function startNode(program: FlowProgram, ref: Reference): ts.Node | undefined {
  const inner = program.nodeAt(ref.file, ref.offset);
  if (!inner) return undefined;
  if (ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner)) return inner;
  if (ts.isTemplateHead(inner)) return inner.parent;
  if (ts.isTemplateMiddle(inner) || ts.isTemplateTail(inner)) return inner.parent.parent;
  const sf = inner.getSourceFile();
  const pos = inner.getStart(sf);
  let best: ts.Node | undefined;
  let call: ts.CallExpression | undefined;
  for (let n: ts.Node = inner; !ts.isSourceFile(n) && n.getStart(sf) === pos; n = n.parent) {
    if ((ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusToken) || ts.isTemplateExpression(n) ||
      ts.isNewExpression(n) || ts.isObjectLiteralExpression(n) || ts.isVariableDeclaration(n))
      best = n;
    if (!call && ts.isCallExpression(n)) call = n;
  }
  return best ?? call;
}

interface Hit {
  call: CallLike;
  refs: Reference[];
  via: string[];
}

/** The use calls a token call's response reaches (its value as an argument, or in a chained call's argument). */
function tokenHits(program: FlowProgram, site: CallLike, useAt: Map<ts.Node, Reference[]>): Hit[] {
  const hits: Hit[] = [];
  const walk = new ValueWalk(program, (call, item) => {
    for (let e: ts.Expression = call; ; ) {
      const refs = useAt.get(e);
      if (refs) {
        if (e !== site) hits.push({ call: e as CallLike, refs, via: item.via });
        return true;
      }
      const callee = skipOuter((e as CallLike).expression);
      if (!ts.isPropertyAccessExpression(callee)) return false;
      const inner = skipOuter(callee.expression);
      if (!ts.isCallExpression(inner) && !ts.isNewExpression(inner)) return false;
      e = inner; // superagent.post(URL).type('form').send({ refresh_token })
    }
  }, true);
  walk.run(site);
  return hits;
}
