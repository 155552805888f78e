// .gitignore files, nested ones and those above the scanned folder up to the git root (and .git/info/exclude),
// each applying relative to its own folder, with the `ignore` package.
import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

export interface GitignoreLevel {
  dir: string;
  /** `dir` + separator: a string prefix test is much cheaper than path.relative for every file. */
  prefix: string;
  rules: Ignore;
}

export function readGitignore(dir: string, file = path.join(dir, '.gitignore')): GitignoreLevel | undefined {
  try {
    return { dir, prefix: dir.endsWith(path.sep) ? dir : dir + path.sep, rules: ignore().add(fs.readFileSync(file, 'utf8')) };
  } catch {
    return undefined;
  }
}

/**
 * .git/info/exclude of the repository holding `folder`, and the .gitignore files of the folders above `folder` up
 * to the git root (the folder's own and deeper ones come from the glob).
 */
export function parentGitignores(folder: string): GitignoreLevel[] {
  const above: string[] = [];
  let root = folder;
  while (!fs.existsSync(path.join(root, '.git'))) {
    if (path.dirname(root) === root) return []; // not inside a repository
    root = path.dirname(root);
    above.unshift(root);
  }
  const levels: GitignoreLevel[] = [];
  const exclude = readGitignore(root, path.join(root, '.git', 'info', 'exclude'));
  if (exclude) levels.push(exclude);
  for (const dir of above) {
    const level = readGitignore(dir);
    if (level) levels.push(level);
  }
  // A folder the user names explicitly is scanned even if a rule above it excludes the folder itself.
  return levels.filter((level) => level.dir === folder || !level.rules.ignores(toPosix(path.relative(level.dir, folder)) + '/'));
}

/** Git's rule: the deepest .gitignore that has a say about the file wins. `levels` are ordered root first. */
export function isGitignored(file: string, levels: GitignoreLevel[]): boolean {
  let ignored = false;
  for (const level of levels) {
    if (!file.startsWith(level.prefix)) continue;
    const result = level.rules.test(toPosix(file.slice(level.prefix.length)));
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

export function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

// ---------------------------------------------------------------------------------------------- discovery
