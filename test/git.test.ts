import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uncommittedChanges } from '../src/git.js';

let repo: string;

function git(...args: string[]): void {
  execFileSync('git', ['-c', 'user.email=a@b', '-c', 'user.name=a', '-c', 'commit.gpgsign=false', ...args], {
    cwd: repo,
    stdio: 'pipe',
  });
}

function write(relPath: string, text: string): string {
  const file = path.join(repo, relPath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

beforeEach(() => {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'tiktok-git-'));
  git('init', '-q');
  write('src/auth.ts', 'v1\n');
  write('src/other file é.ts', 'x\n');
  write('README.md', 'readme\n');
  write('.gitignore', 'ignored.ts\n');
  git('add', '.');
  git('commit', '-q', '-m', 'init');
});

afterEach(() => {
  fs.rmSync(repo, { recursive: true, force: true });
});

describe('uncommittedChanges', () => {
  it('answers [] for a clean work tree', () => {
    expect(uncommittedChanges(repo, [path.join(repo, 'src/auth.ts')])).toEqual([]);
  });

  it('lists a modified tracked file, wherever it is', () => {
    write('README.md', 'changed\n');
    expect(uncommittedChanges(repo, [path.join(repo, 'src/auth.ts')])).toEqual(['README.md']);
  });

  it('lists staged changes too', () => {
    write('src/auth.ts', 'v2\n');
    git('add', 'src/auth.ts');
    expect(uncommittedChanges(repo, [])).toEqual(['src/auth.ts']);
  });

  it('gives names with spaces and accents verbatim (no quoting)', () => {
    write('src/other file é.ts', 'y\n');
    expect(uncommittedChanges(repo, [])).toEqual(['src/other file é.ts']);
  });

  it('lists a staged rename by its new name only', () => {
    git('mv', 'README.md', 'docs.md');
    expect(uncommittedChanges(repo, [])).toEqual(['docs.md']);
  });

  it('lists an untracked file that would be written', () => {
    const target = write('src/new.ts', 'new\n');
    expect(uncommittedChanges(repo, [target, path.join(repo, 'src/auth.ts')])).toEqual(['src/new.ts']);
  });

  it('lists an ignored file that would be written: git could not restore it either', () => {
    const target = write('ignored.ts', 'x\n');
    expect(uncommittedChanges(repo, [target])).toEqual(['ignored.ts']);
  });

  it('does not list an untracked file that is not written', () => {
    write('scratch.ts', 'scratch\n');
    expect(uncommittedChanges(repo, [path.join(repo, 'src/auth.ts')])).toEqual([]);
  });

  it('answers paths relative to the git root when run from a subfolder, with targets relative to it', () => {
    write('README.md', 'changed\n');
    write('src/new.ts', 'new\n');
    const sub = path.join(repo, 'src');
    expect(uncommittedChanges(sub, ['auth.ts', 'new.ts'])).toEqual(['README.md', 'src/new.ts']);
  });

  it('answers null outside a git work tree', () => {
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'tiktok-nogit-'));
    // Even if the temp folder sits inside some repository, git must not look above it.
    const savedCeiling = process.env.GIT_CEILING_DIRECTORIES;
    process.env.GIT_CEILING_DIRECTORIES = path.dirname(plain);
    try {
      expect(uncommittedChanges(plain, [path.join(plain, 'a.ts')])).toBeNull();
    } finally {
      if (savedCeiling === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
      else process.env.GIT_CEILING_DIRECTORIES = savedCeiling;
      fs.rmSync(plain, { recursive: true, force: true });
    }
  });

  it('answers null inside the .git folder (not a work tree)', () => {
    expect(uncommittedChanges(path.join(repo, '.git'), [])).toBeNull();
  });

  it('answers null when git is not installed', () => {
    const savedPath = process.env.PATH;
    process.env.PATH = path.join(repo, 'no-such-bin');
    try {
      expect(uncommittedChanges(repo, [])).toBeNull();
    } finally {
      process.env.PATH = savedPath;
    }
  });

  it('checks many target files in one go', () => {
    const targets = Array.from({ length: 2000 }, (_, i) => path.join(repo, 'src', `tracked-${i}.ts`));
    for (const file of targets) fs.writeFileSync(file, 'x\n');
    git('add', '.');
    git('commit', '-q', '-m', 'many');
    expect(uncommittedChanges(repo, [...targets, write('src/untracked.ts', 'u\n')])).toEqual(['src/untracked.ts']);
  });
});
