// mixed-token-use: v1 and v2 OAuth endpoints in one flow. Module groups (modules joined by imports) that hold both
// v1 and v2 web references are the only ones looked at closer: for those, one TypeScript checker follows the token
// values (token-flows.ts) and each v1 end a flow reaches is reported flow-level, naming both ends; a v1 end no flow
// reaches is reported module-level, as before. Groups with one API only cost nothing beyond the import graph.
import { connectedModules, importGraph } from '../import-graph.js';
import type { Finding } from '../report/model.js';
import type { ScanResult } from '../scan/scan.js';
import type { Reference } from '../scan/types.js';
import { isEnvFile } from './oauth-values.js';
import type { Rule } from './rule.js';
import { describeEndpoint, relativeFile } from './reference-finding.js';
import { FlowProgram } from './token-flow-program.js';
import { parseModules, unscannedImports } from './token-flow-stores.js';
import type { CodeUnit } from '../scan/parse.js';
import { findFlowLinks, isV2Side, type FlowEnd, type FlowLink } from './token-flows.js';

/** Endpoints that hand out or take a user's tokens: a flow is everything from authorize to the data calls. */
const TOKEN_FLOW = new Set(['authorize', 'token', 'refresh', 'revoke', 'user-info', 'video-list', 'video-query']);

export const mixedTokenUse: Rule = {
  meta: {
    id: 'mixed-token-use',
    severity: 'error',
    description: 'v1 and v2 OAuth endpoints in the same flow: tokens or a code of one API reach the other (flow-level), or both in connected modules (module-level).',
    fixable: 'safe',
    docs: `# mixed-token-use

**What it finds.** v1 and v2 TikTok OAuth endpoints used in one flow: a v2 code exchange whose refresh token goes to
a v1 refresh job, a v2 token sent to v1 user/info or video list, a v1 authorize whose code is redeemed at the v2
token endpoint (or the reverse). Mobile code, which keeps v1 on purpose, is not counted.

- **Flow-level** (the message says so): the tool follows the token values across modules, from where they are
  obtained (authorize, code exchange, refresh) to where they are used (refresh, revoke, user info, video list/query,
  any \`open-api.tiktok.com\` data call): return values, exported functions, \`.then\` callbacks, destructuring,
  object properties, module-level stores (a variable, an object, a Map by key, \`this.x\`, \`req.session.x\`). An authorize
  URL is tied to the exchange that redeems its code by their shared \`redirect_uri\` or by the callback route the
  \`redirect_uri\` names. The finding names both ends (file:line where the tokens come from, and where they go).
- **Module-level** (the message says so): when no flow between them can be followed with confidence, v1 and v2
  endpoints in the same module, or in modules connected by imports, are still reported, naming the nearest v2 end.
  A v1 end reported flow-level is not reported again at the module level.

**Why.** Never mix v1 and v2 (spec section 5, seed 003 FAQ 1): a v2 refresh token is refused by the v1 refresh
endpoint, a v1 code by the v2 token endpoint; whether v1 data endpoints accept v2 tokens is not documented, so treat
it as a defect.

**Fix.** Move the v1 side (the finding is placed on it) to v2. When this run migrates it, the finding says so (fix:
auto) and the mix is resolved once applied; when it needs a hand, the finding says it remains and the v1 side's own
\`v1-endpoint\` finding says how.`,
  },
  check(scan, cwd) {
    // Data calls outside the flow table (share video, open-api paths not in the map) count only when a flow reaches them.
    const refs = scan.references.filter((r) => r.where === 'code' && !r.mobile &&
      ((r.endpoint && (TOKEN_FLOW.has(r.endpoint) || r.endpoint === 'share-video')) || r.kind === 'v1-unknown'));
    // Nodes are all scanned modules (those that mention TikTok and their importers), so two flows that share a
    // TikTok client module are one group.
    const imports = importGraph([...scan.sources.keys()], scan.sources);
    // A store module both sides import (and that names no TikTok URL, so the scan left it out) joins them too.
    const stores = unscannedImports(scan.sources);
    for (const [file, targets] of stores) {
      for (const t of targets) imports.set(t, imports.get(t) ?? new Set());
      imports.set(file, new Set([...(imports.get(file) ?? []), ...targets]));
    }
    const groups = connectedModules(imports);
    const mixedGroups: { refs: Reference[]; v1: Reference[]; v2: Reference[] }[] = [];
    for (const group of groups) {
      const inGroup = refs.filter((r) => group.has(r.file));
      const flow = inGroup.filter((r) => r.endpoint && TOKEN_FLOW.has(r.endpoint));
      const v2 = flow.filter(isV2Side);
      if (v2.length === 0 || inGroup.length === v2.length) continue; // the common case: no program is built
      mixedGroups.push({ refs: inGroup, v1: flow.filter((r) => !isV2Side(r)), v2 });
    }
    if (mixedGroups.length === 0) return [];
    // One checker over the files that can carry a mixed group's flows (the groups are disjoint; one program costs
    // less than several).
    const files = flowFiles(new Set(mixedGroups.flatMap((g) => g.refs.map((r) => r.file))), imports);
    const storeFiles = new Set([...stores.values()].flat());
    const program = flowProgram([...scan.units, ...parseModules([...files].filter((f) => storeFiles.has(f)))], files);
    const env = envValues(scan);
    const findings: Finding[] = [];
    for (const group of mixedGroups) {
      const links = program ? flowLinks(program, group.refs, env) : [];
      const byV1 = new Map<Reference, FlowLink[]>();
      for (const link of links) {
        const old = isV2Side(link.from.ref) ? link.to.ref : link.from.ref;
        byV1.set(old, [...(byV1.get(old) ?? []), link]);
      }
      for (const [old, list] of byV1) findings.push(flowFinding(old, list, cwd));
      for (const old of group.v1) if (!byV1.has(old)) findings.push(moduleFinding(old, nearest(old, group.v2), cwd));
    }
    return findings;
  },
};

