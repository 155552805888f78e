// tiktok-state: carries redirect-URI query parameters inside OAuth `state`.
// TikTok v2 only accepts static redirect URIs (no query string), so context such as
// `next` travels in `state`, bound to the anti-forgery nonce by an HMAC so that
// altering the parameters fails the same check as forging the nonce.
// Added once to your project by tiktok-migrate. node:crypto only, Node >= 18.
'use strict';
const { createHmac, randomBytes, timingSafeEqual, createHash } = require('node:crypto');

const VERSION = 'v1';
// TikTok echoes state back unchanged, but it rides in two URLs and usually in access
// logs; 1,024 characters leaves room for a few short parameters and no more.
const MAX_STATE_LENGTH = 1024;
const MIN_SECRET_LENGTH = 16;
const B64URL = /^[A-Za-z0-9_-]+$/;

/** 32 random bytes, base64url: the per-session anti-forgery value (store it in the session). */
function createNonce() {
  return randomBytes(32).toString('base64url');
}

function checkSecret(secret) {
  // A short or missing key would make the MAC guessable: fail loudly at the call site.
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`tiktok-state: secret must be a server-side string of at least ${MIN_SECRET_LENGTH} characters (e.g. your client secret)`);
  }
}

function mac(secret, nonce, payload) {
  return createHmac('sha256', secret).update(`${VERSION}.${nonce}.${payload}`).digest('base64url');
}

function isFlatStringRecord(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(value).every((v) => typeof v === 'string');
}

/** Packs `params` (flat object of strings) with `nonce` into a URL-safe, signed state string. */
function encodeState(nonce, params, secret) {
  checkSecret(secret);
  // The nonce is a field of a dot-separated string, so it must be base64url (createNonce's output).
  if (typeof nonce !== 'string' || !B64URL.test(nonce)) {
    throw new Error('tiktok-state: nonce must be a non-empty base64url string (use createNonce())');
  }
  if (!isFlatStringRecord(params)) {
    throw new Error('tiktok-state: params must be a flat object whose values are all strings');
  }
  const payload = Buffer.from(JSON.stringify(params), 'utf8').toString('base64url');
  const state = `${VERSION}.${nonce}.${payload}.${mac(secret, nonce, payload)}`;
  if (state.length > MAX_STATE_LENGTH) {
    throw new Error(`tiktok-state: encoded state is ${state.length} characters, over the ${MAX_STATE_LENGTH} limit; ` +
      'TikTok returns state unchanged, but it lands in URLs and logs, so keep only short parameters in it');
  }
  return state;
}

function decodeUnchecked(state, secret) {
  if (typeof state !== 'string' || state.length > MAX_STATE_LENGTH) return null;
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) return null;
  const parts = state.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) return null;
  const [, nonce, payload, tag] = parts;
  if (!B64URL.test(nonce) || !B64URL.test(payload) || !B64URL.test(tag)) return null;
  // Check the MAC before parsing anything, in constant time over equal-length buffers.
  const expected = Buffer.from(mac(secret, nonce, payload), 'utf8');
  const given = Buffer.from(tag, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const params = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  if (!isFlatStringRecord(params)) return null;
  return { nonce, params };
}

/** Returns `{ nonce, params }` for an authentic state; throws Error('invalid state') otherwise, and nothing else. */
function decodeState(state, secret) {
  let result = null;
  try {
    result = decodeUnchecked(state, secret);
  } catch {
    result = null; // e.g. JSON.parse on a payload that was signed but is not ours: still just invalid
  }
  if (!result) throw new Error('invalid state');
  return result;
}

/** The callback's anti-forgery check: returns params only if the MAC is valid and the nonce is this session's. */
function verifyState(state, expectedNonce, secret) {
  const { nonce, params } = decodeState(state, secret);
  if (typeof expectedNonce !== 'string' || expectedNonce === '') throw new Error('invalid state');
  // Hash both sides so timingSafeEqual always gets equal-length buffers.
  const a = createHash('sha256').update(nonce).digest();
  const b = createHash('sha256').update(expectedNonce).digest();
  if (!timingSafeEqual(a, b)) throw new Error('invalid state');
  return params;
}

/** `value` if it is a same-site path ('/x', not '//x', not '/\x', no scheme, no control characters), else `fallback`. */
function safeReturnPath(value, fallback = '/') {
  if (typeof value !== 'string' || value[0] !== '/') return fallback; // also rules out any scheme
  // Browsers read '//host' and '/\host' as another origin, and strip tabs/newlines first.
  if (value[1] === '/' || value.includes('\\')) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  return value;
}

module.exports = { createNonce, encodeState, decodeState, verifyState, safeReturnPath };
