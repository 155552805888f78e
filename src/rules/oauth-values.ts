// The facts the OAuth-parameter rules share: which references to judge, a parameter of one, the shapes a value can
// take (text, an environment variable, a runtime part), and the .env lines. OAuthLookup (oauth-lookup.ts) finds them.
import path from 'node:path';
import type { ts } from 'ts-morph';
import type { CodeUnit } from '../scan/parse.js';
import type { ScanResult } from '../scan/scan.js';
import type { Reference } from '../scan/types.js';

export type Param = NonNullable<Reference['params']>[number];


/** A `.env*` line: KEY=value. */
export interface EnvLine {
  file: string;
  line: number;
  key: string;
  value: string;
}

/** One piece of a value: known text, an environment variable, or something known only at run time. */
export type Part = { kind: 'text'; text: string } | { kind: 'env'; name: string; file: string } | { kind: 'hole'; code: string };

/** A name followed to its declaration. */
export interface Via {
  name: string;
  file: string;
  line: number;
}

/** One way a value can be made (`a || b` gives two), and the names followed to get there. */
export interface Shape {
  parts: Part[];
  via: Via[];
}

/** Where a parameter's value is written in the code. */
export interface ValueSite {
  unit: CodeUnit;
  node: ts.Expression;
}

export function isEnvFile(file: string): boolean {
  const name = path.basename(file);
  return name === '.env' || name.startsWith('.env.');
}

/** The references a rule about OAuth parameters looks at: web code (not mobile, not comments). */
export function webCodeReferences(scan: ScanResult, endpoints: readonly string[]): Reference[] {
  return scan.references.filter((r) => r.where === 'code' && !r.mobile && !!r.endpoint && endpoints.includes(r.endpoint));
}

export function paramOf(ref: Reference, key: string): Param | undefined {
  return ref.params?.find((p) => p.key === key);
}

/** A value written as an identifier or property chain (a name, never a secret). */
export function isNameLike(code: string): boolean {
  return /^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)*$/.test(code);
}

/** A code text that is a quoted string or a template with no ${}: its text is known. */
export function isLiteralCode(code: string): boolean {
  return /^(['"])[\s\S]*\1$/.test(code) || /^`[^`$]*`$/.test(code) || /^-?\d+(?:\.\d+)?$/.test(code);
}
