// Wiring the state helper into the files that call it: which module syntax a file speaks, the import (or require)
// it needs in that syntax, where the helper file goes, and the server-side secret a file already has in reach.
import fs from 'node:fs';
import path from 'node:path';
import { ts } from 'ts-morph';
import { editAt } from '../scan/edits.js';
import { layoutOf } from '../scan/layout.js';
import type { PlannedEdit } from '../scan/match.js';
import type { CodeUnit } from '../scan/parse.js';
import { HELPER_NAME, type HelperFormat } from './helper-module.js';

export type Syntax = 'esm' | 'cjs';
const TS_EXT = /\.[cm]?tsx?$/i;
const PUBLIC_ENV = /^(?:NEXT_PUBLIC_|VITE_|REACT_APP_|PUBLIC_|EXPO_PUBLIC_|GATSBY_)/;

export function isTypeScript(file: string): boolean {
  return TS_EXT.test(file);
}

/** How a file imports: its own import/export statements or require calls, else its extension and package type. */
export function syntaxOf(unit: CodeUnit): Syntax {
  const sts = unit.sf.statements;
  if (sts.some((s) => ts.isImportDeclaration(s) || ts.isExportDeclaration(s) || ts.isExportAssignment(s))) return 'esm';
  if (/\brequire\s*\(/.test(unit.sf.text)) return 'cjs';
  const ext = path.extname(unit.file).toLowerCase();
  if (['.mjs', '.mts', '.ts', '.tsx'].includes(ext)) return 'esm';
  if (['.cjs', '.cts'].includes(ext)) return 'cjs';
  return packageType(path.dirname(unit.file)) === 'module' ? 'esm' : 'cjs';
}

function packageType(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    try {
      return (JSON.parse(fs.readFileSync(path.join(d, 'package.json'), 'utf8')) as { type?: string }).type ?? 'commonjs';
    } catch {
      // no (readable) package.json here: look further up
    }
    if (path.dirname(d) === d) return undefined;
  }
}

/** The helper's format and path for a set of importing files, or why they cannot share one. */
export function helperPlace(units: CodeUnit[]): { format: HelperFormat; file: string } | { problem: string } {
  const tsFiles = units.filter((u) => isTypeScript(u.file));
  if (tsFiles.length > 0 && tsFiles.length < units.length) return { problem: 'the authorize and callback code mix TypeScript and JavaScript' };
  const syntaxes = new Set(units.map(syntaxOf));
  if (syntaxes.size > 1) return { problem: 'the authorize and callback code mix ES modules and CommonJS' };
  const format: HelperFormat = tsFiles.length > 0 ? 'ts' : [...syntaxes][0];
  const dir = helperFolder(units.map((u) => path.dirname(u.file)));
  const first = units[0].file;
  let ext = path.extname(first).toLowerCase();
  if (format === 'ts') ext = ext === '.mts' || ext === '.cts' ? ext : '.ts';
  else if (ext !== '.mjs' && ext !== '.cjs') {
    const type = packageType(dir);
    ext = format === 'cjs' && type === 'module' ? '.cjs' : format === 'esm' && type !== 'module' && units.every((u) => u.file.endsWith('.mjs')) ? '.mjs' : '.js';
  }
  return { format, file: path.join(dir, `${HELPER_NAME}${ext}`) };
}

/** The folder the importers share, kept out of Next.js routing folders (a file in pages/ or app/ becomes a route). */
function helperFolder(dirs: string[]): string {
  let common = dirs[0];
  for (const d of dirs) while (!(d + path.sep).startsWith(common + path.sep)) common = path.dirname(common);
  // Only folders inside the package count (a project may itself live in /app).
  const root = packageRoot(common);
  if (!root) return common;
  const inside = path.relative(root, common).split(path.sep).filter(Boolean);
  const routing = inside.findIndex((p) => p === 'pages' || p === 'app');
  return routing >= 0 ? path.join(root, ...inside.slice(0, routing)) : common;
}

