// The safety net before writing: users undo a codemod with git, so we refuse to write where git could not undo it.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * What stands in the way of writing `filesToWrite` (absolute, or relative to `dir`) safely:
 * - null when `dir` is not inside a git work tree, or git is not installed (nothing to check against);
 * - otherwise the problems, as paths relative to the git root with '/' separators: every tracked file with uncommitted
 *   changes anywhere in the work tree (staged or not), then every file of `filesToWrite` that git does not track
 *   (untracked or ignored: writing it could not be undone with git). [] means clean.
 * Three git calls at most, whatever the number of files.
 */
export function uncommittedChanges(dir: string, filesToWrite: string[]): string[] | null {
  const prefix = workTreePrefix(dir);
  if (prefix === null) return null;
  const problems = new Set(trackedChanges(dir));
  for (const file of untracked(dir, prefix, filesToWrite)) problems.add(file);
  return [...problems];
}

/** dir's path inside the work tree ('' at the root, else 'sub/dir/'), or null when dir is not in a work tree. */
function workTreePrefix(dir: string): string | null {
  let out: string;
  try {
    out = git(dir, ['rev-parse', '--is-inside-work-tree', '--show-prefix']);
  } catch {
    // Not a repository, git missing (ENOENT), or git refusing the repo (e.g. safe.directory): no safety net to use.
    return null;
  }
  const [inside, prefix = ''] = out.split('\n');
  return inside === 'true' ? prefix : null;
}

/** Tracked files changed since the last commit; porcelain paths are always relative to the root. */
function trackedChanges(dir: string): string[] {
  // --no-optional-locks: a read-only check must not take index.lock and race the user's own git commands.
  const out = git(dir, ['--no-optional-locks', 'status', '--porcelain=v1', '-z', '--untracked-files=no']);
  const fields = out.split('\0');
  const files: string[] = [];
  for (let i = 0; i < fields.length; i++) {
    const entry = fields[i]!;
    if (entry.length < 4) continue; // the empty tail after the last NUL
    const status = entry.slice(0, 2);
    files.push(entry.slice(3));
    // A rename or copy is followed by its source path as a field of its own.
    if (status.includes('R') || status.includes('C')) i++;
  }
  return files;
}

/** Those of `files` that are not in the index, relative to the root. */
function untracked(dir: string, prefix: string, files: string[]): string[] {
  const base = path.resolve(dir);
  const rootRelative = files.map((file) =>
    path.posix.normalize(prefix + toPosix(path.relative(base, path.resolve(base, file)))),
  );
  const outside = rootRelative.filter((file) => file.startsWith('../'));
  const inside = rootRelative.filter((file) => !file.startsWith('../'));
  if (inside.length === 0) return outside;
  // One `cat-file` call reading the paths from stdin: no command-line length limit, and its output format is fixed
  // (not localised): the blob id for an index entry, "<query> missing" otherwise. `:0:` = the index, stage 0.
  const out = git(dir, ['cat-file', '--batch-check=%(objectname)'], inside.map((file) => `:0:${file}\n`).join(''));
  const answers = out.split('\n');
  return [...outside, ...inside.filter((_, i) => !/^[0-9a-f]{40,64}$/.test(answers[i] ?? ''))];
}

function git(cwd: string, args: string[], input?: string): string {
  return execFileSync('git', args, {
    cwd,
    input,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    maxBuffer: 1 << 28, // a big monorepo's status can pass the 1 MiB default
  }).replace(/\n$/, '');
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
