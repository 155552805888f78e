// Fixture pairs in the @next/codemod way: transforms/__testfixtures__/<transform>/<case>.input.<ext> and
// <case>.output.<ext>, discovered automatically, so a new case is a file pair. Each transform runs alone, exactly as
// `jscodeshift -t dist/transforms/<transform>.js` runs it, on a file written at a real path.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import authorizeUrl from '../authorize-url.js';
import hybridHost from '../hybrid-host.js';
import revokeUrl from '../revoke-url.js';
import tokenUrl from '../token-url.js';

const TRANSFORMS = { 'authorize-url': authorizeUrl, 'token-url': tokenUrl, 'revoke-url': revokeUrl, 'hybrid-host': hybridHost };
const FIXTURES = path.join(import.meta.dirname, '..', '__testfixtures__');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tiktok-migrate-fixtures-'));

function run(name: keyof typeof TRANSFORMS, file: string, source: string): string {
  fs.writeFileSync(file, source);
  return TRANSFORMS[name]({ path: file, source }, {}, {}) ?? source;
}

for (const name of Object.keys(TRANSFORMS) as (keyof typeof TRANSFORMS)[]) {
  const dir = path.join(FIXTURES, name);
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
