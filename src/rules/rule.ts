// A rule in the typescript-eslint way: meta (id, severity, docs, fixability) then check().
import type { Finding, Severity } from '../report/model.js';
import type { ScanResult } from '../scan/scan.js';

export interface RuleMeta {
  id: string;
  severity: Severity;
  /** One line, shown in --help, SARIF shortDescription and the report. */
  description: string;
  /** Markdown, printed by `tiktok-migrate explain <id>`: what, why (with the spec section), how to fix. */
  docs: string;
  /** Biome's notion: a safe fix keeps behaviour; an unsafe one changes it and is listed apart. */
  fixable: 'safe' | 'unsafe' | 'none';
}

export interface Rule {
  meta: RuleMeta;
  check(scan: ScanResult, cwd: string): Finding[];
}