function flowProgram(units: CodeUnit[], files: Set<string>): FlowProgram | undefined {
  try {
    return new FlowProgram(units.filter((u) => files.has(u.file)));
  } catch {
    return undefined;
  }
}

/** The flow links of a group; none (so every v1 end is reported at the module level) if following them fails. */
function flowLinks(program: FlowProgram, refs: Reference[], env: Map<string, string[]>): FlowLink[] {
  try {
    return findFlowLinks(program, refs, env);
  } catch {
    return [];
  }
}

function flowFinding(old: Reference, links: FlowLink[], cwd: string): Finding {
  const [link, ...more] = links;
  const other = (l: FlowLink) => (l.from.ref === old ? l.to : l.from);
  const at = (end: FlowEnd) => {
    const place = `${relativeFile(cwd, end.file)}:${end.line}`;
    const url = `${relativeFile(cwd, end.ref.file)}:${end.ref.line}`;
    return place === url ? place : `${place} with its URL at ${url}`;
  };
  const side = (end: FlowEnd) => `${isV2Side(end.ref) ? 'v2' : 'v1'} ${endpointName(end.ref)}`;
  const how = link.how.length ? ` (${link.how.join(', ')})` : '';
  const what = link.what === 'code'
    ? `the code from the ${side(link.from)} at ${at(link.from)} is redeemed by the ${side(link.to)} at ${at(link.to)}${how}, ` +
      `and the ${isV2Side(link.to.ref) ? 'v2 token endpoint refuses a v1 code' : 'v1 token endpoint refuses a v2 code'}`
    : `tokens from the ${side(link.from)} at ${at(link.from)} go to the ${side(link.to)} at ${at(link.to)}${how}, ` +
      `and tokens of the two APIs never mix`;
  const others = [...new Set(more.map((l) => at(other(l))))].filter((w) => w !== at(other(link)));
  const also = others.length ? ` The same v1 end also meets the v2 flow at ${others.join(', ')}.` : '';
  const oldEnd = link.from.ref === old ? link.from : link.to;
  return finding(old, `Mixed v1/v2 flow (flow-level): ${what}. Move the v1 side (${at(oldEnd)}) to v2; ${resolution(old)}.${also}`, cwd);
}

function moduleFinding(old: Reference, other: Reference, cwd: string): Finding {
  const where = `${relativeFile(cwd, other.file)}:${other.line}`;
  const scope = old.file === other.file ? 'in the same module as' : 'in a module connected by imports to';
  return finding(
    old,
    `Mixed v1/v2 (module-level): the v1 ${endpointName(old)} is used ${scope} the v2 ${endpointName(other)} at ${where}; ` +
      `no token flow between them could be followed, so this is reported at the module level: tokens and codes of the two ` +
      `APIs never mix. Move the v1 side to v2; ${resolution(old)}.`,
    cwd,
  );
}

function resolution(old: Reference): string {
  return old.edits.length > 0
    ? 'this migration does it, which resolves the mix'
    : 'this remains after the migration: see its v1-endpoint finding';
}

function finding(old: Reference, message: string, cwd: string): Finding {
  const resolved = old.edits.length > 0;
  return {
    ruleId: 'mixed-token-use',
    severity: 'error',
    file: relativeFile(cwd, old.file),
    line: old.line,
    column: old.column,
    ...(old.endpoint ? { endpoint: old.endpoint } : {}),
    apiVersion: 'v1',
    fix: resolved ? 'auto' : 'manual',
    message,
    ...(resolved ? {} : { manualStep: `Migrate the v1 ${endpointName(old)} here to v2, so the whole flow uses v2.` }),
  };
}

function endpointName(ref: Reference): string {
  return ref.endpoint ? describeEndpoint(ref) : `open-api.tiktok.com data call (${ref.url})`;
}

/** The v2 end to name: one in the same file first, else the first one. */
function nearest(old: Reference, v2: Reference[]): Reference {
  return v2.find((r) => r.file === old.file) ?? v2[0];
}

/** Every `KEY=value` of the scanned `.env*` files (a redirect_uri read from one names its callback path). */
function envValues(scan: ScanResult): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [file, text] of scan.sources) {
    if (!isEnvFile(file)) continue;
    for (const line of text.split(/\r?\n|\r/)) {
      const m = /^\s*(?:export\s+)?([A-Za-z_][\w.-]*)\s*=\s*['"]?([^'"#\s]*)/.exec(line);
      if (m) out.set(m[1], [...(out.get(m[1]) ?? []), m[2]]);
    }
  }
  return out;
}

/**
 * The modules a flow between the references' files can run through: those files, the modules that import them
 * (callers, transitively), and everything those import (helpers, stores). A module merely sharing a config module
 * with them cannot carry their tokens, so it is left out of the checker.
 */
function flowFiles(refFiles: Set<string>, imports: Map<string, Set<string>>): Set<string> {
  const importers = new Map<string, string[]>();
  for (const [file, targets] of imports) for (const t of targets) importers.set(t, [...(importers.get(t) ?? []), file]);
  const closure = (start: Iterable<string>, next: (f: string) => Iterable<string>): Set<string> => {
    const seen = new Set(start);
    const queue = [...seen];
    while (queue.length) for (const n of next(queue.pop()!)) if (!seen.has(n)) queue.push(n), seen.add(n);
    return seen;
  };
  return closure(closure(refFiles, (f) => importers.get(f) ?? []), (f) => imports.get(f) ?? []);
}
