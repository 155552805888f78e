// Fixture pairs in the @next/codemod way: transforms/__testfixtures__/<transform>/<case>.input.<ext> and
// <case>.output.<ext>, discovered automatically, so a new case is a file pair. A URL transform runs alone, exactly as
// `jscodeshift -t dist/transforms/<transform>.js` runs it; the call transforms (token-request, token-response,
// user-info) build on the URL rewrite, so their pairs show the whole migration of the file, as the tool runs it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import authorizeUrl from '../authorize-url.js';
import hybridHost from '../hybrid-host.js';
import revokeUrl from '../revoke-url.js';
import tokenUrl from '../token-url.js';
import { analyze } from '../../src/analyze.js';

const TRANSFORMS = { 'authorize-url': authorizeUrl, 'token-url': tokenUrl, 'revoke-url': revokeUrl, 'hybrid-host': hybridHost };
const CALL_TRANSFORMS = ['token-request', 'token-response', 'user-info'];
const FIXTURES = path.join(import.meta.dirname, '..', '__testfixtures__');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tiktok-migrate-fixtures-'));

function run(name: string, file: string, source: string): string {
  fs.writeFileSync(file, source);
  if (name in TRANSFORMS) return TRANSFORMS[name as keyof typeof TRANSFORMS]({ path: file, source }, {}, {}) ?? source;
  const { changes } = analyze([{ path: file, kind: 'code', text: source }], path.dirname(file));
  return changes[0]?.after ?? source;
}

for (const name of [...Object.keys(TRANSFORMS), ...CALL_TRANSFORMS]) {
  const dir = path.join(FIXTURES, name);
  if (!fs.existsSync(dir)) continue;
  const inputs = fs.readdirSync(dir).filter((f) => /\.input\.\w+$/.test(f)).sort();
  describe(name, () => {
    it('has fixture pairs', () => expect(inputs.length).toBeGreaterThan(5));
    for (const input of inputs) {
      const output = input.replace('.input.', '.output.');
      it(input.replace(/\.input\.\w+$/, ''), () => {
        const source = fs.readFileSync(path.join(dir, input), 'utf8');
        const expected = fs.readFileSync(path.join(dir, output), 'utf8');
        const file = path.join(work, `${name}-${input.replace('.input', '')}`);
        const actual = run(name, file, source);
        expect(actual).toBe(expected);
        // A second run changes nothing.
        expect(run(name, file, actual)).toBe(actual);
      });
    }
  });
}
