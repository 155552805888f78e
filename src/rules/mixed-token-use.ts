import { resolveImport } from '../resolve-import.js';
import type { Finding } from '../report/model.js';
import type { Reference } from '../scan/types.js';
import type { Rule } from './rule.js';
import { describeEndpoint, relativeFile } from './reference-finding.js';

/** Endpoints that hand out or take a user's tokens: a flow is everything from authorize to the data calls. */
const TOKEN_FLOW = new Set(['authorize', 'token', 'refresh', 'revoke', 'user-info', 'video-list', 'video-query']);
const IMPORT_RE = /\b(?:from|import|require)\s*\(?\s*(['"])([^'"\r\n]+)\1/g;

export const mixedTokenUse: Rule = {
  meta: {
    id: 'mixed-token-use',
    severity: 'error',
    description: 'v1 and v2 OAuth endpoints in the same flow (one module, or modules that import each other).',
    fixable: 'safe',
    docs: `# mixed-token-use

**What it finds.** v1 and v2 TikTok OAuth endpoints used together: a v2 code exchange with a v1 refresh job, a v2 token
sent to v1 user/info, a v1 authorize with a v2 token call. It connects them at the module level: the same module, or
modules that import each other (directly or through others); the finding names both ends.

**Why.** Never mix v1 and v2 (spec section 5, seed 003 FAQ 1): a v2 refresh token is refused by the v1 refresh
endpoint, a v1 code by the v2 token endpoint; whether v1 data endpoints accept v2 tokens is not documented, so treat
it as a defect.

**Fix.** Move the v1 side to v2. When this run migrates it, the finding says so (fix: auto) and it is resolved once
applied; when it needs a hand, the v1 side's own finding says how. Mobile code, which keeps v1 on purpose, is not
counted.`,
  },
  check(scan, cwd) {
    const refs = scan.references.filter((r) => r.where === 'code' && !r.mobile && r.endpoint && TOKEN_FLOW.has(r.endpoint));
    // Nodes are all scanned modules (those that mention TikTok and their importers), so two flows that share a
    // TikTok client module are one flow.
    const groups = connectedModules([...scan.sources.keys()], scan.sources);
    const findings: Finding[] = [];
    for (const group of groups) {
      const inGroup = refs.filter((r) => group.has(r.file));
      const v2 = inGroup.filter((r) => r.kind === 'v2' || r.kind === 'hybrid');
      const v1 = inGroup.filter((r) => r.kind !== 'v2' && r.kind !== 'hybrid');
      if (v1.length === 0 || v2.length === 0) continue;
      for (const old of v1) findings.push(finding(old, nearest(old, v2), cwd));
    }
    return findings;
  },
};

function finding(old: Reference, other: Reference, cwd: string): Finding {
  const resolved = old.edits.length > 0;
  const where = `${relativeFile(cwd, other.file)}:${other.line}`;
  const scope = old.file === other.file ? 'in the same module' : `in a module it is connected to by imports (module-level)`;
  return {
    ruleId: 'mixed-token-use',
    severity: 'error',
    file: relativeFile(cwd, old.file),
    line: old.line,
    column: old.column,
    endpoint: old.endpoint,
    apiVersion: 'v1',
    fix: resolved ? 'auto' : 'manual',
    message:
      `v1 ${describeEndpoint(old)} is used with the v2 ${describeEndpoint(other)} at ${where} ${scope}: tokens and codes of ` +
      `the two APIs never mix. Move the v1 side to v2; ${resolved ? 'this migration does it, which resolves the mix' : 'this remains after the migration: see its v1-endpoint finding'}.`,
    ...(resolved ? {} : { manualStep: `Migrate the v1 ${describeEndpoint(old)} here to v2, so the whole flow uses v2.` }),
  };
}

/** The v2 end to name: one in the same file first, else the first one. */
function nearest(old: Reference, v2: Reference[]): Reference {
  return v2.find((r) => r.file === old.file) ?? v2[0];
}

/** Files joined by imports among themselves (undirected, transitive). */
function connectedModules(files: string[], sources: Map<string, string>): Set<string>[] {
  const known = new Set(files);
  const parent = new Map(files.map((f) => [f, f]));
  const find = (f: string): string => (parent.get(f) === f ? f : find(parent.get(f)!));
  for (const file of files) {
    const text = sources.get(file) ?? '';
    for (const m of text.matchAll(IMPORT_RE)) {
      const target = resolveImport(file, m[2], known);
      if (target && target !== file) parent.set(find(file), find(target));
    }
  }
  const groups = new Map<string, Set<string>>();
  for (const f of files) groups.set(find(f), (groups.get(find(f)) ?? new Set()).add(f));
  return [...groups.values()];
}
