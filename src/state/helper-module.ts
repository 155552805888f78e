// The runtime helper the state transform adds to a project once (templates/tiktok-state.ts): one TypeScript source,
// written as it is into TypeScript projects and compiled to ES module or CommonJS JavaScript for the others.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ts } from 'ts-morph';

export type HelperFormat = 'ts' | 'esm' | 'cjs';

/** The helper's base name in the user's project. */
export const HELPER_NAME = 'tiktok-state';

/** templates/ sits at the package root, beside dist/ (this file runs from dist/src/state/ or src/state/). */
function templatePath(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'templates', `${HELPER_NAME}.ts`);
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`templates/${HELPER_NAME}.ts is missing from the tiktok-migrate package`);
}

const cache = new Map<HelperFormat, string>();

/** The helper module's text in the given format (LF line ends; the caller may convert). */
export function helperSource(format: HelperFormat): string {
  const hit = cache.get(format);
  if (hit) return hit;
  const source = fs.readFileSync(templatePath(), 'utf8');
  let out = source;
  if (format !== 'ts') {
    const compilerOptions = { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext, removeComments: false };
    out = ts.transpileModule(source, { compilerOptions }).outputText;
    if (format === 'cjs') out = toCommonJs(out);
  }
  cache.set(format, out);
  return out;
}

/** The file extension for the helper, following the file that imports it. */
export function helperExtension(format: HelperFormat, importer: string): string {
  const ext = path.extname(importer).toLowerCase();
  if (format === 'ts') return ext === '.mts' ? '.mts' : ext === '.cts' ? '.cts' : '.ts';
  if (ext === '.mjs' || ext === '.cjs') return ext;
  return '.js';
}

/** The ES module build as CommonJS: the template has one import (node:crypto) and `export function`s only, so a
 * plain rewrite reads better than the compiler's `(0, node_crypto_1.x)` output. */
function toCommonJs(esm: string): string {
  const names: string[] = [];
  const body = esm
    .replace(/^import \{([^}]*)\} from ('node:crypto');$/m, (_m, list: string, from: string) => `const {${list}} = require(${from});`)
    .replace(/^export function (\w+)/gm, (_m, name: string) => {
      names.push(name);
      return `function ${name}`;
    });
  if (/^(?:import|export) /m.test(body)) throw new Error('the state helper template has a statement toCommonJs does not handle');
  return `'use strict';\n${body}\nmodule.exports = { ${names.join(', ')} };\n`;
}
