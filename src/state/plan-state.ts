// The state transform (an unsafe fix: it changes what the app sends and reads). For each authorize URL whose
// redirect URI carries a query string written in the code: cut the query off where it is written, pack its
// parameters into state with the anti-forgery value, add the helper module once, and, where the callback handler
// can be found with confidence, read state through the helper there. What cannot be done is said, never guessed.
import path from 'node:path';
import fs from 'node:fs';
import { lookupFor, paramOf, type OAuthLookup } from '../rules/oauth-lookup.js';
import { browserReason } from '../scan/browser-code.js';
import type { PlannedEdit } from '../scan/match.js';
import type { CodeUnit } from '../scan/parse.js';
import type { ScanResult } from '../scan/scan.js';
import type { Edit, Reference } from '../scan/types.js';
import { findCallback } from './callback-find.js';
import { declaresName, rewriteCallback, STATE_VAR, isReturnPath } from './callback-rewrite.js';
import { helperPlace, importEdit, secretIn } from './helper-imports.js';
import { helperSource } from './helper-module.js';
import { findQueryCut, type MovedParam, type QueryCut } from './redirect-query.js';
import { packState } from './state-param.js';
import { identity, sameSecret } from './secret-match.js';

/** What the state transform did (or could not do) for one authorize call: the report lists these apart. */
export interface StateMove {
  ref: Reference;
  /** The parameters moved from the redirect URI into state. */
  params: string[];
  /** Set when nothing was changed: why. */
  blocked?: string;
  /** The callback handler rewritten to read state, e.g. "GET /auth/callback in server.js". */
  callback?: string;
  /** Why the callback was not rewritten (then `callbackCode` is the code it needs). */
  callbackProblem?: string;
  callbackCode?: string;
  /** Moved parameters the rewritten callback never reads. */
  unread?: string[];
  /** Absolute path of the helper module (created by this run, or already there). */
  helper?: string;
  /** False when the authorize URL sent no state: the nonce is new and nothing checks it. */
  hadState?: boolean;
}

export function planStateMoves(scan: ScanResult): StateMove[] {
  const lookup = lookupFor(scan);
  const moves: StateMove[] = [];
  const imports = new Map<string, { unit: CodeUnit; names: Set<string>; helper: string; ref: Reference }>();
  const helpers = new Map<string, { edit: Edit; ref: Reference }>();
  const cutKeys = new Set<string>();
  const exchanges = exchangesOf(scan);
  for (const ref of scan.references.filter((r) => r.where === 'code' && !r.mobile && r.endpoint === 'authorize')) {
    const redirect = paramOf(ref, 'redirect_uri');
    const cut = redirect ? safely(() => findQueryCut(lookup, ref, redirect)) : undefined;
    if (!redirect || !cut) continue;
    if ('problem' in cut) {
      moves.push({ ref, params: [], blocked: cut.problem });
      continue;
    }
    let planned: Planned;
    try {
      planned = planOne(lookup, scan, ref, cut, exchanges);
    } catch (error) {
      // A shape the planner did not expect: nothing is changed for this call, and the report says so.
      planned = { move: { ref, params: cut.params.map((p) => p.key), blocked: `the tool could not plan it (${(error as Error).message})` }, needs: new Map() };
    }
    moves.push(planned.move);
    if (planned.move.blocked) continue;
    cutKeys.add(cut.key);
    for (const [file, names] of planned.needs) {
      const entry = imports.get(file) ?? { unit: lookup.unitsOf(file)[0], names: new Set<string>(), helper: planned.move.helper!, ref };
      for (const n of names) entry.names.add(n);
      imports.set(file, entry);
    }
    if (planned.created) helpers.set(planned.created.file, { edit: planned.created, ref });
  }
  for (const entry of imports.values()) entry.ref.edits.push(toEdit(importEdit(entry.unit, [...entry.names].sort(), entry.helper)));
  for (const { edit, ref } of helpers.values()) ref.edits.push(edit);
  // A token request sending the same redirect URI with its query (built apart from the authorize one) is cut too,
  // once an authorize call of the project moved its parameters (alone, the token side is only reported).
  if (!moves.some((m) => !m.blocked)) return moves;
  for (const ref of scan.references.filter((r) => r.where === 'code' && !r.mobile && r.endpoint === 'token')) {
    const redirect = paramOf(ref, 'redirect_uri');
    const cut = redirect ? safely(() => findQueryCut(lookup, ref, redirect)) : undefined;
    if (!cut || 'problem' in cut || cutKeys.has(cut.key) || overlaps([cut.edit], scan.references)) continue;
    cutKeys.add(cut.key);
    ref.edits.push(toEdit(cut.edit));
  }
  return moves;
}

function safely<T>(find: () => T | { problem: string } | undefined): T | { problem: string } | undefined {
  try {
    return find();
  } catch (error) {
    return { problem: `the tool could not read the redirect URI (${(error as Error).message})` };
  }
}

interface Planned {
  move: StateMove;
  /** Helper functions each file now calls (one import per file, made once every move is planned). */
  needs: Map<string, Set<string>>;
  /** The helper module, when this run creates it. */
  created?: Edit;
}

