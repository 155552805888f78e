// Redirect URIs (spec section 4): every value the code sends as `redirect_uri` (known statically, or read from a
// `.env*` file), plus the `.env*` lines that configure one, each with what v2 would reject about it. The report lists
// them under "Redirect URIs to register"; the redirect-uri-* rules judge the same values at the code using them.
import path from 'node:path';
import type { RedirectUriEntry } from './report/model.js';
import { relativeFile } from './rules/reference-finding.js';
import { isEnvFile, isNameLike, lookupFor, paramOf, webCodeReferences, type OAuthLookup, type Param, type Shape } from './rules/oauth-lookup.js';
import type { ScanResult } from './scan/scan.js';
import type { Reference } from './scan/types.js';

/** v2 allows at most this many redirect URIs per app (spec section 4). */
export const MAX_REDIRECT_URIS = 10;
/** Each must be under this many characters (spec section 4). */
export const MAX_REDIRECT_URI_LENGTH = 512;

/** A redirect URI value whose text is known, and where that text came from. */
export interface KnownRedirect {
  value: string;
  /** For messages: "from REDIRECT_URI at src/config.ts:3", "from TIKTOK_REDIRECT_URI in .env:3", "written in the code". */
  origin: string;
  /** Where the value is written (absolute file), for the list of URIs to register. */
  file: string;
  line: number;
}

export interface RedirectFacts {
  known: KnownRedirect[];
  /** Names of the query parameters in a value whose static part has a '?' (the rest built at run time). */
  partialQuery?: string[];
}

/** The query parameter names of a redirect URI with a query string, or undefined when it has none. */
export function queryNames(value: string): string[] | undefined {
  const q = value.split('#')[0].indexOf('?');
  if (q < 0) return undefined;
  return namesIn(value.split('#')[0].slice(q + 1));
}

/** Parameter names of a query string; '\0' marks a part known only at run time. */
function namesIn(query: string): string[] {
  const names = query.split('&').map((pair) => pair.split('=')[0]).filter((n) => n !== '' && !n.includes('\0'));
  return [...new Set(names.map((n) => safeDecode(n)))];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** What v2 rejects about a redirect URI, apart from a query string (redirect-uri-invalid). Short phrases. */
export function invalidProblems(value: string): string[] {
  const problems: string[] = [];
  const absolute = /^[a-z][a-z\d+.-]*:\/\//i.test(value);
  if (!absolute) problems.push('not absolute');
  else if (!/^https:/i.test(value)) problems.push(`not https (${value.slice(0, value.indexOf(':') + 1).toLowerCase()})`);
  if (value.length >= MAX_REDIRECT_URI_LENGTH) problems.push(`${value.length} characters (must be under ${MAX_REDIRECT_URI_LENGTH})`);
  if (value.includes('#')) problems.push('has a #fragment');
  const host = hostOf(value);
  if (host && isLocalHost(host)) problems.push(`on ${host} (localhost is for desktop apps, not web)`);
  return problems;
}

/** The query-string problem of a redirect URI (redirect-uri-query), as a short phrase. */
export function queryProblem(value: string): string | undefined {
  const names = queryNames(value);
  if (!names) return undefined;
  return names.length > 0 ? `has a query string (${names.join(', ')}): carry it in state` : 'has a query string: remove it';
}

/** Every problem of a redirect URI, for the report's list. */
export function redirectUriProblems(value: string): string[] {
  const query = queryProblem(value);
  return [...(query ? [query] : []), ...invalidProblems(value)];
}

function hostOf(value: string): string | undefined {
  const m = /^(?:[a-z][a-z\d+.-]*:)?\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(value);
  return m ? m[1].toLowerCase() : undefined;
}

function isLocalHost(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]' || host === '0.0.0.0';
}

/**
 * The redirect_uri of a reference, as far as it is known: its static text, or each `.env*` value of the variable it
 * reads (one per .env file defining it); and, for a value built partly at run time, the parameter names of its static
 * query string.
 */
