// A local TikTok OAuth server speaking v1 and v2 (spec sections 2-5), on loopback only. Every request is bounded
// (body size, time) and every handler is wrapped: a bad request gets its version's error shape, never a crash.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveEmulatorConfig, type EmulatorConfig, type ResolvedConfig } from './config.js';
import type { RequestContext } from './context.js';
import type { Reply } from './responses.js';
import { findRoute, hostProblem, notFound, parseTarget, shapeError, type Route } from './routes.js';
import { TokenStore, type ApiVersion, type VersionCounts } from './store.js';

export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Loopback only: anything else is refused. */
  host?: '127.0.0.1';
  config: EmulatorConfig;
  /** The clock, in milliseconds (tests move it to expire codes and tokens). Default Date.now. */
  now?: () => number;
  /** Largest accepted request body in bytes. Default 64 KiB. */
  maxBodyBytes?: number;
  /** Called after each request is answered (the CLI prints it). */
  onRequest?: (entry: RequestLogEntry) => void;
}

export interface RequestLogEntry {
  method: string;
  /** The path as requested, without the query string. */
  path: string;
  /** The query string as sent, without '?' (it may hold v1 secrets: the log stays in this process). */
  query: string;
  /** The host the request was meant for (absolute-form, x-forwarded-host or Host), no port. */
  host: string;
  /** The API version of the endpoint hit; null when no endpoint matched. */
  version: ApiVersion | null;
  /** The endpoint id of src/endpoints.ts; null when no endpoint matched. */
  endpoint: string | null;
  status: number;
  /** The error the answer carried: a v2 error string, a v1 numeric code, or the parameter an HTML page names. */
  error?: string;
  /** Things worth fixing that did not fail the request (client_secret in an authorize URL, no state, …). */
  warnings?: string[];
}

export interface EmulatorState {
  /** Every answered request, oldest first (the last 10,000). */
  readonly requests: readonly RequestLogEntry[];
  /** Codes and tokens issued, redeemed, refreshed and revoked, per API version. */
  readonly counts: Readonly<Record<ApiVersion, VersionCounts>>;
  /** Codes and tokens the store holds now (live or not). */
  readonly stored: { codes: number; tokens: number };
  /** Forgets every code, token, count and logged request. */
  reset(): void;
  /** Forgets the logged requests only. */
  clearRequests(): void;
}

export interface RunningEmulator {
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string;
  port: number;
  state: EmulatorState;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 64 * 1024;
/** Past this many bytes an oversized body is no longer drained but the connection closed. */
const DRAIN_FACTOR = 16;
const MAX_LOG = 10_000;

type Body = { kind: 'ok'; body: Buffer } | { kind: 'too-large'; close: boolean } | { kind: 'aborted' };

/** Reads at most `limit` bytes; a larger body is drained and discarded up to DRAIN_FACTOR × limit, then cut. */
function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  return new Promise((resolve) => {
    const cap = limit * DRAIN_FACTOR;
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > cap) {
      resolve({ kind: 'too-large', close: true });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: Body): void => {
      if (done) return;
      done = true;
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > cap) {
        req.pause();
        finish({ kind: 'too-large', close: true });
      }
    });
    req.on('end', () => finish(size > limit ? { kind: 'too-large', close: false } : { kind: 'ok', body: Buffer.concat(chunks) }));
    req.on('error', () => finish({ kind: 'aborted' }));
    req.on('close', () => finish({ kind: 'aborted' }));
  });
}

function send(res: ServerResponse, reply: Reply, close: boolean): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string | number> = { ...reply.headers, 'content-length': Buffer.byteLength(reply.body) };
  if (close) headers.connection = 'close';
  res.writeHead(reply.status, headers);
  res.end(reply.body);
}

class State implements EmulatorState {
  readonly log: RequestLogEntry[] = [];
  constructor(private readonly store: TokenStore) {}
  get requests(): readonly RequestLogEntry[] {
    return this.log;
  }
  get counts(): Readonly<Record<ApiVersion, VersionCounts>> {
    return this.store.snapshot().counts;
  }
  get stored(): { codes: number; tokens: number } {
    const { codes, tokens } = this.store.snapshot();
    return { codes, tokens };
  }
  record(entry: RequestLogEntry): void {
    this.log.push(entry);
    if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
  }
  reset(): void {
    this.store.clear();
    this.log.length = 0;
  }
  clearRequests(): void {
    this.log.length = 0;
  }
}

/** Starts the emulator. The config is validated first (EmulatorConfigError on a bad one). */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error(`the emulator listens on 127.0.0.1 only (got host ${String(host)})`);
  const config: ResolvedConfig = resolveEmulatorConfig(options.config, 'emulator config');
  const now = options.now ?? Date.now;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const store = new TokenStore({
    now,
    codeTtlSeconds: config.settings.code_ttl_seconds,
    accessTtlSeconds: config.settings.access_token_ttl_seconds,
    refreshTtlSeconds: config.settings.refresh_token_ttl_seconds,
  });
  const state = new State(store);

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const target = parseTarget(req);
    const entry: RequestLogEntry = {
      method,
      path: target?.path ?? (req.url ?? '').slice(0, 200),
      query: target?.rawQuery ?? '',
      host: target?.host ?? '',
      version: null,
      endpoint: null,
      status: 0,
    };
    let route: Route | undefined;
    let reply: Reply;
    let close = false;
    try {
      if (!target) {
        reply = shapeError('v2-oauth', 400, 'the request target must be a path or an absolute http(s) URL');
        close = true;
      } else if (!(route = findRoute(target.path))) {
        reply = notFound(target.path);
      } else {
        entry.version = route.version;
        entry.endpoint = route.endpoint;
        const body = await readBody(req, maxBody);
        const wrongHost = hostProblem(route, target.host);
        if (body.kind === 'aborted') return;
        if (body.kind === 'too-large') {
          reply = shapeError(route.shape, 413, `the request body is larger than ${maxBody} bytes`);
          close = body.close;
        } else if (wrongHost) {
          reply = shapeError(route.shape, 404, wrongHost);
        } else if (method !== route.method) {
          reply = shapeError(route.shape, 405, `${route.path} takes ${route.method}, not ${method}`);
          reply.headers = { ...reply.headers, allow: route.method };
        } else {
          const ctx: RequestContext = {
            method,
            path: target.path,
            query: target.query,
            headers: req.headers,
            body: body.body,
            config,
            store,
            now,
          };
          reply = route.handle(ctx);
        }
      }
    } catch (error) {
      const message = `internal error: ${(error as Error)?.message ?? String(error)}`;
      reply = shapeError(route?.shape ?? 'v2-oauth', 500, message, true);
    }
    entry.status = reply.status;
    if (reply.error !== undefined) entry.error = reply.error;
    if (reply.warnings && reply.warnings.length > 0) entry.warnings = reply.warnings;
    send(res, reply, close);
    state.record(entry);
    try {
      options.onRequest?.(entry);
    } catch {
      // A failing observer must not take the server down.
    }
  }

  const server = createServer({ maxHeaderSize: 16 * 1024 }, (req, res) => {
    answer(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = 5_000;
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const status =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? '408 Request Timeout'
          : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}`,
    port,
    state,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
