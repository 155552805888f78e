// Sends an app's REAL TikTok URLs to the emulator when the app talks through node:http / node:https instead of
// fetch: http.request, http.get, https.request and https.get are replaced ON THE MODULE OBJECTS, so every client
// that looks them up at request time is routed (axios through follow-redirects, got, superagent, request,
// node-fetch@2, plain https.request), and so are ES named imports (`import { request } from 'node:https'`, kept in
// step with syncBuiltinESMExports). undici and the global fetch do not use node:http: see routeTikTokTo for fetch.
import http, { type ClientRequest, type IncomingMessage, type OutgoingHttpHeaders, type RequestOptions } from 'node:http';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import { ROUTED_HOSTS } from './route-fetch.js';

type Callback = (res: IncomingMessage) => void;
type RequestFn = typeof http.request;
type Options = RequestOptions & Record<string, unknown>;

/** Node's own test for a URL-like first argument (lib/internal/url.js isURL): href and protocol, no auth/path keys. */
function isUrlLike(value: unknown): value is URL {
  if (value instanceof URL) return true;
  const v = value as Record<string, unknown> | null;
  return Boolean(v && typeof v === 'object' && v.href && v.protocol && v.auth === undefined && v.path === undefined);
}

/** The options Node would use for (input[, options][, cb]), or null when Node would refuse them (let it say why). */
function mergedOptions(args: unknown[]): { options: Options; cb: Callback | undefined } | null {
  let [input, options, cb] = args as [unknown, unknown, unknown];
  let base: Options | null;
  if (typeof input === 'string') {
    if (!URL.canParse(input)) return null;
    base = { ...(urlOptions(new URL(input)) as Options) };
  } else if (isUrlLike(input)) {
    base = { ...(urlOptions(input) as Options) };
  } else {
    cb = options;
    options = input;
    base = null;
  }
  if (typeof options === 'function') {
    cb = options;
    options = undefined;
  }
  if (options !== undefined && (options === null || typeof options !== 'object')) return null;
  return { options: { ...(base ?? {}), ...((options as Options | undefined) ?? {}) }, cb: typeof cb === 'function' ? (cb as Callback) : undefined };
}

