// Sends an app's REAL TikTok URLs to the emulator, inside the current process, without editing the app:
// globalThis.fetch is wrapped so requests for TikTok's hosts go to the emulator with path, query, method, headers
// and body kept, and the original host in x-forwarded-host (the emulator checks it against the endpoint's host).
import { AUTH_HOST, HYBRID_HOSTS, V1_API_HOST, V2_API_HOST } from '../endpoints.js';

/** The hosts routed: TikTok's three OAuth hosts, and the hybrid open.tiktok.com (the emulator explains it). */
export const ROUTED_HOSTS: readonly string[] = [AUTH_HOST, V1_API_HOST, V2_API_HOST, ...HYBRID_HOSTS];

/** The URL a fetch() input names, without touching a Request's body; null when it is not absolute. */
function urlOf(input: string | URL | Request): URL | null {
  try {
    return new URL(input instanceof Request ? input.url : String(input));
  } catch {
    return null;
  }
}

/**
 * Routes fetch() calls for https:// and http:// TikTok URLs to `emulatorUrl` (e.g. the `url` of startEmulator).
 * Other URLs go out untouched. Returns a function that puts the previous fetch back; it is safe to call twice and
 * does nothing if fetch was replaced again since (restore in reverse order when nesting).
 */
export function routeTikTokTo(emulatorUrl: string): () => void {
  const base = new URL(emulatorUrl);
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error(`emulator URL must be http(s): ${emulatorUrl}`);
  const original = globalThis.fetch;
  const hosts = new Set(ROUTED_HOSTS);

  const routed: typeof fetch = async (input, init) => {
    const url = urlOf(input);
    if (!url || !hosts.has(url.hostname) || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      return original(input, init);
    }
    const request = new Request(input, init);
    const target = new URL(base);
    target.pathname = url.pathname;
    target.search = url.search;
    const headers = new Headers(request.headers);
    headers.set('x-forwarded-host', url.host);
    headers.set('x-forwarded-proto', url.protocol.slice(0, -1));
    return original(target, {
      method: request.method,
      headers,
      body: request.body === null ? undefined : await request.arrayBuffer(),
      redirect: request.redirect,
      signal: request.signal,
    });
  };

  globalThis.fetch = routed;
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    if (globalThis.fetch === routed) globalThis.fetch = original;
  };
}
