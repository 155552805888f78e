// Code that ships to browsers: token calls there carry the client secret, and real teams found v2 calls failing
// from the browser (CORS). Such calls are reported with the step "move it to a server", never rewritten.
import path from 'node:path';
import type { CodeUnit } from './parse.js';

const FRONT_END_FOLDERS = new Set(['components', 'client', 'frontend', 'front-end', 'browser', 'public', 'static', 'ui', 'hooks']);
const SERVER_FOLDERS = new Set(['api', 'server', 'backend', 'functions', 'lambda', 'routes']);

/** Why this file runs in the browser, or undefined. */
export function browserReason(unit: CodeUnit): string | undefined {
  const first = unit.sf.statements[0];
  if (first && /^\s*['"]use client['"]/.test(unit.sf.text.slice(first.getStart(unit.sf), first.end))) return "it is a 'use client' file";
  const segments = unit.file.split(/[\\/]/).slice(0, -1).map((s) => s.toLowerCase());
  if (segments.some((s) => SERVER_FOLDERS.has(s))) return undefined;
  const folder = segments.find((s) => FRONT_END_FOLDERS.has(s));
  if (folder) return `it is in a front-end folder (${folder}/)`;
  if (['.jsx', '.tsx', '.vue', '.svelte'].includes(path.extname(unit.file).toLowerCase())) return 'it is a component file';
  return undefined;
}

export function browserProblem(reason: string, carriesSecret = true): string {
  const why = carriesSecret ? 'which keeps the client secret and is not blocked by CORS' : 'which is not blocked by CORS';
  return `this call runs in the browser (${reason}): move it to your server, ${why}, and call that from the browser`;
}
