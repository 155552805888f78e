// Which of our files an import specifier names: relative paths, TS ESM './x.js' -> x.ts, folder index files, and
// tsconfig/jsconfig `paths` aliases. Shared by discovery (the importer closure) and the scanner (cross-module names).
import fs from 'node:fs';
import path from 'node:path';

export const CODE_EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'] as const;
const EMBEDDED_EXTENSIONS = ['.vue', '.svelte'];
/** Probe order for extensionless specifiers: TypeScript's order, then components, then JSON (require('./x')). */
const PROBE_EXTENSIONS = [...CODE_EXTENSIONS, ...EMBEDDED_EXTENSIONS, '.json'];
/** TS ESM style: './config.js' names config.ts. */
const JS_TO_TS: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

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

/** Makes the aliases of the last discovery the default for resolveImport (the scanner resolves like discovery). */
export function useAliases(aliases: PathAliases[]): void {
  loadedAliases = aliases;
}

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
export async function loadAliases(configFile: string): Promise<PathAliases | undefined> {
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
export function findProjectConfig(folder: string): string | undefined {
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
