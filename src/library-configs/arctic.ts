// arctic: `new TikTok(clientKey, clientSecret, redirectURI)` from 'arctic'. Arctic's TikTok client is v2 already
// (arctic 3.7.0 dist/providers/tiktok.js: https://www.tiktok.com/v2/auth/authorize, https://open.tiktokapis.com/v2/oauth/
// token/ and /v2/oauth/revoke/, client_key in every request), so it is never reported by itself. What is reported is a
// v1 TikTok call in a module joined to it by imports (directly or through others, as mixed-token-use joins modules):
// those calls receive arctic's v2 tokens, and v1 and v2 never mix (spec section 5). No v2 URL is visible in the code,
// so mixed-token-use cannot see this flow; when one is (in those modules), mixed-token-use reports it and this stays quiet.
import { ts } from 'ts-morph';
import { connectedModules, importGraph } from '../import-graph.js';
import type { Finding } from '../report/model.js';
import { describeEndpoint, placeFinding, relativeFile } from '../rules/reference-finding.js';
import { bindingOf, importBindings, RULE_ID, walk, type Detector } from './common.js';

const TOKEN_FLOW = new Set(['authorize', 'token', 'refresh', 'revoke', 'user-info', 'video-list', 'video-query']);

export const arctic: Detector = (scan, cwd) => {
  const clients = new Map<string, { line: number; column: number }>();
  for (const unit of scan.units) {
    const bindings = importBindings(unit.sf).filter((b) => b.specifier === 'arctic');
    if (bindings.length === 0) continue;
    walk(unit.sf, (node) => {
      if (clients.has(unit.file) || !ts.isNewExpression(node)) return;
      const found = bindingOf(node.expression, bindings);
      const name = found?.member ?? found?.binding.imported;
      if (name === 'TikTok') clients.set(unit.file, unit.lines.position(unit.offset + node.getStart(unit.sf)));
    });
  }
  if (clients.size === 0) return [];
  const group = connected([...scan.sources.keys()], scan.sources);
  const out: Finding[] = [];
  for (const [file, at] of clients) {
    const near = group(file);
    const refs = scan.references.filter((r) => near.has(r.file) && r.where === 'code' && !r.mobile && r.endpoint && TOKEN_FLOW.has(r.endpoint));
    if (refs.some((r) => r.kind === 'v2' || r.kind === 'hybrid')) continue; // mixed-token-use names this flow
    for (const old of refs) {
      const resolved = old.edits.length > 0;
      out.push(placeFinding(old.file, old.line, old.column, cwd, RULE_ID, 'error', resolved ? 'auto' : 'manual',
        `v1 ${describeEndpoint(old)} is used next to arctic's TikTok client at ${relativeFile(cwd, file)}:${at.line}, which is v2 ` +
        `(arctic's TikTok class uses https://open.tiktokapis.com/v2/oauth/token/): v1 and v2 tokens never mix (spec section 5). ` +
        (resolved ? 'This migration moves the call to v2, which resolves the mix.' : 'This remains after the migration.'),
        `Move this call to v2 (see its v1-endpoint finding) so it takes arctic's v2 tokens: user info is GET https://open.tiktokapis.com/v2/user/info/?fields=… with Authorization: Bearer <tokens.accessToken()>.`,
        { endpoint: old.endpoint, apiVersion: 'v1' }));
    }
  }
  return out;
};

/** The modules joined to a file by imports (undirected, transitive), as the discovery resolves them. */
function connected(files: string[], sources: Map<string, string>): (file: string) => Set<string> {
  const code = files.filter((f) => /\.(c|m)?[jt]sx?$|\.vue$|\.svelte$/.test(f));
  const groups = connectedModules(importGraph(code, sources));
  return (file) => groups.find((g) => g.has(file)) ?? new Set([file]);
}
