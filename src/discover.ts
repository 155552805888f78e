// Finds the files worth scanning: fast-glob + default ignores + .gitignore (nested and up to the git root), then a
// byte-level prefilter ("tiktok" anywhere) and the importer closure (files importing a kept module are kept too).
// Speed matters (trees of 20k files): bytes are searched with Buffer.indexOf, text is decoded only for files that
// can matter, and a file is regexed for imports at most once, and only when it names a kept module.
import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';

export type FileKind = 'code' | 'embedded' | 'non-code';

export interface DiscoveredFile {
  /** Absolute path. */
  path: string;
  kind: FileKind;
  /** Decoded UTF-8; a BOM is kept as \uFEFF. */
  text: string;
}

export interface DiscoverOptions {
  /** Absolute files or folders. */
  paths: string[];
  /** Extra fast-glob patterns, relative to each scanned folder. */
  ignore: string[];
}

export interface DiscoverResult {
  /** Files that passed the prefilter or the importer closure, sorted by path. */
  files: DiscoveredFile[];
  /** How many candidate files were looked at (the report's filesScanned). */
  filesSeen: number;
  /** Files that could matter but could not be read: binary, not UTF-8, too large. */
  skipped: { file: string; reason: string }[];
  /** Given paths that do not exist. */
  missing: string[];
}

