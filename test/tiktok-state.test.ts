import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { helperSource } from '../src/state/helper-module.js';
import * as tsSource from '../templates/tiktok-state.js';

// The helper as projects receive it: the template's TypeScript itself, and the ES module and CommonJS builds of it.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiktok-state-'));
fs.writeFileSync(path.join(dir, 'tiktok-state.mjs'), helperSource('esm'));
fs.writeFileSync(path.join(dir, 'tiktok-state.cjs'), helperSource('cjs'));
const esm = await import(pathToFileURL(path.join(dir, 'tiktok-state.mjs')).href);
const cjs = createRequire(import.meta.url)(path.join(dir, 'tiktok-state.cjs'));

const SECRET = 'test-secret-0123456789abcdef';
const ODD = {
  next: '/dashboard?tab=a&b=c#frag',
  ref: 'ünïcødé ✓ 日本語',
  emoji: '🎉👩‍💻',
  eq: 'a=b==c',
  slash: '/a/b//c',
  space: '  leading and trailing  ',
  empty: '',
};

function sign(packedNonce: string, payload: string, secret = SECRET): string {
  return createHmac('sha256', secret).update(`v1.${packedNonce}.${payload}`).digest('base64url');
}
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

describe.each([
  ['TypeScript source', tsSource],
  ['ESM', esm],
  ['CommonJS', cjs],
])('tiktok-state (%s)', (_name, m) => {
  const expectInvalid = (fn: () => unknown) => expect(fn).toThrowError(/^invalid state$/);

  it('createNonce returns 32 random bytes as base64url', () => {
    const a = m.createNonce();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(m.createNonce()).not.toBe(a);
  });

  it('round-trips odd characters', () => {
    const nonce = m.createNonce();
    const state = m.encodeState(nonce, ODD, SECRET);
    expect(m.decodeState(state, SECRET)).toEqual({ nonce, params: ODD });
    expect(m.encodeState(nonce, {}, SECRET)).toMatch(/^v1\./);
    expect(m.decodeState(m.encodeState(nonce, {}, SECRET), SECRET)).toEqual({ nonce, params: {} });
  });

  it('produces a URL-safe state', () => {
    const state = m.encodeState(m.createNonce(), ODD, SECRET);
    expect(state).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(encodeURIComponent(state)).toBe(state);
    expect(state.split('.')).toHaveLength(4);
  });

  describe('rejects tampering', () => {
    const nonce = m.createNonce();
    const state: string = m.encodeState(nonce, { next: '/dashboard' }, SECRET);
    const [v, n, payload, tag] = state.split('.');
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);

    it('accepts the untouched state (control)', () => {
      expect(m.verifyState(state, nonce, SECRET)).toEqual({ next: '/dashboard' });
    });
    it.each([
      ['changed payload', [v, n, b64(JSON.stringify({ next: '//evil.com' })), tag].join('.')],
      ['changed nonce', [v, m.createNonce(), payload, tag].join('.')],
      ['changed MAC (first char)', [v, n, payload, flip(tag, 0)].join('.')],
      ['changed MAC (last char)', [v, n, payload, flip(tag, tag.length - 1)].join('.')],
      ['truncated', state.slice(0, -1)],
      ['truncated to three parts', [v, n, payload].join('.')],
      ['extra dots', `${state}.`],
      ['extra segment', `${state}.x`],
      ['dot inside payload', [v, n, `${payload}.`, tag].join('.')],
      ['wrong version', ['v2', n, payload, tag].join('.')],
      ['version re-signed under another name', ['v2', n, payload, sign(n, payload)].join('.')],
    ])('%s', (_label, bad) => {
      expect(bad).not.toBe(state);
      expectInvalid(() => m.decodeState(bad, SECRET));
      expectInvalid(() => m.verifyState(bad, nonce, SECRET));
    });
  });

  it('rejects a state made with a different secret', () => {
    const nonce = m.createNonce();
    const state = m.encodeState(nonce, { next: '/x' }, 'another-secret-0123456789');
    expectInvalid(() => m.decodeState(state, SECRET));
    expectInvalid(() => m.verifyState(state, nonce, SECRET));
  });

  it('throws only Error("invalid state") for garbage, even when the garbage is signed', () => {
    const n = m.createNonce();
    const signed = (json: string) => `v1.${n}.${b64(json)}.${sign(n, b64(json))}`;
    expect(m.decodeState(signed('{"a":"b"}'), SECRET).params).toEqual({ a: 'b' }); // control: helper signs correctly
    for (const bad of [
      undefined, null, 123, {}, [], '', '....', 'v1...', 'v1.a.b.c', 'x'.repeat(5000),
      signed('not json'), signed('["a"]'), signed('{"a":1}'), signed('{"a":{"b":"c"}}'), signed('null'),
    ]) {
      expectInvalid(() => m.decodeState(bad, SECRET));
    }
    const good = m.encodeState(n, {}, SECRET);
    for (const badSecret of [undefined, '', 'short', 123]) expectInvalid(() => m.decodeState(good, badSecret));
  });

  it('enforces the size limit with a clear message', () => {
    const nonce = m.createNonce();
    expect(() => m.encodeState(nonce, { next: 'x'.repeat(2000) }, SECRET)).toThrowError(
      /encoded state is \d+ characters, over the 1024 limit.*URLs and logs/,
    );
    // Just under the limit still works: 1024 - (v1. + 58 (the nonce, base64url) + . + . + 43) = 918 payload chars.
    const fits = m.encodeState(nonce, { n: 'x'.repeat(675) }, SECRET);
    expect(fits.length).toBeLessThanOrEqual(1024);
    expect(fits.length).toBeGreaterThan(1000);
    expect(m.decodeState(fits, SECRET).params.n).toHaveLength(675);
  });

  it('refuses a missing or short secret and bad inputs with clear errors', () => {
    const nonce = m.createNonce();
    for (const s of [undefined, '', 'fifteen-chars!!']) {
      expect(() => m.encodeState(nonce, {}, s)).toThrowError(/secret must be .* at least 16 characters/);
    }
    expect(() => m.encodeState(nonce, {}, 'sixteen-chars!!!')).not.toThrow();
    expect(() => m.encodeState('', {}, SECRET)).toThrowError(/nonce must be/);
    expect(() => m.encodeState(undefined, {}, SECRET)).toThrowError(/nonce must be/);
    for (const p of [['a'], null, 'a=b']) expect(() => m.encodeState(nonce, p, SECRET)).toThrowError(/params must be a plain object/);
    // A query parser's arrays and objects pack as the text the v1 redirect URI carried.
    expect(m.decodeState(m.encodeState(nonce, { a: ['x', 'y'], b: { c: 'd' } }, SECRET), SECRET).params).toEqual({ a: 'x,y', b: '[object Object]' });
  });

  it('accepts any existing anti-forgery value as the nonce (hex, UUID, dots, unicode)', () => {
    for (const nonce of ['0f3a9c', 'c9b1e0f0-1234-4a7e-9a1b-000000000007', 'has.dots.in.it', 'nönce ✓', '0.5x']) {
      const state = m.encodeState(nonce, { next: '/a' }, SECRET);
      expect(state.split('.')).toHaveLength(4);
      expect(m.verifyState(state, nonce, SECRET)).toEqual({ next: '/a' });
    }
  });

  it('packs values the way a query string carried them: text kept, numbers as text, null/undefined dropped', () => {
    const state = m.encodeState('n', { a: 1, b: true, c: undefined, d: null, e: 'x' }, SECRET);
    expect(m.decodeState(state, SECRET).params).toEqual({ a: '1', b: 'true', e: 'x' });
  });

  it('readState never throws: an authentic state gives its nonce and params, anything else a nonce that matches nothing', () => {
    const state = m.encodeState('session-nonce', { next: '/x' }, SECRET);
    expect(m.readState(state, SECRET)).toEqual({ nonce: 'session-nonce', params: { next: '/x' } });
    const [v, n, , tag] = state.split('.');
    const forged = [v, n, b64(JSON.stringify({ next: 'https://evil.example' })), tag].join('.');
    for (const bad of [forged, undefined, '', 'session-nonce', state.slice(0, -2)]) {
      const read = m.readState(bad, SECRET);
      expect(read.params).toEqual({});
      expect(read.nonce).toMatch(/^invalid\.[0-9a-f]{32}$/);
      expect(m.readState(bad, SECRET).nonce).not.toBe(read.nonce);
    }
    expect(m.readState(state, 'another-secret-0123456789').params).toEqual({});
  });

  it('verifyState rejects a state replayed into another session', () => {
    const mine = m.createNonce();
    const theirs = m.createNonce();
    const state = m.encodeState(theirs, { next: '/account' }, SECRET);
    expect(m.verifyState(state, theirs, SECRET)).toEqual({ next: '/account' });
    expectInvalid(() => m.verifyState(state, mine, SECRET));
    expectInvalid(() => m.verifyState(state, '', SECRET));
    expectInvalid(() => m.verifyState(state, undefined, SECRET));
    expectInvalid(() => m.verifyState(state, theirs.slice(0, -1), SECRET));
  });

  it.each([
    ['/dashboard?x=1', '/dashboard?x=1'],
    ['/', '/'],
    ['/a/b#c', '/a/b#c'],
    ['//evil.com', '/'],
    ['https://evil.com', '/'],
    ['/\\evil.com', '/'],
    ['/foo\\..\\\\evil.com', '/'],
    ['javascript:alert(1)', '/'],
    ['', '/'],
    ['dashboard', '/'],
    ['/\t/evil.com', '/'],
    ['/x\r\nSet-Cookie: a=b', '/'],
    [undefined, '/'],
  ])('safeReturnPath(%j) -> %j', (input, out) => {
    expect(m.safeReturnPath(input)).toBe(out);
  });

  it('safeReturnPath uses the given fallback, null included (to keep the caller\'s own default)', () => {
    expect(m.safeReturnPath('//evil.com', null)).toBeNull();
    expect(m.safeReturnPath(undefined, null) ?? '/home').toBe('/home');
    expect(m.safeReturnPath('/ok', null)).toBe('/ok');
    expect(m.safeReturnPath('//evil.com', '/home')).toBe('/home');
    expect(m.safeReturnPath('/ok', '/home')).toBe('/ok');
  });
});

describe('ESM and CommonJS builds behave the same', () => {
  it('export the same functions', () => {
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
    expect(Object.keys(esm).sort()).toEqual(['createNonce', 'decodeState', 'encodeState', 'readState', 'safeReturnPath', 'verifyState']);
    expect(Object.keys(tsSource).sort()).toEqual(Object.keys(esm).sort());
  });

  it('produce identical states and read each other', () => {
    const nonce = esm.createNonce();
    const a = esm.encodeState(nonce, ODD, SECRET);
    expect(cjs.encodeState(nonce, ODD, SECRET)).toBe(a);
    expect(cjs.verifyState(a, nonce, SECRET)).toEqual(ODD);
    expect(esm.verifyState(cjs.encodeState(nonce, ODD, SECRET), nonce, SECRET)).toEqual(ODD);
  });

  it('agree on safeReturnPath', () => {
    for (const v of ['/a', '//b', '/\\c', 'http://d', '', '/e?f=g', '/\u0000']) {
      expect(cjs.safeReturnPath(v)).toBe(esm.safeReturnPath(v));
    }
  });
});
