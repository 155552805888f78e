// The audit step: every rule over the scan, one list of findings.
import type { Finding } from './report/model.js';
import { RULES } from './rules/index.js';
import type { ScanResult } from './scan/scan.js';

export function audit(scan: ScanResult, cwd: string): Finding[] {
  return RULES.flatMap((rule) => rule.check(scan, cwd));
}
