// Which modules import which, read from the text: the one import pattern discovery, mixed-token-use, the store
// modules of token flows and the arctic detector share, and the groups of modules joined by imports.
import { resolveImport } from './resolve-import.js';

/** `from '…'`, `import '…'`, `import('…')`, `require('…')`; a match in a comment only costs a lookup. */
const IMPORT_RE = /\b(?:from|import|require)\s*\(?\s*(['"])([^'"\r\n]+)\1/g;

/** Every module specifier the text imports or requires, in order. */
export function importSpecifiers(text: string): string[] {
  return [...text.matchAll(IMPORT_RE)].map((m) => m[2]);
}

/** Which of `files` each of them imports (resolved as discovery resolves, among `files` only). */
export function importGraph(files: string[], sources: Map<string, string>): Map<string, Set<string>> {
  const known = new Set(files);
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const targets = new Set<string>();
    for (const spec of importSpecifiers(sources.get(file) ?? '')) {
      const target = resolveImport(file, spec, known);
      if (target && target !== file) targets.add(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Files joined by imports among themselves (undirected, transitive). */
export function connectedModules(imports: Map<string, Set<string>>): Set<string>[] {
  const parent = new Map([...imports.keys()].map((f) => [f, f]));
  const find = (f: string): string => {
    let root = f;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(f, root);
    return root;
  };
  for (const [file, targets] of imports) for (const target of targets) parent.set(find(file), find(target));
  const groups = new Map<string, Set<string>>();
  for (const f of imports.keys()) groups.set(find(f), (groups.get(find(f)) ?? new Set()).add(f));
  return [...groups.values()];
}
