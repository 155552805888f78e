#!/usr/bin/env node
// Removes from package-lock.json every optionalDependencies entry whose package has no `node_modules/<name>` entry
// in the lock. The registry reached here does not serve some platform binaries (@rollup/rollup-android-*, …), so
// npm leaves them out of the lock's packages but keeps naming them, and `npm ci` then refuses the lock.
// Usage: node scripts/prune-lock-optional.mjs [path/to/package-lock.json]   (prints what it removed)
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const file = resolve(process.argv[2] ?? 'package-lock.json');
const text = readFileSync(file, 'utf8');
const lock = JSON.parse(text);
if (!lock.packages || typeof lock.packages !== 'object') {
  console.error(`${file}: no "packages" (lockfileVersion ${lock.lockfileVersion}); nothing to prune`);
  process.exit(1);
}

// Every package name the lock holds, at any depth: "node_modules/a/node_modules/@s/b" holds "@s/b".
const present = new Set();
for (const key of Object.keys(lock.packages)) {
  const at = key.lastIndexOf('node_modules/');
  if (at !== -1) present.add(key.slice(at + 'node_modules/'.length));
}

const removed = [];
for (const [key, entry] of Object.entries(lock.packages)) {
  const optional = entry?.optionalDependencies;
  if (!optional || typeof optional !== 'object') continue;
  for (const name of Object.keys(optional)) {
    if (present.has(name)) continue;
    delete optional[name];
    removed.push(`${key || '(root)'} -> ${name}`);
  }
  if (Object.keys(optional).length === 0) delete entry.optionalDependencies;
}

if (removed.length > 0) {
  const indent = /^\{\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  writeFileSync(file, JSON.stringify(lock, null, indent) + (text.endsWith('\n') ? '\n' : ''));
}
console.log(`${file}: removed ${removed.length} optional dependenc${removed.length === 1 ? 'y' : 'ies'} the lock does not hold`);
for (const line of removed) console.log(`  ${line}`);
