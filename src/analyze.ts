// Everything that needs the TypeScript compiler, as one pure step: scan -> audit -> transform. run.ts calls it in a
// worker thread so the compiler loads while discovery reads the tree (see engine-worker.ts), or in-process.
import { transformFiles, type FileChange, type TransformFailure } from './apply.js';
import { audit } from './audit.js';
import type { DiscoveredFile } from './discover.js';
import type { Finding } from './report/model.js';
import { scan, type ScanResult } from './scan/scan.js';

export interface Analysis {
  scanned: ScanResult;
  findings: Finding[];
  changes: FileChange[];
  failures: TransformFailure[];
}

export function analyze(files: DiscoveredFile[], cwd: string): Analysis {
  const scanned = scan(files);
  const findings = audit(scanned, cwd);
  const textByPath = new Map(files.map((f) => [f.path, f.text]));
  const { changes, failures } = transformFiles(scanned.references, (file) => textByPath.get(file) ?? '');
  return { scanned, findings, changes, failures };
}
