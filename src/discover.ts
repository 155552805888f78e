// Finds the files worth scanning: fast-glob + default ignores + .gitignore (nested and up to the git root), then a
// byte-level prefilter ("tiktok" anywhere) and the importer closure (files importing a kept module are kept too).
// Speed matters (trees of 20k files): bytes are searched with Buffer.indexOf, text is decoded only for files that
// can matter, and a file is regexed for imports at most once, and only when it names a kept module.
import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { isGitignored, parentGitignores, readGitignore, toPosix } from './gitignore.js';
import { CODE_EXTENSIONS, findProjectConfig, loadAliases, resolveImport, useAliases, type PathAliases } from './resolve-import.js';
import { importSpecifiers } from './import-graph.js';

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

const EMBEDDED_EXTENSIONS = ['.vue', '.svelte'];
const NON_CODE_EXTENSIONS = ['.json', '.yaml', '.yml', '.html', '.htm'];
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
  useAliases(aliases);

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
  for (const spec of importSpecifiers(text)) {
    const target = resolveImport(candidate.path, spec, known, aliases);
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

export { CODE_EXTENSIONS, resolveImport, type PathAliases } from './resolve-import.js';
