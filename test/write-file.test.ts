import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../src/write-file.js';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiktok-write-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const isWindows = process.platform === 'win32';

describe('writeFileAtomic', () => {
  it('replaces the content exactly, CRLF and all', () => {
    const file = path.join(dir, 'auth.ts');
    fs.writeFileSync(file, 'old\n');
    const text = "const url = 'https://open.tiktokapis.com/v2/oauth/token/';\r\nexport {};\r\n// é ü 日本\r\n";
    writeFileAtomic(file, text);
    expect(fs.readFileSync(file)).toEqual(Buffer.from(text, 'utf8'));
  });

  it('writes a BOM when the text starts with one, and none otherwise', () => {
    const file = path.join(dir, 'bom.ts');
    fs.writeFileSync(file, 'x');
    writeFileAtomic(file, '\uFEFFexport {};\n');
    expect([...fs.readFileSync(file).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    writeFileAtomic(file, 'export {};\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('export {};\n');
  });

  it.skipIf(isWindows)('keeps the original file mode, even bits the umask would drop', () => {
    const file = path.join(dir, 'script.js');
    fs.writeFileSync(file, '#!/usr/bin/env node\n');
    fs.chmodSync(file, 0o775);
    writeFileAtomic(file, '#!/usr/bin/env node\nconsole.log(1);\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o775);
    fs.chmodSync(file, 0o600);
    writeFileAtomic(file, 'again\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('leaves no temp file behind', () => {
    const file = path.join(dir, 'a.ts');
    fs.writeFileSync(file, 'a');
    writeFileAtomic(file, 'b');
    writeFileAtomic(path.join(dir, 'new.ts'), 'c');
    expect(fs.readdirSync(dir).sort()).toEqual(['a.ts', 'new.ts']);
  });

  it('creates a file that does not exist yet', () => {
    const file = path.join(dir, 'fresh.ts');
    writeFileAtomic(file, 'fresh\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('fresh\n');
  });

  it.skipIf(isWindows)('writes through a symlink, which stays a symlink', () => {
    const real = path.join(dir, 'real.ts');
    const link = path.join(dir, 'link.ts');
    fs.writeFileSync(real, 'old');
    fs.symlinkSync('real.ts', link);
    writeFileAtomic(link, 'new');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toBe('new');
  });

  it('on failure leaves the original untouched and no temp file', () => {
    // A folder where the file should be: the final rename fails after the temp file was written.
    const target = path.join(dir, 'is-a-dir');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'inside.txt'), 'keep');
    expect(() => writeFileAtomic(target, 'text')).toThrow();
    expect(fs.readdirSync(dir)).toEqual(['is-a-dir']);
    expect(fs.readFileSync(path.join(target, 'inside.txt'), 'utf8')).toBe('keep');
  });

  it('throws when the folder does not exist', () => {
    expect(() => writeFileAtomic(path.join(dir, 'missing', 'a.ts'), 'x')).toThrow(/ENOENT/);
  });
});
