import { ts } from 'ts-morph';
import type { Finding } from '../report/model.js';
import type { Reference } from '../scan/types.js';
import { lookupFor, webCodeReferences, type OAuthLookup } from './oauth-lookup.js';
import { paramFinding } from './oauth-finding.js';
import type { Rule } from './rule.js';

const PKCE_KEYS = ['code_challenge', 'code_challenge_method', 'code_verifier'];

export const pkceOnWeb: Rule = {
  meta: {
    id: 'pkce-on-web',
    severity: 'warning',
    description: 'PKCE (code_challenge/code_verifier) in a web flow: TikTok documents PKCE for mobile and desktop apps only.',
    fixable: 'none',
    docs: `# pkce-on-web

**What it finds.** \`code_challenge\` or \`code_challenge_method\` among the parameters of an authorize URL, or
\`code_verifier\` sent by a token request (in its URL, or as a key in the function that makes the call), in web code.
Mobile code is skipped.

**Why.** TikTok documents PKCE for its mobile and desktop Login Kits only, and the desktop doc wants a HEX-encoded
SHA-256 challenge, not RFC 7636's base64url; several web projects met "code_challenge" error pages in 2024-25. Whether
v2 web accepts, requires or ignores PKCE is unverified (spec section 2). The tool therefore reports PKCE in web flows
and never inserts or removes it.

**Fix.** Nothing is changed for you. Test the login against TikTok: if it fails with a code_challenge error, drop
PKCE from the web flow (a confidential web client authenticates with its client secret on the server); if you keep it,
make sure the challenge is what TikTok expects (hex SHA-256 of the verifier, per the desktop doc).`,
  },
  check(scan, cwd) {
    const lookup = lookupFor(scan);
    const findings: Finding[] = [];
    for (const ref of webCodeReferences(scan, ['authorize', 'token'])) {
      const keys = (ref.params ?? []).map((p) => p.key).filter((k) => PKCE_KEYS.includes(k));
      if (ref.endpoint === 'token' && !keys.includes('code_verifier') && sendsVerifier(lookup, ref)) keys.push('code_verifier');
      if (keys.length === 0) continue;
      const where = ref.endpoint === 'authorize' ? 'the authorize URL' : 'the token request';
      findings.push(
        paramFinding(
          ref, cwd, 'pkce-on-web', 'warning', 'none',
          `${keys.join(', ')} sent with ${ref.url} (${where} of a web flow): TikTok documents PKCE for mobile and desktop only (hex SHA-256 challenge, not base64url), ` +
            'and web logins have met code_challenge errors; unverified for web (spec section 2). Reported, not changed: test the flow, and drop PKCE if TikTok rejects it.',
        ),
      );
    }
    return findings;
  },
};

/** A `code_verifier` key in the function making the token call (`code_verifier: v`, `{ code_verifier }`, `.append('code_verifier', v)`). */
function sendsVerifier(lookup: OAuthLookup, ref: Reference): boolean {
  const text = lookup.scan.sources.get(ref.file) ?? '';
  if (!text.includes('code_verifier')) return false;
  const lines = lookup.unitsOf(ref.file)[0]?.lines;
  const offset = ref.call && lines ? lines.offset(ref.call.line, ref.call.column) : ref.offset;
  const at = lookup.scopeAt(ref.file, offset);
  if (!at) return false;
  const unit = at.unit;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if ((ts.isPropertyAssignment(n) || ts.isShorthandPropertyAssignment(n)) && n.name.getText(unit.sf).replace(/['"]/g, '') === 'code_verifier') found = true;
    else if (ts.isStringLiteralLike(n) && (n.text === 'code_verifier' || /(?:^|[?&])code_verifier=/.test(n.text))) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(at.scope);
  return found;
}
