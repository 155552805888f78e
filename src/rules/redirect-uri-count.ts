import path from 'node:path';
import { collectRedirectUris, MAX_REDIRECT_URIS } from '../redirect-uris.js';
import { placeFinding } from './oauth-finding.js';
import type { Rule } from './rule.js';

export const redirectUriCount: Rule = {
  meta: {
    id: 'redirect-uri-count',
    severity: 'warning',
    description: `More than ${MAX_REDIRECT_URIS} distinct redirect URIs in the project; a v2 app can register at most ${MAX_REDIRECT_URIS}.`,
    fixable: 'none',
    docs: `# redirect-uri-count

**What it finds.** More than ${MAX_REDIRECT_URIS} distinct redirect URIs across the project: the static
\`redirect_uri\` values of authorize and token calls, the values their \`.env*\` variables hold, and \`.env*\` lines whose
key names a redirect or callback URL (the same list as the report's "Redirect URIs to register"). One finding, at the
first URI past the limit.

**Why.** A v2 app registers at most ${MAX_REDIRECT_URIS} redirect URIs, each exactly (spec section 4), and TikTok
rejects any redirect_uri that is not registered. Per-tenant or per-page callback URLs do not scale to that limit.

**Fix.** Use one callback URL per environment and carry what differed (tenant, return path, page) in \`state\`.
Check the report's list of redirect URIs: stale \`.env\` examples and staging values count if they are registered.`,
  },
  check(scan, cwd) {
    const uris = collectRedirectUris(scan, cwd);
    if (uris.length <= MAX_REDIRECT_URIS) return [];
    const first = uris[MAX_REDIRECT_URIS];
    return [
      placeFinding(
        path.resolve(cwd, first.file), first.line, 1, cwd, 'redirect-uri-count', 'warning', 'manual',
        `${uris.length} distinct redirect URIs are used; a v2 app can register at most ${MAX_REDIRECT_URIS} (spec section 4). ` +
          `This is the ${ordinal(MAX_REDIRECT_URIS + 1)}; the full list is in the report's "Redirect URIs to register".`,
        `Reduce the redirect URIs to at most ${MAX_REDIRECT_URIS} (one callback per environment), carrying what differs between them in state.`,
      ),
    ];
  },
};

function ordinal(n: number): string {
  return `${n}th`;
}
