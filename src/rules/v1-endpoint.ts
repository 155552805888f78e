import type { Rule } from './rule.js';
import { describeEndpoint, findingFromReference, successorUrl } from './reference-finding.js';

const V1_KINDS = new Set(['v1', 'v1-unknown', 'v1-base', 'v1-dynamic', 'v1-path']);

export const v1Endpoint: Rule = {
  meta: {
    id: 'v1-endpoint',
    severity: 'error',
    description: 'A TikTok v1 OAuth endpoint (dead for web apps since 2024-02-29) is referenced.',
    fixable: 'safe',
    docs: `# v1-endpoint

**What it finds.** A URL of TikTok's v1 OAuth API (Login Kit for Web): \`www.tiktok.com/auth/authorize/\`,
\`open-api.tiktok.com/platform/oauth/connect/\`, \`open-api.tiktok.com/oauth/access_token/\`, \`/oauth/refresh_token/\`,
\`/oauth/revoke/\`, \`/user/info/\`, \`/oauth/userinfo/\`, \`/video/list/\`, \`/video/query/\`, \`/share/video/upload/\`,
\`/v0/oauth/get_qrcode/\`, \`/v0/oauth/check_qrcode/\`, however the code builds it (string, template, concatenation,
a constant or config object in another module, \`new URL\`, \`https.request({host, path})\`, axios \`baseURL\`).

**Why.** v1 OAuth stopped working for web apps on 2024-02-29 (spec section 5); calls are rejected.

**Fix.** authorize, token, refresh and revoke URLs are rewritten to their v2 successors (spec section 1):
\`https://www.tiktok.com/v2/auth/authorize/\`, \`https://open.tiktokapis.com/v2/oauth/token/\` (with the right
\`grant_type\`), \`https://open.tiktokapis.com/v2/oauth/revoke/\`. Where a v1 base URL is joined to paths elsewhere,
both pieces are rewritten together, or, when the uses cannot all be seen, the finding asks for a manual change
instead of producing a hybrid URL. Data endpoints (user info, video list/query, QR code) change method, headers and
body as well, and share/video/upload has no 1:1 successor: those are reported with the exact manual step.
A v1 URL in a comment is reported for information and left alone.`,
  },
  check(scan, cwd) {
    return scan.references
      .filter((ref) => ref.where !== 'non-code' && V1_KINDS.has(ref.kind) && !ref.mobile)
      .map((ref) => {
        const target = successorUrl(ref);
        const what = `v1 ${describeEndpoint(ref)} URL ${ref.url}`;
        if (ref.where === 'comment')
          return findingFromReference(ref, cwd, 'v1-endpoint', 'info', `${what} in a comment (left alone).`);
        const message =
          ref.edits.length > 0 && target
            ? `${what} -> ${target}`
            : `${what} needs a manual change${ref.blocked ? `: ${ref.blocked}` : '.'}`;
        return findingFromReference(ref, cwd, 'v1-endpoint', 'error', message);
      });
  },
};