export const CODE_EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'] as const;
const EMBEDDED_EXTENSIONS = ['.vue', '.svelte'];
const NON_CODE_EXTENSIONS = ['.json', '.yaml', '.yml', '.html', '.htm'];
/** Probe order for extensionless specifiers: TypeScript's order, then components, then JSON (require('./x')). */
const PROBE_EXTENSIONS = [...CODE_EXTENSIONS, ...EMBEDDED_EXTENSIONS, '.json'];
/** TS ESM style: './config.js' names config.ts. */
const JS_TO_TS: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };
const LOCKFILES = new Set(['package-lock.json', '.package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'npm-shrinkwrap.json']);

const GLOB_PATTERNS = [
  '**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts,vue,svelte,json,yaml,yml,html,htm}',
  '**/.env',
  '**/.env.*',
  '**/.gitignore',
];
const IGNORED_FOLDERS = ['node_modules', 'dist', 'build', 'out', '.next', '.nuxt', '.svelte-kit', 'coverage', 'vendor', '.git'];
const DEFAULT_IGNORES = [
  ...IGNORED_FOLDERS.map((folder) => `**/${folder}/**`),
  '**/*.min.js',
  '**/*.d.ts',
  '**/*.d.mts',
  '**/*.d.cts',
  ...[...LOCKFILES].map((name) => `**/${name}`),
];

const MAX_BYTES = 2 * 1024 * 1024;
const BINARY_PROBE_BYTES = 8000;
const MAX_CLOSURE_ROUNDS = 4;
/** Beyond this many module names, searching each file for each name costs more than regexing every file once. */
const MAX_NEEDLES = 16;
const TIKTOK_SPELLINGS = ['tiktok', 'TikTok', 'TIKTOK', 'Tiktok'].map((s) => Buffer.from(s));
/** `from '…'`, `import '…'`, `import('…')`, `require('…')`; a match in a comment only costs a lookup. */
const IMPORT_RE = /\b(?:from|import|require)\s*\(?\s*(['"])([^'"\r\n]+)\1/g;

/** What kind of file a path is, or undefined when it is not scanned at all. */
export function fileKind(file: string): FileKind | undefined {
  const name = path.basename(file);
  if (name === '.env' || name.startsWith('.env.')) return 'non-code';
  if (LOCKFILES.has(name) || /\.d\.[mc]?ts$/.test(name)) return undefined;
  const ext = path.extname(name).toLowerCase();
  if ((CODE_EXTENSIONS as readonly string[]).includes(ext)) return 'code';
  if (EMBEDDED_EXTENSIONS.includes(ext)) return 'embedded';
  if (NON_CODE_EXTENSIONS.includes(ext)) return 'non-code';
  return undefined;
}

// ---------------------------------------------------------------------------------------------- import resolution

/** tsconfig/jsconfig `baseUrl` + `paths` for the files under `dir`. */
export interface PathAliases {
  dir: string;
  baseUrl?: string;
  /** Folder that `paths` targets are relative to (baseUrl, else the folder of the config defining them). */
  pathsBase: string;
  paths: { pattern: string; targets: string[] }[];
}

/** Aliases loaded by the last discover(): the default for resolveImport so the scanner resolves like discovery. */
let loadedAliases: PathAliases[] = [];

/**
 * The file among `known` (absolute paths) that `specifier`, imported from `fromFile`, names; undefined when it is
 * a package or a file we do not know. Relative specifiers, TS ESM '.js' -> '.ts', folder index files, and
 * tsconfig/jsconfig path aliases.
 */
export function resolveImport(
  fromFile: string,
  specifier: string,
  known: Set<string>,
  aliases: PathAliases[] = loadedAliases,
): string | undefined {
  const spec = specifier.replace(/[?#].*$/, ''); // bundler suffixes: './x.svg?raw'
  if (spec === '') return undefined;
  if (spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..')
    return probe(path.resolve(path.dirname(fromFile), spec), known);
  if (path.isAbsolute(spec)) return probe(spec, known);
  const config = nearestAliases(fromFile, aliases);
  if (!config) return undefined;
  for (const { pattern, targets } of matchingPatterns(spec, config)) {
    const star = pattern.indexOf('*');
    const captured = star < 0 ? '' : spec.slice(star, spec.length - (pattern.length - star - 1));
    for (const target of targets) {
      const found = probe(path.resolve(config.pathsBase, target.replace('*', captured)), known);
      if (found) return found;
    }
  }
  return config.baseUrl ? probe(path.resolve(config.baseUrl, spec), known) : undefined;
}

function probe(base: string, known: Set<string>): string | undefined {
  if (known.has(base)) return base;
  const ext = path.extname(base);
  for (const tsExt of JS_TO_TS[ext] ?? []) {
    const candidate = base.slice(0, -ext.length) + tsExt;
    if (known.has(candidate)) return candidate;
  }
  for (const probeExt of PROBE_EXTENSIONS) if (known.has(base + probeExt)) return base + probeExt;
  for (const probeExt of PROBE_EXTENSIONS) {
    const index = path.join(base, 'index' + probeExt);
    if (known.has(index)) return index;
  }
  return undefined;
}

function nearestAliases(fromFile: string, aliases: PathAliases[]): PathAliases | undefined {
  let best: PathAliases | undefined;
  for (const config of aliases)
    if (isInside(fromFile, config.dir) && (!best || config.dir.length > best.dir.length)) best = config;
  return best;
}

/** Patterns that match, longest prefix first (TypeScript's rule). */
function matchingPatterns(spec: string, config: PathAliases): PathAliases['paths'] {
  return config.paths
    .filter(({ pattern }) => {
      const star = pattern.indexOf('*');
      if (star < 0) return pattern === spec;
      const prefix = pattern.slice(0, star);
      const suffix = pattern.slice(star + 1);
      return spec.length >= prefix.length + suffix.length && spec.startsWith(prefix) && spec.endsWith(suffix);
    })
    .sort((a, b) => b.pattern.indexOf('*') - a.pattern.indexOf('*'));
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Reads baseUrl/paths from a tsconfig or jsconfig, following relative `extends`. Tolerates comments and commas. */
async function loadAliases(configFile: string): Promise<PathAliases | undefined> {
  const { ts } = await import('ts-morph'); // loaded only when a config exists; the scanner needs it anyway
  let baseUrl: string | undefined;
  let paths: { value: Record<string, unknown>; dir: string } | undefined;
  const seen = new Set<string>();
  for (let file: string | undefined = configFile; file && !seen.has(file) && seen.size < 5; ) {
    seen.add(file);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      break;
    }
    const parsed = ts.parseConfigFileTextToJson(file, text).config as
      | { extends?: unknown; compilerOptions?: { baseUrl?: unknown; paths?: unknown } }
      | undefined;
    const options = parsed?.compilerOptions;
    const dir = path.dirname(file);
    if (baseUrl === undefined && typeof options?.baseUrl === 'string') baseUrl = path.resolve(dir, options.baseUrl);
    if (!paths && options?.paths && typeof options.paths === 'object')
      paths = { value: options.paths as Record<string, unknown>, dir };
    const parent = Array.isArray(parsed?.extends) ? parsed.extends.at(-1) : parsed?.extends; // the last one wins
    file = typeof parent === 'string' && parent.startsWith('.') ? path.resolve(dir, parent) : undefined;
    if (file && !file.endsWith('.json')) file += '.json';
  }
  if (baseUrl === undefined && !paths) return undefined;
  const entries = Object.entries(paths?.value ?? {}).map(([pattern, targets]) => ({
    pattern,
    targets: Array.isArray(targets) ? targets.filter((t): t is string => typeof t === 'string') : [],
  }));
  return { dir: path.dirname(configFile), baseUrl, pathsBase: baseUrl ?? paths?.dir ?? path.dirname(configFile), paths: entries };
}

/** The tsconfig/jsconfig that governs `folder`: in it, or in the nearest parent up to the project root. */
function findProjectConfig(folder: string): string | undefined {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
      const file = path.join(dir, name);
      if (fs.existsSync(file)) return file;
    }
    const atRoot = fs.existsSync(path.join(dir, 'package.json')) || fs.existsSync(path.join(dir, '.git'));
    if (atRoot || path.dirname(dir) === dir) return undefined;
  }
}

// ---------------------------------------------------------------------------------------------- .gitignore

interface GitignoreLevel {
  dir: string;
  /** `dir` + separator: a string prefix test is much cheaper than path.relative for every file. */
  prefix: string;
  rules: Ignore;
}

function readGitignore(dir: string, file = path.join(dir, '.gitignore')): GitignoreLevel | undefined {
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
function parentGitignores(folder: string): GitignoreLevel[] {
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
function isGitignored(file: string, levels: GitignoreLevel[]): boolean {
  let ignored = false;
  for (const level of levels) {
    if (!file.startsWith(level.prefix)) continue;
    const result = level.rules.test(toPosix(file.slice(level.prefix.length)));
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

// ---------------------------------------------------------------------------------------------- discovery

interface Candidate {
  path: string;
  kind: FileKind;
  bytes: Buffer;
  /** Decoded once needed; null when the bytes are not UTF-8. */
  text?: string | null;
  /** Resolved import targets, once regexed (code/embedded files only). */
  imports?: string[];
}

export async function discover(options: DiscoverOptions): Promise<DiscoverResult> {
  const missing: string[] = [];
  const explicitFiles = new Set<string>();
  const listed = new Set<string>();
  const configFiles = new Set<string>();
  for (const given of options.paths) {
    const abs = path.resolve(given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      missing.push(given);
      continue;
    }
    const config = findProjectConfig(stat.isFile() ? path.dirname(abs) : abs);
    if (config) configFiles.add(config);
    if (stat.isFile()) {
      explicitFiles.add(abs);
      continue;
    }
    for (const file of await listFolder(abs, options.ignore)) listed.add(file);
  }
  for (const file of explicitFiles) listed.add(file);

  const aliases: PathAliases[] = [];
  for (const file of configFiles) {
    const loaded = await loadAliases(file);
    if (loaded) aliases.push(loaded);
  }
  loadedAliases = aliases;

  const skipped: DiscoverResult['skipped'] = [];
  const kept = new Map<string, DiscoveredFile>();
  const pending: Candidate[] = [];
  let filesSeen = 0;
  for (const file of listed) {
    const kind = fileKind(file);
    if (!kind) {
      if (explicitFiles.has(file)) skipped.push({ file, reason: 'not a file type tiktok-migrate scans' });
      continue;
    }
    filesSeen++;
    const bytes = readBytes(file);
    if (bytes === 'too large') {
      skipped.push({ file, reason: `too large (over ${MAX_BYTES / 1024 / 1024} MiB)` });
      continue;
    }
    if (!bytes) continue; // vanished or unreadable between listing and reading
    if (mentionsTikTok(bytes)) {
      const text = decode(bytes, file, skipped);
      if (text !== undefined) kept.set(file, { path: file, kind, text });
    } else if (kind !== 'non-code' && !isBinary(bytes)) {
      pending.push({ path: file, kind, bytes });
    }
  }

  const known = new Set([...listed].filter((file) => fileKind(file) !== undefined));
  addImporters(kept, pending, known, aliases);
  const files = [...kept.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  skipped.sort((a, b) => (a.file < b.file ? -1 : 1));
  return { files, filesSeen, skipped, missing };
}

/** Candidate files under a folder: default ignores, --ignore patterns, then every .gitignore that applies. */
async function listFolder(folder: string, extraIgnores: string[]): Promise<string[]> {
  const userIgnores = extraIgnores.map((pattern) =>
    path.isAbsolute(pattern) ? toPosix(path.relative(folder, pattern)) : pattern,
  );
  const entries = await fg(GLOB_PATTERNS, {
    cwd: folder,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false, // no loops, no file scanned twice
    suppressErrors: true,
    ignore: [...DEFAULT_IGNORES, ...userIgnores],
  });
  const levels = parentGitignores(folder);
  const gitignores = entries.filter((rel) => rel === '.gitignore' || rel.endsWith('/.gitignore'));
  // Shallow first, so deeper files override (git's precedence).
  gitignores.sort((a, b) => a.split('/').length - b.split('/').length);
  for (const rel of gitignores) {
    const level = readGitignore(path.resolve(folder, path.dirname(rel)));
    if (level) levels.push(level);
  }
  const files: string[] = [];
  for (const rel of entries) {
    if (rel === '.gitignore' || rel.endsWith('/.gitignore')) continue;
    const abs = path.resolve(folder, rel);
    if (levels.length === 0 || !isGitignored(abs, levels)) files.push(abs);
  }
  return files;
}

function readBytes(file: string): Buffer | 'too large' | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    if (size > MAX_BYTES) return 'too large';
    const bytes = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = fs.readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return read === size ? bytes : bytes.subarray(0, read);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function mentionsTikTok(bytes: Buffer): boolean {
  return TIKTOK_SPELLINGS.some((spelling) => bytes.indexOf(spelling) >= 0);
}

function isBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, BINARY_PROBE_BYTES).indexOf(0) >= 0;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text of a file that matters; records why when it cannot be read as text. */
function decode(bytes: Buffer, file: string, skipped: DiscoverResult['skipped']): string | undefined {
  if (isBinary(bytes)) {
    skipped.push({ file, reason: 'binary' });
    return undefined;
  }
  try {
    return utf8.decode(bytes);
  } catch {
    skipped.push({ file, reason: 'not UTF-8' });
    return undefined;
  }
}

/**
 * The importer closure: keeps code files that import a kept module, to a fixed point (config -> index re-export
 * -> user). A file is only regexed for imports when its bytes name a newly kept module (basename, or folder name
 * for index files).
 */
function addImporters(kept: Map<string, DiscoveredFile>, pending: Candidate[], known: Set<string>, aliases: PathAliases[]): void {
  let added = [...kept.values()].filter(importable).map((file) => file.path);
  for (let round = 0; round < MAX_CLOSURE_ROUNDS && added.length > 0 && pending.length > 0; round++) {
    const needles = [...new Set(added.map(moduleName))].map((name) => Buffer.from(name));
    const checkAll = needles.length > MAX_NEEDLES;
    const keptNow: DiscoveredFile[] = []; // added after the round, so one round is one import level
    const stillPending: Candidate[] = [];
    for (const candidate of pending) {
      if (!candidate.imports && (checkAll || needles.some((needle) => candidate.bytes.indexOf(needle) >= 0)))
        candidate.imports = importTargets(candidate, known, aliases);
      const text = candidate.text;
      if (text && candidate.imports?.some((target) => kept.has(target)))
        keptNow.push({ path: candidate.path, kind: candidate.kind, text });
      else stillPending.push(candidate);
    }
    for (const file of keptNow) kept.set(file.path, file);
    added = keptNow.map((file) => file.path);
    pending = stillPending;
  }
}

/** Only code, components and JSON can be imported; .env, YAML and HTML files name no module. */
function importable(file: DiscoveredFile): boolean {
  return file.kind !== 'non-code' || file.path.endsWith('.json');
}

/** The name an importer's specifier contains: 'config' for config.ts, 'tiktok' for tiktok/index.ts. */
function moduleName(file: string): string {
  const base = path.basename(file, path.extname(file));
  return base === 'index' ? path.basename(path.dirname(file)) : base;
}

function importTargets(candidate: Candidate, known: Set<string>, aliases: PathAliases[]): string[] {
  const text = (candidate.text = utf8Text(candidate.bytes) ?? null);
  if (text === null) return [];
  const targets: string[] = [];
  IMPORT_RE.lastIndex = 0;
  for (let m = IMPORT_RE.exec(text); m; m = IMPORT_RE.exec(text)) {
    const target = resolveImport(candidate.path, m[2], known, aliases);
    if (target) targets.push(target);
  }
  return targets;
}

function utf8Text(bytes: Buffer): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}
