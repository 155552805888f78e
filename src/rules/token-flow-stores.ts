// Modules a token flow can pass through that the scan never kept: a token store or session helper imported by both
// the login and the refresh job (`./tokens`), which mentions no TikTok URL itself, so discovery left it out. The
// import graph and the checker of mixed-token-use take them in, one import level deep, parsed only when needed.
import fs from 'node:fs';
import path from 'node:path';
import { importSpecifiers } from '../import-graph.js';
import { CODE_EXTENSIONS, resolveImport } from '../resolve-import.js';
import { Parser, type CodeUnit } from '../scan/parse.js';
import { LineIndex } from '../scan/position.js';

const MAX_BYTES = 512 * 1024;

/** The relative imports of `files` (by their text) that are on disk but not among them: file -> imported modules. */
export function unscannedImports(files: Map<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [file, text] of files) {
    if (!CODE_EXTENSIONS.some((e) => file.endsWith(e))) continue;
    for (const spec of importSpecifiers(text)) {
      if (!/^\.{1,2}(?:\/|$)/.test(spec)) continue; // relative imports only
      const base = path.resolve(path.dirname(file), spec);
      const target = resolveImport(file, spec, onDisk([path.dirname(base), base]));
      if (!target || files.has(target) || target.includes(`${path.sep}node_modules${path.sep}`)) continue;
      out.set(file, [...new Set([...(out.get(file) ?? []), target])]);
    }
  }
  return out;
}

/** The code files in these folders (absolute paths), for resolveImport to probe. */
function onDisk(dirs: string[]): Set<string> {
  const known = new Set<string>();
  for (const dir of dirs) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const n of names) if (CODE_EXTENSIONS.some((e) => n.endsWith(e))) known.add(path.join(dir, n));
  }
  return known;
}

/** Parsed units of the given files (small readable code files only). */
export function parseModules(files: Iterable<string>): CodeUnit[] {
  const parser = new Parser();
  const units: CodeUnit[] = [];
  for (const file of files) {
    try {
      if (fs.statSync(file).size > MAX_BYTES) continue;
      const text = fs.readFileSync(file, 'utf8');
      units.push({ file, sf: parser.parse(file, text), offset: 0, lines: new LineIndex(text) });
    } catch {
      // unreadable: the flow is followed without it
    }
  }
  return units;
}
