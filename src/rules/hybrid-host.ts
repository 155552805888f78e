import type { Rule } from './rule.js';
import { findingFromReference, successorUrl } from './reference-finding.js';

export const hybridHost: Rule = {
  meta: {
    id: 'hybrid-host',
    severity: 'error',
    description: 'A v2 path on a host that never served it (open-api.tiktok.com/v2/..., open.tiktok.com/v2/...).',
    fixable: 'safe',
    docs: `# hybrid-host

**What it finds.** URLs that mix a v1 host with a v2 path, such as \`https://open-api.tiktok.com/v2/oauth/token/\`
or \`https://open.tiktok.com/v2/user/info/\`, and the v2 authorize path on an API host.

**Why.** Seen in real code after half-done migrations; such hosts never served v2, so every call fails
(spec section 1, "Hybrids").

**Fix.** The host is replaced: v2 API paths live on \`open.tiktokapis.com\`, the v2 authorize page on
\`www.tiktok.com\`. The path is kept.`,
  },
  check(scan, cwd) {
    return scan.references
      .filter((ref) => ref.where === 'code' && ref.kind === 'hybrid' && !ref.mobile)
      .map((ref) => {
        const target = successorUrl(ref);
        const message =
          ref.edits.length > 0
            ? `Hybrid TikTok URL ${ref.url}: the host never served v2${target ? ` -> ${target}` : ''}`
            : `Hybrid TikTok URL ${ref.url}: the host never served v2; use ${target ?? 'open.tiktokapis.com'}${ref.blocked ? ` (${ref.blocked})` : ''}`;
        return findingFromReference(ref, cwd, 'hybrid-host', 'error', message);
      });
  },
};
