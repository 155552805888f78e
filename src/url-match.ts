// Finds TikTok OAuth URLs in a piece of text and says what each one is. Works on plain text (non-code files,
// comments) and on the flattened value of a string expression, where HOLE stands for a part we cannot know.
import {
  AUTH_HOST,
  ENDPOINTS,
  HYBRID_HOSTS,
  V1_API_HOST,
  V2_API_HOST,
  type Endpoint,
  type EndpointId,
} from './endpoints.js';

/** Stands for an unknown (runtime) part of a string; never part of a host or a path. */
export const HOLE = '\uFFFF';

export type UrlKind =
  | 'v1' //          a v1 endpoint (maybe on a wrong host)
  | 'hybrid' //      a v2 path on a host that never served it (open-api.tiktok.com/v2/..., open.tiktok.com/v2/...)
  | 'v2' //          already right
  | 'v1-unknown' //  the v1 API host with a path the spec does not list
  | 'v1-base' //     a v1 API host with no path yet: a base URL that is joined to paths elsewhere
  | 'v1-dynamic'; // a v1 API host followed by a runtime value: the endpoint cannot be known

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface UrlMatch {
  kind: UrlKind;
  endpoint?: EndpointId;
  /** scheme ("https:", "http:", "" for "//host" and bare host), with the slashes in `prefix`. */
  prefix: Span;
  host: Span;
  path: Span;
  start: number;
  end: number;
  /** What the URL is followed by: '?', '#', HOLE, '' (end of text) or another character. */
  next: string;
}

const HOST_RE =
  /(?<![\w.\-@\uFFFF])((?:https?:)?\/\/)?(open-api\.tiktok\.com|open\.tiktokapis\.com|open\.tiktok\.com|(?:www\.)?tiktok\.com)(?::\d+)?(?![\w.\-])/gi;
const PATH_RE = /\/[^\s?#'"`<>\\()\[\]{},;\uFFFF]*/y;

const byPath = new Map<string, Endpoint>();
for (const endpoint of ENDPOINTS)
  for (const form of endpoint.v1) if (form.host === V1_API_HOST) byPath.set(form.path, endpoint);

const V2_PATHS = new Map<string, Endpoint>();
// First row wins: /v2/oauth/token/ is the token endpoint (refresh shares it).
for (const endpoint of ENDPOINTS) if (endpoint.v2 && !V2_PATHS.has(trimSlash(endpoint.v2.path))) V2_PATHS.set(trimSlash(endpoint.v2.path), endpoint);

export function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/** Every TikTok OAuth URL in `text`, classified. Plain TikTok links (profiles, videos, docs) are not returned. */
export function findTikTokUrls(text: string): UrlMatch[] {
  const matches: UrlMatch[] = [];
  HOST_RE.lastIndex = 0;
  for (let m = HOST_RE.exec(text); m; m = HOST_RE.exec(text)) {
    const prefixText = m[1] ?? '';
    const hostText = m[2];
    const start = m.index;
    const hostStart = start + prefixText.length;
    const hostEnd = start + m[0].length;
    PATH_RE.lastIndex = hostEnd;
    const pm = PATH_RE.exec(text);
    const pathText = pm ? pm[0].replace(/[.:!]+$/, '') : ''; // "see …/access_token/." ends a sentence
    const end = hostEnd + pathText.length;
    const next = end < text.length ? text[end] : '';
    const kind = classify(hostText.toLowerCase(), pathText.toLowerCase(), next);
    if (!kind) continue;
    matches.push({
      ...kind,
      prefix: { start, end: hostStart, text: prefixText },
      host: { start: hostStart, end: hostEnd, text: text.slice(hostStart, hostEnd) },
      path: { start: hostEnd, end, text: pathText },
      start,
      end,
      next,
    });
    HOST_RE.lastIndex = end;
  }
  return matches;
}

function classify(host: string, rawPath: string, next: string): { kind: UrlKind; endpoint?: EndpointId } | null {
  const path = trimSlash(rawPath);
  const bareHost = host.replace(/:\d+$/, '');
  if (bareHost === AUTH_HOST || bareHost === 'tiktok.com') {
    if (path === '/auth/authorize') return { kind: 'v1', endpoint: 'authorize' };
    if (path === '/v2/auth/authorize') return { kind: 'v2', endpoint: 'authorize' };
    // API paths on the web host never worked: a v1 path is v1 (moved whole), a v2 API path is a hybrid.
    const api = byPath.get(path);
    if (api) return { kind: 'v1', endpoint: api.id };
    const v2 = path.startsWith('/v2/') ? v2EndpointForPath(path) : undefined;
    if (v2) return { kind: 'hybrid', endpoint: v2.id };
    // A made-up authorize path (`/oauth/authorize/`, `/v1/auth/authorize/`): meant as the authorize URL, never served.
    if (/^\/(?:v\d+\/)?(?:oauth|auth)\/(?:v\d+\/)?authorize$/.test(path)) return { kind: 'v1-unknown', endpoint: 'authorize' };
    return null; // profiles, videos, embeds, oembed, share links: not Login Kit
  }
  const v1 = byPath.get(path);
  if (v1) return { kind: 'v1', endpoint: v1.id };
  if (path.startsWith('/v2/')) {
    const endpoint = v2EndpointForPath(path)?.id;
    const right = bareHost === V2_API_HOST && endpoint !== 'authorize';
    return { kind: right ? 'v2' : 'hybrid', endpoint };
  }
  if (bareHost === V2_API_HOST) return null; // a v2 path we do not model (or a base): nothing to migrate
  if (path === '' || path === '/') return { kind: next === HOLE ? 'v1-dynamic' : 'v1-base' };
  if (next === HOLE && /^\/[\w/]*$/.test(rawPath) && rawPath.endsWith('/')) return { kind: 'v1-dynamic' };
  return { kind: 'v1-unknown' };
}

export function v2EndpointForPath(path: string): Endpoint | undefined {
  return V2_PATHS.get(trimSlash(path.toLowerCase()));
}

/** True for open.tiktok.com (never an OAuth host) and for the v1 API host. */
export function isWrongApiHost(host: string): boolean {
  const h = host.toLowerCase().replace(/:\d+$/, '');
  return h === V1_API_HOST || (HYBRID_HOSTS as readonly string[]).includes(h);
}

export interface PathMatch {
  endpoint: EndpointId;
  path: Span;
}

const PATH_ONLY_RE = /^\/?([a-z0-9_]+(?:\/[a-z0-9_]+)*)\/?(?=$|[?#\uFFFF])/i;

/** A v1 API path at the start of `text` ("/oauth/access_token/", "oauth/access_token"), with no host. */
export function matchV1Path(text: string): PathMatch | null {
  const m = PATH_ONLY_RE.exec(text);
  if (!m) return null;
  const endpoint = byPath.get('/' + m[1].toLowerCase());
  if (!endpoint) return null;
  return { endpoint: endpoint.id, path: { start: 0, end: m[0].length, text: m[0] } };
}

/** The endpoint row for a v1 path, for paths joined to a v1 base later. */
export function v1EndpointForPath(path: string): Endpoint | undefined {
  return byPath.get(trimSlash(path.toLowerCase()));
}
