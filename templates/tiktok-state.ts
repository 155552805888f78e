// tiktok-state: carries redirect-URI query parameters inside OAuth `state`.
// TikTok v2 only accepts static redirect URIs (no query string), so context such as
// `next` travels in `state`, bound to the anti-forgery nonce by an HMAC so that
// altering the parameters fails the same check as forging the nonce.
// Added once to your project by tiktok-migrate. node:crypto only, Node >= 18.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const VERSION = 'v1';
// TikTok echoes state back unchanged, but it rides in two URLs and usually in access
// logs; 1,024 characters leaves room for a few short parameters and no more.
const MAX_STATE_LENGTH = 1024;
const MIN_SECRET_LENGTH = 16;
const B64URL = /^[A-Za-z0-9_-]+$/;

export type StateParams = Record<string, string>;

/** 32 random bytes, base64url: a per-login anti-forgery value (keep it in the session). */
export function createNonce(): string {
  return randomBytes(32).toString('base64url');
}

function checkSecret(secret: unknown): asserts secret is string {
  // A short or missing key would make the MAC guessable: fail loudly at the call site.
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`tiktok-state: secret must be a server-side string of at least ${MIN_SECRET_LENGTH} characters (e.g. your client secret)`);
  }
}

function mac(secret: string, nonce: string, payload: string): string {
  return createHmac('sha256', secret).update(`${VERSION}.${nonce}.${payload}`).digest('base64url');
}

function isStringRecord(value: unknown): value is StateParams {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(value).every((v) => typeof v === 'string');
}

/** The params as strings, the way a query string carried them (`${value}`): null/undefined dropped, anything else as
 * text, so `?next=a&next=b` parsed to an array packs as 'a,b' just as it interpolated into the v1 redirect URI. */
function asStrings(params: unknown): StateParams {
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    throw new Error('tiktok-state: params must be a plain object');
  }
  const out: StateParams = {};
  for (const [key, value] of Object.entries(params as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    out[key] = String(value);
  }
  return out;
}

/** Packs `params` with `nonce` into a URL-safe, signed state string (throws over the size limit). */
// Arguments are `unknown` and checked at run time, so an app's `process.env.X` (string | undefined) or a query value
// (string | string[] | …) type-checks where it is passed in as it is.
export function encodeState(nonce: unknown, params: Record<string, unknown>, secret: unknown): string {
  checkSecret(secret);
  if (typeof nonce !== 'string' || nonce === '') {
    throw new Error('tiktok-state: nonce must be a non-empty string (use createNonce())');
  }
  const packedNonce = Buffer.from(nonce, 'utf8').toString('base64url');
  const payload = Buffer.from(JSON.stringify(asStrings(params)), 'utf8').toString('base64url');
  const state = `${VERSION}.${packedNonce}.${payload}.${mac(secret, packedNonce, payload)}`;
  if (state.length > MAX_STATE_LENGTH) {
    throw new Error(`tiktok-state: encoded state is ${state.length} characters, over the ${MAX_STATE_LENGTH} limit; ` +
      'TikTok returns state unchanged, but it lands in URLs and logs, so keep only short parameters in it');
  }
  return state;
}

function decodeUnchecked(state: unknown, secret: unknown): { nonce: string; params: StateParams } | null {
  if (typeof state !== 'string' || state.length > MAX_STATE_LENGTH) return null;
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) return null;
  const parts = state.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) return null;
  const [, packedNonce, payload, tag] = parts;
  if (!B64URL.test(packedNonce) || !B64URL.test(payload) || !B64URL.test(tag)) return null;
  // Check the MAC before parsing anything, in constant time over equal-length buffers.
  const expected = Buffer.from(mac(secret, packedNonce, payload), 'utf8');
  const given = Buffer.from(tag, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const params: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  if (!isStringRecord(params)) return null;
  return { nonce: Buffer.from(packedNonce, 'base64url').toString('utf8'), params };
}

/** Returns `{ nonce, params }` for an authentic state; throws Error('invalid state') otherwise, and nothing else. */
export function decodeState(state: unknown, secret: unknown): { nonce: string; params: StateParams } {
  let result = null;
  try {
    result = decodeUnchecked(state, secret);
  } catch {
    result = null; // e.g. JSON.parse on a payload that was signed but is not ours: still just invalid
  }
  if (!result) throw new Error('invalid state');
  return result;
}

/**
 * For a callback that compares the nonce itself: `{ nonce, params }` of an authentic state; for anything else a
 * random nonce that equals no stored value (so the app's own comparison rejects it) and no params. Never throws.
 */
export function readState(state: unknown, secret: unknown): { nonce: string; params: StateParams } {
  try {
    return decodeState(state, secret);
  } catch {
    return { nonce: `invalid.${randomBytes(16).toString('hex')}`, params: {} };
  }
}

/** The callback's anti-forgery check: returns params only if the MAC is valid and the nonce is this session's. */
export function verifyState(state: unknown, expectedNonce: unknown, secret: unknown): StateParams {
  const { nonce, params } = decodeState(state, secret);
  if (typeof expectedNonce !== 'string' || expectedNonce === '') throw new Error('invalid state');
  // Hash both sides so timingSafeEqual always gets equal-length buffers.
  const a = createHash('sha256').update(nonce).digest();
  const b = createHash('sha256').update(expectedNonce).digest();
  if (!timingSafeEqual(a, b)) throw new Error('invalid state');
  return params;
}

/**
 * `value` if it is a same-site path ('/x', not '//x', not '/\\x', no scheme, no control characters), else `fallback`
 * ('/' unless given; pass null to keep your own default: `safeReturnPath(next, null) ?? '/home'`).
 */
export function safeReturnPath(value: unknown): string;
export function safeReturnPath<F>(value: unknown, fallback: F): string | F;
export function safeReturnPath(value: unknown, fallback: unknown = '/'): unknown {
  if (typeof value !== 'string' || value[0] !== '/') return fallback; // also rules out any scheme
  // Browsers read '//host' and '/\\host' as another origin, and strip tabs/newlines first.
  if (value[1] === '/' || value.includes('\\')) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  return value;
}
