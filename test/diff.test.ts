import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { colorDiff, unifiedDiff } from '../src/diff.js';

const hasPatch = commandWorks('patch', ['--version']);
const hasGit = commandWorks('git', ['--version']);
const tempDirs: string[] = [];

afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes `before` to a temp folder, applies `diff` with the given tool, and answers the file's bytes afterwards. */
function applyWith(tool: 'patch' | 'git', relPath: string, before: string, diff: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiktok-diff-'));
  tempDirs.push(dir);
  const file = path.join(dir, relPath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, before);
  fs.writeFileSync(path.join(dir, 'change.patch'), diff);
  const args =
    tool === 'patch' ? ['-p1', '-s', '-i', 'change.patch'] : ['apply', '--whitespace=nowarn', 'change.patch'];
  execFileSync(tool, args, { cwd: dir, stdio: 'pipe' });
  return fs.readFileSync(file, 'utf8');
}

const CASES: { name: string; before: string; after: string }[] = [
  { name: 'LF', before: 'a\nb\nc\n', after: 'a\nB\nc\n' },
  { name: 'CRLF', before: 'one\r\ntwo\r\nthree\r\n', after: 'one\r\nTWO\r\nthree\r\n' },
  { name: 'no final newline, last line changed', before: 'a\nb', after: 'a\nc' },
  { name: 'final newline removed', before: 'a\nb\n', after: 'a\nb' },
  { name: 'final newline added', before: 'a\nb', after: 'a\nb\n' },
  { name: 'CRLF without final newline', before: 'x\r\ny', after: 'x\r\nz' },
  {
    name: 'two hunks far apart',
    before: Array.from({ length: 30 }, (_, i) => `line ${i}\n`).join(''),
    after: Array.from({ length: 30 }, (_, i) => (i === 2 || i === 25 ? `changed ${i}\n` : `line ${i}\n`)).join(''),
  },
  { name: 'path with a space', before: 'a\n', after: 'b\n' },
];

describe('unifiedDiff', () => {
  it('reads like git diff: a/ b/ headers, no Index or ==== lines, 3 lines of context', () => {
    const before = 'l1\nl2\nl3\nl4\nl5\nl6\nl7\n';
    const diff = unifiedDiff('src/auth.ts', before, before.replace('l4', 'L4'));
    expect(diff).toBe(
      ['--- a/src/auth.ts', '+++ b/src/auth.ts', '@@ -1,7 +1,7 @@', ' l1', ' l2', ' l3', '-l4', '+L4', ' l5', ' l6', ' l7', ''].join(
        '\n',
      ),
    );
  });

  it('is empty when nothing changed', () => {
    expect(unifiedDiff('x.ts', 'same\n', 'same\n')).toBe('');
  });

  it('shows a changed CRLF line as one - and one + line, keeping the \\r', () => {
    const diff = unifiedDiff('x.ts', 'one\r\ntwo\r\nthree\r\n', 'one\r\nTWO\r\nthree\r\n');
    const body = diff.split('\n').slice(2);
    expect(body.filter((line) => line.startsWith('-'))).toEqual(['-two\r']);
    expect(body.filter((line) => line.startsWith('+'))).toEqual(['+TWO\r']);
  });

  it('marks a missing final newline', () => {
    const diff = unifiedDiff('x.ts', 'a\nb', 'a\nc');
    expect(diff).toContain('-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n');
  });

  it('uses / separators for a Windows-style path', () => {
    expect(unifiedDiff('src\\auth.ts', 'a\n', 'b\n').split('\n').slice(0, 2)).toEqual([
      '--- a/src/auth.ts',
      '+++ b/src/auth.ts',
    ]);
  });

  it('ends a name holding a space with a tab, as git does, so patch finds where it ends', () => {
    expect(unifiedDiff('my dir/a.ts', 'a\n', 'b\n').split('\n').slice(0, 2)).toEqual([
      '--- a/my dir/a.ts\t',
      '+++ b/my dir/a.ts\t',
    ]);
  });

  describe.each(CASES)('applies back exactly: $name', ({ name, before, after }) => {
    const relPath = name === 'path with a space' ? 'my dir/a b.ts' : 'src/auth.ts';
    it.skipIf(!hasPatch)('with patch -p1', () => {
      expect(applyWith('patch', relPath, before, unifiedDiff(relPath, before, after))).toBe(after);
    });
    it.skipIf(!hasGit)('with git apply', () => {
      expect(applyWith('git', relPath, before, unifiedDiff(relPath, before, after))).toBe(after);
    });
  });
});

describe('colorDiff', () => {
  const diff = unifiedDiff('x.ts', 'keep\nold\n', 'keep\nnew\n');

  it('colours headers bold, hunks cyan, removals red, additions green, context plain', () => {
    expect(colorDiff(diff).split('\n')).toEqual([
      '\x1b[1m--- a/x.ts\x1b[0m',
      '\x1b[1m+++ b/x.ts\x1b[0m',
      '\x1b[36m@@ -1,2 +1,2 @@\x1b[0m',
      ' keep',
      '\x1b[31m-old\x1b[0m',
      '\x1b[32m+new\x1b[0m',
      '',
    ]);
  });

  it('changes nothing but the escape codes', () => {
    const crlf = unifiedDiff('x.ts', 'a\r\nb', 'a\r\nc');
    // eslint-disable-next-line no-control-regex
    expect(colorDiff(crlf).replace(/\x1b\[\d+m/g, '')).toBe(crlf);
  });

  it('keeps a CRLF line\'s \\r after the reset code', () => {
    const crlf = unifiedDiff('x.ts', 'a\r\nb\r\n', 'a\r\nc\r\n');
    expect(colorDiff(crlf)).toContain('\x1b[31m-b\x1b[0m\r\n');
  });

  it('does not take a removed line reading "-- x" for a file header', () => {
    const tricky = unifiedDiff('x.sql', 'select 1;\n-- note\n', 'select 1;\n');
    expect(tricky).toContain('\n--- note\n');
    expect(colorDiff(tricky)).toContain('\n\x1b[31m--- note\x1b[0m\n');
  });

  it('colours several concatenated file diffs', () => {
    const both = diff + unifiedDiff('y.ts', 'p\n', 'q\n');
    const lines = colorDiff(both).split('\n');
    expect(lines).toContain('\x1b[1m--- a/y.ts\x1b[0m');
    expect(lines).toContain('\x1b[32m+q\x1b[0m');
  });
});

function commandWorks(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
