// Turns a scanner Reference into a report Finding: the part every reference-based rule shares.
import path from 'node:path';
import { endpointById, v2Url } from '../endpoints.js';
import type { Finding, Fix, Severity } from '../report/model.js';
import type { Reference } from '../scan/types.js';

export function relativeFile(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/');
}

/** e.g. "token endpoint (code -> token)", for messages. */
export function describeEndpoint(ref: Reference): string {
  if (!ref.endpoint) return 'endpoint (not in the v1 -> v2 map)';
  const { id, purpose } = endpointById(ref.endpoint);
  return purpose.startsWith(id.replace('-', ' ')) ? `${purpose} endpoint` : `${id} endpoint (${purpose})`;
}

/** The v2 URL the reference becomes, or null. */
export function successorUrl(ref: Reference): string | null {
  return ref.endpoint ? v2Url(endpointById(ref.endpoint)) : null;
}

export function findingFromReference(
  ref: Reference,
  cwd: string,
  ruleId: string,
  severity: Severity,
  message: string,
): Finding {
  const fix = ref.where === 'comment' ? 'none' : ref.edits.length > 0 ? 'auto' : 'manual';
  const finding: Finding = {
    ruleId,
    severity,
    file: relativeFile(cwd, ref.file),
    line: ref.line,
    column: ref.column,
    fix,
    message,
  };
  if (ref.endpoint) finding.endpoint = ref.endpoint;
  if (ref.kind !== 'v2') finding.apiVersion = 'v1';
  else finding.apiVersion = 'v2';
  if (fix === 'manual') {
    const step = ref.endpoint ? endpointById(ref.endpoint).manualStep : undefined;
    const why = ref.blocked ? `${ref.blocked.charAt(0).toUpperCase()}${ref.blocked.slice(1).replace(/\.?$/, '.')}` : '';
    finding.manualStep = [why, step].filter(Boolean).join(' ');
  }
  return finding;
}

/** A finding at a place in a file (a call, a .env line, a read of an env variable), with what else is known. */
export function placeFinding(
  file: string,
  line: number,
  column: number,
  cwd: string,
  ruleId: string,
  severity: Severity,
  fix: Fix,
  message: string,
  manualStep?: string,
  extra: Pick<Finding, 'endpoint' | 'apiVersion'> = {},
): Finding {
  const finding: Finding = { ruleId, severity, file: relativeFile(cwd, file), line, column, ...stripUndefined(extra), fix, message };
  if (fix === 'manual' && manualStep) finding.manualStep = manualStep;
  return finding;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
