// A finding about an OAuth parameter of a reference (redirect_uri, state, client_secret, PKCE): placed at the
// reference, with the fix stated by the rule (never the URL rewrite's "auto": these need a person or are information).
import type { Finding, Fix, Severity } from '../report/model.js';
import type { Reference } from '../scan/types.js';
import { placeFinding } from './reference-finding.js';

export function paramFinding(
  ref: Reference,
  cwd: string,
  ruleId: string,
  severity: Severity,
  fix: Fix,
  message: string,
  manualStep?: string,
): Finding {
  const apiVersion = ref.kind === 'v2' ? 'v2' : 'v1';
  return placeFinding(ref.file, ref.line, ref.column, cwd, ruleId, severity, fix, message, manualStep, { endpoint: ref.endpoint, apiVersion });
}

export { placeFinding } from './reference-finding.js';