/** url.urlToHttpOptions, without importing node:url's legacy API surface. */
function urlOptions(url: URL): Options {
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const options: Options = {
    protocol: url.protocol,
    hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`,
    href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) {
    options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  }
  return options;
}

const INTERNAL_OR_TRANSPORT = [
  'protocol',
  'host',
  'hostname',
  'port',
  'defaultPort',
  'path',
  'agent',
  '_defaultAgent',
  'createConnection',
  'socketPath',
  'lookup',
  'family',
  'localAddress',
  'localPort',
  'headers',
  // URL pieces urlOptions or url.parse() leave on the object (node-fetch@2 spreads url.parse's result).
  'href',
  'hash',
  'search',
  'pathname',
  'query',
  'slashes',
];

function withForwarded(headers: unknown, host: string, proto: string): OutgoingHttpHeaders | string[] {
  const drop = (name: string): boolean => name.toLowerCase() === 'x-forwarded-host' || name.toLowerCase() === 'x-forwarded-proto';
  if (Array.isArray(headers)) {
    // Node also takes a flat [name, value, name, value, …] array.
    const out: string[] = [];
    for (let i = 0; i + 1 < headers.length; i += 2) {
      if (!drop(String(headers[i]))) out.push(String(headers[i]), String(headers[i + 1]));
    }
    return [...out, 'x-forwarded-host', host, 'x-forwarded-proto', proto];
  }
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries((headers as OutgoingHttpHeaders | undefined) ?? {})) {
    if (!drop(name)) out[name] = value;
  }
  out['x-forwarded-host'] = host;
  out['x-forwarded-proto'] = proto;
  return out;
}

/**
 * Routes node:http and node:https requests for TikTok's OAuth hosts (www.tiktok.com, open-api.tiktok.com,
 * open.tiktokapis.com, and the hybrid open.tiktok.com), over https or http, to `emulatorUrl` (the `url` of
 * startEmulator, plain http on loopback): same method, path, query, headers and body; the original host in
 * x-forwarded-host (the emulator checks it against the endpoint's host) and the scheme in x-forwarded-proto.
 * Requests for any other host go out untouched. The caller's agent is dropped for routed requests (an https.Agent
 * cannot carry plain http). Returns a restore function: safe to call twice; a function replaced again since is left
 * alone (restore in reverse order when nesting).
 */
export function routeNodeHttpTo(emulatorUrl: string): () => void {
  const target = new URL(emulatorUrl);
  if (target.protocol !== 'http:') throw new Error(`emulator URL must be plain http (the emulator has no TLS): ${emulatorUrl}`);
  const targetHost = target.hostname.startsWith('[') ? target.hostname.slice(1, -1) : target.hostname;
  const targetPort = target.port === '' ? 80 : Number(target.port);
  const hosts = new Set(ROUTED_HOSTS);
  const originalHttpRequest = http.request;
  const originalHttpGet = http.get;
  const originalHttpsRequest = https.request;
  const originalHttpsGet = https.get;

  /** The routed request, or null when this call is not for a TikTok host. */
  function routed(args: unknown[], defaultProtocol: 'http:' | 'https:'): ClientRequest | null {
    const merged = mergedOptions(args);
    if (!merged) return null;
    const { options, cb } = merged;
    const protocol = typeof options.protocol === 'string' ? options.protocol : defaultProtocol;
    if (protocol !== 'http:' && protocol !== 'https:') return null;
    const rawHost = String(options.hostname ?? options.host ?? '');
    const hostname = rawHost.replace(/:\d+$/, '').replace(/\.$/, '').toLowerCase();
    if (!hosts.has(hostname)) return null;
    const defaultPort = protocol === 'https:' ? 443 : 80;
    const port = Number(options.port ?? options.defaultPort ?? defaultPort) || defaultPort;
    const forwardedHost = port === defaultPort ? hostname : `${hostname}:${port}`;

    const rest: Options = { ...options };
    for (const key of INTERNAL_OR_TRANSPORT) delete rest[key];
    const next: Options = {
      ...rest,
      protocol: 'http:',
      hostname: targetHost,
      port: targetPort,
      path: typeof options.path === 'string' && options.path !== '' ? options.path : '/',
      headers: withForwarded(options.headers, forwardedHost, protocol.slice(0, -1)) as OutgoingHttpHeaders,
    };
    if (options.agent === false) next.agent = false;
    return cb ? originalHttpRequest(next, cb) : originalHttpRequest(next);
  }

  const makeRequest = (original: RequestFn, defaultProtocol: 'http:' | 'https:'): RequestFn =>
    function request(this: unknown, ...args: unknown[]): ClientRequest {
      return routed(args, defaultProtocol) ?? (original as (...a: unknown[]) => ClientRequest).apply(this, args);
    } as RequestFn;

  const makeGet = (original: typeof http.get, defaultProtocol: 'http:' | 'https:'): typeof http.get =>
    function get(this: unknown, ...args: unknown[]): ClientRequest {
      const req = routed(args, defaultProtocol);
      if (!req) return (original as (...a: unknown[]) => ClientRequest).apply(this, args);
      req.end();
      return req;
    } as typeof http.get;

  const patched = {
    httpRequest: makeRequest(originalHttpRequest, 'http:'),
    httpGet: makeGet(originalHttpGet, 'http:'),
    httpsRequest: makeRequest(originalHttpsRequest, 'https:'),
    httpsGet: makeGet(originalHttpsGet, 'https:'),
  };
  http.request = patched.httpRequest;
  http.get = patched.httpGet;
  https.request = patched.httpsRequest;
  https.get = patched.httpsGet;
  syncBuiltinESMExports();

  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    if (http.request === patched.httpRequest) http.request = originalHttpRequest;
    if (http.get === patched.httpGet) http.get = originalHttpGet;
    if (https.request === patched.httpsRequest) https.request = originalHttpsRequest;
    if (https.get === patched.httpsGet) https.get = originalHttpsGet;
    syncBuiltinESMExports();
  };
}