export function redirectFacts(lookup: OAuthLookup, ref: Reference, param: Param, cwd: string): RedirectFacts {
  if (param.static !== undefined) {
    if (param.static.trim() === '') return { known: [] };
    // Known already; follow the name only to say where it is declared.
    const site = isNameLike(param.value) ? lookup.site(ref, param) : undefined;
    const shape = site ? lookup.shapes(site.unit, site.node).find((s) => s.via.length > 0 && s.parts.every((p) => p.kind === 'text') && textOf(s) === param.static) : undefined;
    const at = shape?.via[shape.via.length - 1];
    if (shape && at) return { known: [{ value: param.static, origin: `from ${viaText(shape, cwd)}`, file: at.file, line: at.line }] };
    return { known: [{ value: param.static, origin: isNameLike(param.value) ? `from ${param.value}` : 'written in the code', file: ref.file, line: ref.line }] };
  }
  const site = lookup.valueOf(ref, param);
  if (!site) return { known: [] };
  const facts: RedirectFacts = { known: [] };
  for (const shape of lookup.shapes(site.unit, site.node)) {
    const via = viaText(shape, cwd);
    const at = shape.via[shape.via.length - 1] ?? { file: ref.file, line: ref.line };
    if (shape.parts.every((p) => p.kind === 'text')) {
      // An empty fallback (`process.env.X ?? ''`) is no value at all: nothing to judge or register.
      if (textOf(shape).trim() !== '')
        facts.known.push({ value: textOf(shape), origin: via ? `from ${via}` : 'written in the code', file: at.file, line: at.line });
      continue;
    }
    let substituted = false;
    if (!shape.parts.some((p) => p.kind === 'hole')) {
      for (const fromEnv of withEnv(lookup, shape, cwd)) {
        facts.known.push(fromEnv);
        substituted = true;
      }
    }
    if (!substituted) {
      const flat = shape.parts.map((p) => (p.kind === 'text' ? p.text : '\0')).join('').split('#')[0];
      const q = flat.indexOf('?');
      // Only a '?' in known text counts; the names are those spelled out in known text.
      if (q >= 0) facts.partialQuery = [...new Set([...(facts.partialQuery ?? []), ...namesIn(flat.slice(q + 1))])];
    }
  }
  return facts;
}

/** "REDIRECT_URI (src/config.ts:3)": the names followed to the value, for a message. */
function viaText(shape: Shape, cwd: string): string {
  return shape.via.map((v) => `${v.name} at ${relativeFile(cwd, v.file)}:${v.line}`).join(' -> ');
}

function textOf(shape: Shape): string {
  return shape.parts.map((p) => (p.kind === 'text' ? p.text : '')).join('');
}

/**
 * The value with its env parts read from each `.env*` file that defines every one of them. Only the `.env*` files in
 * the folder of the code reading the variable or above it count (dotenv and the frameworks load them from the package
 * root): another package's .env configures another app.
 */