function packageRoot(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'package.json'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

/** The import or require of `names` from the helper, placed after the file's last top-level import/require. */
export function importEdit(unit: CodeUnit, names: string[], helperFile: string): PlannedEdit {
  const sf = unit.sf;
  const layout = layoutOf(unit);
  const q = layout.quote;
  const spec = specifierFor(unit, helperFile);
  const syntax = syntaxOf(unit);
  const line = syntax === 'esm'
    ? `import { ${names.join(', ')} } from ${q}${spec}${q};`
    : `const { ${names.join(', ')} } = require(${q}${spec}${q});`;
  const sts = [...sf.statements];
  const isImport = (s: ts.Statement) =>
    ts.isImportDeclaration(s) || (ts.isVariableStatement(s) && /^\s*(?:const|let|var)\s[^=]*=\s*require\s*\(/.test(s.getText(sf))) ||
    ts.isImportEqualsDeclaration(s);
  const last = [...sts].reverse().find((s) => isImport(s) && s.parent === sf);
  if (last) return editAt(unit, last.end, last.end, `${layout.eol}${line}`);
  const directives = sts.findIndex((s) => !(ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression)));
  const before = directives < 0 ? undefined : sts[directives];
  if (!before) {
    const end = sts.length > 0 ? sts[sts.length - 1].end : 0;
    return editAt(unit, end, end, `${end > 0 ? layout.eol : ''}${line}${layout.eol}`);
  }
  return editAt(unit, before.getStart(sf), before.getStart(sf), `${line}${layout.eol}${layout.eol}`);
}

/** './tiktok-state.js' or './tiktok-state', the way this file writes its other relative imports. */
function specifierFor(unit: CodeUnit, helperFile: string): string {
  let rel = path.relative(path.dirname(unit.file), helperFile).split(path.sep).join('/');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  const ext = path.extname(helperFile);
  const bare = rel.slice(0, -ext.length);
  const relative = [...unit.sf.text.matchAll(/(?:from\s*|require\s*\(\s*|import\s*\(\s*)(['"])(\.{1,2}\/[^'"]+)\1/g)].map((m) => m[2]);
  if (ext === '.mjs' || ext === '.cjs') return rel;
  const withExt = relative.filter((r) => /\.[cm]?[jt]sx?$/.test(r));
  if (relative.length > 0) {
    if (withExt.length === 0) return bare;
    const tsExt = withExt.some((r) => /\.[cm]?tsx?$/.test(r));
    return isTypeScript(helperFile) && !tsExt ? `${bare}.js` : rel;
  }
  if (isTypeScript(helperFile)) return packageType(path.dirname(unit.file)) === 'module' ? `${bare}.js` : bare;
  return syntaxOf(unit) === 'esm' ? rel : bare;
}

/**
 * A server-side secret this file already has: a top-level name like CLIENT_SECRET (declared or imported), a
 * `process.env.…SECRET…` it reads, or a `config.….clientSecret` member of a top-level name. Never a browser-exposed
 * variable (NEXT_PUBLIC_…, VITE_…).
 */
export function secretIn(unit: CodeUnit): string | undefined {
  const sf = unit.sf;
  const named = /^(?:[A-Z_]*CLIENT_SECRET|clientSecret|tiktokClientSecret|[A-Z_]*TIKTOK_SECRET)$/;
  const top = new Set<string>();
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st))
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name)) top.add(d.name.text);
        else if (ts.isObjectBindingPattern(d.name)) for (const el of d.name.elements) if (ts.isIdentifier(el.name)) top.add(el.name.text);
      }
    if (ts.isImportDeclaration(st) && st.importClause) {
      if (st.importClause.name) top.add(st.importClause.name.text);
      const b = st.importClause.namedBindings;
      if (b && ts.isNamedImports(b)) for (const el of b.elements) top.add(el.name.text);
      if (b && ts.isNamespaceImport(b)) top.add(b.name.text);
    }
  }
  const byName = [...top].find((n) => named.test(n));
  if (byName) return byName;
  let env: string | undefined;
  let member: string | undefined;
  const visit = (n: ts.Node): void => {
    if (env) return;
    if (ts.isPropertyAccessExpression(n)) {
      const text = n.getText(sf).replace(/\s+/g, '');
      const m = /^process\.env\.(\w+)$/.exec(text);
      if (m && /SECRET/i.test(m[1]) && !PUBLIC_ENV.test(m[1])) env = text;
      else if (!member && /^client_?secret$/i.test(n.name.text) && top.has(text.split('.')[0])) member = text;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return env ?? member;
}
