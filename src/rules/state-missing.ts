import { ts } from 'ts-morph';
import type { Finding } from '../report/model.js';
import { lookupFor, webCodeReferences } from './oauth-lookup.js';
import { paramFinding } from './oauth-finding.js';
import type { Rule } from './rule.js';

export const STATE_STEP =
  "Generate an unguessable state for each login (crypto.randomBytes(16).toString('hex') or crypto.randomUUID()), keep it in the session or an " +
  'httpOnly cookie, send it as state in the authorize URL, and reject the callback unless its state matches.';

export const stateMissing: Rule = {
  meta: {
    id: 'state-missing',
    severity: 'error',
    description: 'An authorize URL whose parameters are visible sends no state (no protection against login CSRF).',
    fixable: 'none',
    docs: `# state-missing

**What it finds.** An authorize URL (v1 or v2) whose query parameters the tool can see (written in the URL, joined to
it, or a \`URLSearchParams\`/\`querystring\` object) with no \`state\` among them, and no \`.set('state', …)\` or
\`.append('state', …)\` next to it. A URL whose parameters are built out of sight is not reported. Mobile code is
skipped.

**Why.** \`state\` must carry an unguessable anti-forgery value that the callback checks (spec section 4, seed 001);
without it an attacker can make a victim's browser complete a login with the attacker's code (login CSRF). In v2 it
is also where data the redirect URI used to carry must travel, since redirect URIs are static.

**Fix.** ${STATE_STEP}`,
  },
  check(scan, cwd) {
    const lookup = lookupFor(scan);
    const findings: Finding[] = [];
    for (const ref of webCodeReferences(scan, ['authorize'])) {
      if (!ref.params || ref.params.length === 0 || ref.params.some((p) => p.key === 'state')) continue;
      if (setsStateNearby(lookup, ref.file, ref.offset)) continue;
      findings.push(
        paramFinding(
          ref, cwd, 'state-missing', 'error', 'manual',
          `${ref.url} sends ${ref.params.map((p) => p.key).join(', ')} but no state: nothing ties the callback to this browser's login (login CSRF). ` +
            'Send an unguessable state and check it in the callback (spec section 4).',
          STATE_STEP,
        ),
      );
    }
    return findings;
  },
};

/** `.set('state', …)`, `.append('state', …)` or `state: …` in the function around the URL: the state is added apart. */
function setsStateNearby(lookup: ReturnType<typeof lookupFor>, file: string, offset: number): boolean {
  const at = lookup.scopeAt(file, offset);
  if (!at) return false;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ['set', 'append'].includes(n.expression.name.text) &&
      n.arguments[0] && ts.isStringLiteralLike(n.arguments[0]) && n.arguments[0].text === 'state') found = true;
    else if (ts.isStringLiteralLike(n) && /[?&]state=/.test(n.text)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(at.scope);
  return found;
}