function planOne(lookup: OAuthLookup, scan: ScanResult, ref: Reference, cut: QueryCut, exchanges: Map<string, number[]>): Planned {
  const params = cut.params.map((p) => p.key);
  const needs = new Map<string, Set<string>>();
  const fail = (blocked: string): Planned => ({ move: { ref, params, blocked }, needs: new Map() });
  const unit = lookup.unitAt(ref.file, ref.offset);
  if (!unit) return fail('the authorize code could not be read');
  const browser = browserReason(unit);
  if (browser) return fail(`the authorize URL is built in browser code (${browser}), where no server-side secret can sign state; build it on the server`);
  const move: StateMove = { ref, params };
  const edits: PlannedEdit[] = [cut.edit];
  const need = (file: string, names: string[]) => needs.set(file, new Set([...(needs.get(file) ?? []), ...names]));
  const importers = [unit];
  if (cut.params.length > 0) {
    const handler = findCallback(scan.units, cut.path, exchanges);
    const secret = secretIn(unit) ?? secretFromElsewhere(lookup, exchanges, 'problem' in handler ? undefined : handler.unit);
    if (!secret) return fail('no server-side secret (such as the client secret) is in reach of the authorize code to sign state with');
    const state = packState(lookup, ref, paramOf(ref, 'redirect_uri')!, (nonce) => `encodeState(${nonce}, ${printParams(cut.params)}, ${secret})`);
    if ('problem' in state) return fail(state.problem);
    edits.push(state.edit);
    need(unit.file, state.hadState ? ['encodeState'] : ['encodeState', 'createNonce']);
    move.hadState = state.hadState;
    const callbackSecret = 'problem' in handler ? undefined : sameSecret(lookup, unit, secret, handler.unit, secretIn(handler.unit));
    const rewritten = 'problem' in handler ? handler
      : callbackSecret ? rewriteCallback(handler, cut.params, callbackSecret, state.hadState)
      : { problem: "the callback has no server-side secret in reach that is surely the authorize side's" };
    if ('problem' in rewritten || 'problem' in handler) {
      move.callbackProblem = 'problem' in rewritten ? rewritten.problem : '';
      move.callbackCode = callbackCode(cut.params, secret);
    } else {
      edits.push(...rewritten.edits);
      need(handler.unit.file, rewritten.uses);
      if (handler.unit.file !== unit.file) importers.push(handler.unit);
      move.callback = handler.describe;
      move.unread = rewritten.unread;
    }
  }
  if (overlaps(edits, scan.references)) return fail('another change to the same code is planned; move the parameters by hand');
  let created: Edit | undefined;
  if (needs.size > 0) {
    const place = helperPlace(importers);
    if ('problem' in place) return fail(place.problem);
    for (const [file, names] of needs) if (clashes(lookup.unitsOf(file)[0], [...names])) return fail(`${path.basename(file)} already has a name the helper uses (${[...names].join(', ')})`);
    if (fs.existsSync(place.file)) {
      if (!/\breadState\b/.test(fs.readFileSync(place.file, 'utf8'))) return fail(`${place.file} exists and is not tiktok-migrate's state helper`);
    } else {
      const eol = unit.sf.text.includes('\r\n') ? '\r\n' : '\n';
      created = { file: place.file, start: 0, end: 0, old: '', text: helperSource(place.format).replace(/\n/g, eol), transform: 'redirect-state' };
    }
    move.helper = place.file;
  }
  ref.edits.push(...edits.map(toEdit));
  return { move, needs, created };
}

/**
 * The authorize module names no secret: an environment variable holding one, read by the callback or by the code
 * exchange, reads the same on the whole server (`process.env.TIKTOK_CLIENT_SECRET`).
 */
function secretFromElsewhere(lookup: OAuthLookup, exchanges: Map<string, number[]>, callback: CodeUnit | undefined): string | undefined {
  const exchanging = [...exchanges.keys()].flatMap((f) => lookup.unitsOf(f));
  for (const unit of [...(callback ? [callback] : []), ...exchanging]) {
    const code = secretIn(unit);
    const id = code ? identity(lookup, unit, code) : undefined;
    if (id?.startsWith('env:')) return `process.env.${id.slice(4)}`;
  }
  return undefined;
}

/** Where the code is exchanged (token calls in web code), by file: the callback is the route around one. */
function exchangesOf(scan: ScanResult): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const r of scan.references)
    if (r.endpoint === 'token' && r.where === 'code' && !r.mobile) out.set(r.file, [...(out.get(r.file) ?? []), r.offset]);
  return out;
}

/** `{ next: returnTo, src: 'login' }`, shorthand where the value is the name. */
function printParams(params: MovedParam[]): string {
  const items = params.map((p) => {
    const key = /^[A-Za-z_$][\w$]*$/.test(p.key) ? p.key : `'${p.key}'`;
    return key === p.code ? key : `${key}: ${p.code}`;
  });
  return `{ ${items.join(', ')} }`;
}

/** The code a callback needs when the tool could not rewrite it (for the manual step). */
function callbackCode(params: MovedParam[], secret: string): string {
  const reads = params.map(({ key, code }) => (isReturnPath(key, code) ? `safeReturnPath(${STATE_VAR}.params.${key})` : `${STATE_VAR}.params.${key}`));
  return `const ${STATE_VAR} = readState(req.query.state, ${secret}); compare ${STATE_VAR}.nonce (not state) with the value kept at login; ` +
    `then read ${reads.join(', ')} instead of the query`;
}

/** A name the import would bring in is already used in the file (a re-run finds its own import and stops here too). */
function clashes(unit: CodeUnit | undefined, names: string[]): boolean {
  if (!unit) return true;
  return names.some((n) => declaresName(unit.sf, n));
}

function overlaps(edits: PlannedEdit[], refs: readonly Reference[]): boolean {
  const planned = refs.flatMap((r) => r.edits);
  const same = (p: Edit, e: PlannedEdit) => p.start === e.start && p.end === e.end && p.text === e.text;
  return edits.some((e) => planned.some((p) => p.file === e.file && p.start < e.end && e.start < p.end && !same(p, e)));
}

function toEdit(e: PlannedEdit): Edit {
  return { file: e.file, start: e.start, end: e.end, old: e.old, text: e.text, transform: 'redirect-state' };
}
