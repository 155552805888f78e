// A finding about an OAuth parameter of a reference (redirect_uri, state, client_secret, PKCE): placed at the
// reference, with the fix stated by the rule (never the URL rewrite's "auto": these need a person or are information).
import type { Finding, Fix, Severity } from '../report/model.js';
import type { Reference } from '../scan/types.js';
import { relativeFile } from './reference-finding.js';

export function paramFinding(
  ref: Reference,
  cwd: string,
  ruleId: string,
  severity: Severity,
  fix: Fix,
  message: string,
  manualStep?: string,
): Finding {
  const finding: Finding = { ruleId, severity, file: relativeFile(cwd, ref.file), line: ref.line, column: ref.column, fix, message };
  if (ref.endpoint) finding.endpoint = ref.endpoint;
  finding.apiVersion = ref.kind === 'v2' ? 'v2' : 'v1';
  if (fix === 'manual' && manualStep) finding.manualStep = manualStep;
  return finding;
}

export { placeFinding } from './reference-finding.js';