function withEnv(lookup: OAuthLookup, shape: Shape, cwd: string): KnownRedirect[] {
  const reads = shape.parts.flatMap((p) => (p.kind === 'env' ? [p] : []));
  const names = [...new Set(reads.map((p) => p.name))];
  const env = lookup.env();
  const applies = (envFile: string, name: string) => reads.some((r) => r.name === name && isAbove(path.dirname(envFile), r.file));
  const files = [...new Set(names.flatMap((n) => (env.get(n) ?? []).filter((l) => applies(l.file, n)).map((l) => l.file)))];
  const out: KnownRedirect[] = [];
  for (const file of files) {
    const lines = names.map((n) => (env.get(n) ?? []).filter((l) => l.file === file && l.value !== '').pop());
    if (lines.some((l) => l === undefined)) continue;
    const value = shape.parts.map((p) => (p.kind === 'text' ? p.text : lines[names.indexOf((p as { name: string }).name)]!.value)).join('');
    if (/\$\{?\w/.test(value)) continue; // variable expansion: not known
    const first = lines[0]!;
    const where = lines.map((l) => `${l!.key} in ${relativeFile(cwd, l!.file)}:${l!.line}`).join(' and ');
    out.push({ value, origin: `from ${where}`, file: first.file, line: first.line });
  }
  return out;
}

const REDIRECT_KEY = /REDIRECT|CALLBACK/i;
const SECRET_KEY = /SECRET|TOKEN|PASSWORD|PRIVATE/i;

/**
 * Every redirect URI of the project, after migration (v2 keeps them as they are): the redirect_uri values of the
 * authorize and token calls that are known statically or through a `.env*` file, and the `.env*` lines whose key
 * names a redirect or callback URL. One entry per value (its first location), with its problems; mobile code is left
 * out. Sorted by file and line.
 */
export function collectRedirectUris(scan: ScanResult, cwd: string): RedirectUriEntry[] {
  const lookup = lookupFor(scan);
  const found: { value: string; file: string; line: number }[] = [];
  // After migration: a query the state transform moved into state is no longer part of the URI.
  const moved = new Set(scan.stateMoves.filter((m) => !m.blocked).map((m) => m.ref));
  const cut = (ref: Reference) => moved.has(ref) || ref.edits.some((e) => e.transform === 'redirect-state' && e.old.includes('?'));
  for (const ref of webCodeReferences(scan, ['authorize', 'token'])) {
    const param = paramOf(ref, 'redirect_uri');
    if (!param) continue;
    for (const k of redirectFacts(lookup, ref, param, cwd).known)
      found.push({ value: cut(ref) ? k.value.replace(/\?[^#]*/, '') : k.value, file: k.file, line: k.line });
  }
  const mobileDirs = mobileFolders(scan);
  for (const lines of lookup.env().values())
    for (const l of lines) {
      if (!REDIRECT_KEY.test(l.key) || SECRET_KEY.test(l.key) || !looksLikeUrl(l.value)) continue;
      if (mobileDirs.some((d) => l.file.startsWith(d + path.sep))) continue;
      found.push({ value: l.value, file: l.file, line: l.line });
    }
  const entries = found
    .map((f) => ({ ...f, file: relativeFile(cwd, f.file) }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.value.localeCompare(b.value));
  const seen = new Set<string>();
  const out: RedirectUriEntry[] = [];
  for (const e of entries) {
    if (seen.has(e.value)) continue;
    seen.add(e.value);
    out.push({ value: e.value, file: e.file, line: e.line, problems: redirectUriProblems(e.value) });
  }
  return out;
}

function isAbove(dir: string, file: string): boolean {
  return file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
}

function looksLikeUrl(value: string): boolean {
  return /^(?:[a-z][a-z\d+.-]*:)?\/\/[^\s/]+/i.test(value) && !/\s/.test(value);
}

/**
 * Folders whose code is all mobile (a .env there configures the mobile app): the folder of each `.env*` file whose
 * own references are mobile, or under which every code reference is mobile.
 */
function mobileFolders(scan: ScanResult): string[] {
  const out: string[] = [];
  for (const file of scan.sources.keys()) {
    if (!isEnvFile(file)) continue;
    const dir = path.dirname(file);
    const own = scan.references.filter((r) => r.file === file);
    const below = scan.references.filter((r) => r.where !== 'non-code' && r.file.startsWith(dir + path.sep));
    if (own.some((r) => r.mobile) || (below.length > 0 && below.every((r) => r.mobile))) out.push(dir);
  }
  return out;
}

/** A redirect URI for a message: its query values replaced by "…" (only the names matter, and values may be private). */
export function displayUri(value: string): string {
  const q = value.indexOf('?');
  if (q < 0) return value;
  return value.slice(0, q + 1) + value.slice(q + 1).replace(/=([^&#]*)/g, (_m, v: string) => (v === '' ? '=' : '=…'));
}
