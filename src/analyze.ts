// Everything that needs the TypeScript compiler, as one pure step: scan -> audit -> transform.
// (Tried in a worker thread so the compiler would load during discovery: measured slower on the 2-core machines,
// 2.07 s vs 1.78 s on the bench tree, and 262 vs 183 MiB, so it runs in-process.)
import { transformFiles, type FileChange, type TransformFailure } from './apply.js';
import { audit } from './audit.js';
import type { DiscoveredFile } from './discover.js';
import { collectRedirectUris } from './redirect-uris.js';
import type { Finding, RedirectUriEntry } from './report/model.js';
import { scan, type ScanResult } from './scan/scan.js';
import { FULL_PLAN, type PlanOptions } from './scan/types.js';

export interface Analysis {
  scanned: ScanResult;
  findings: Finding[];
  changes: FileChange[];
  failures: TransformFailure[];
  /** Every redirect URI of the project, with what v2 would reject about it (report.redirectUris). */
  redirectUris: RedirectUriEntry[];
}

export function analyze(files: DiscoveredFile[], cwd: string, options: PlanOptions = FULL_PLAN): Analysis {
  const scanned = scan(files, options);
  const findings = audit(scanned, cwd);
  const textByPath = new Map(files.map((f) => [f.path, f.text]));
  const { changes, failures } = transformFiles(scanned.references, (file) => textByPath.get(file) ?? '');
  return { scanned, findings, changes, failures, redirectUris: collectRedirectUris(scanned, cwd) };
}
