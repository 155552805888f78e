import { displayUri, invalidProblems, MAX_REDIRECT_URI_LENGTH, redirectFacts } from '../redirect-uris.js';
import type { Finding } from '../report/model.js';
import { lookupFor, paramOf, webCodeReferences } from './oauth-lookup.js';
import { paramFinding } from './oauth-finding.js';
import type { Rule } from './rule.js';

export const redirectUriInvalid: Rule = {
  meta: {
    id: 'redirect-uri-invalid',
    severity: 'error',
    description: 'A redirect_uri v2 rejects: not absolute, not https, 512+ characters, a #fragment, or localhost on a web app.',
    fixable: 'none',
    docs: `# redirect-uri-invalid

**What it finds.** A \`redirect_uri\` sent to the authorize URL (or the token request) that v2 will not accept for a
web app: not absolute (\`/callback\`, \`//app.example.com/cb\`), not \`https\`, ${MAX_REDIRECT_URI_LENGTH} characters or
more, with a \`#fragment\`, or on \`localhost\`/\`127.0.0.1\`. Only values whose text is known are judged: a static value
(directly or through a constant or config object), or the value a \`.env*\` file gives the variable the code reads
(\`process.env.TIKTOK_REDIRECT_URI\`; each \`.env*\` file defining it is judged). The message says where the value
came from. Mobile code is skipped.

**Why.** Spec section 4: a v2 web redirect URI is absolute and https, under ${MAX_REDIRECT_URI_LENGTH} characters,
static (no query, no fragment) and registered exactly. localhost/127.0.0.1 with a port is for desktop apps only. A
wrong redirect_uri shows the user an HTML error page naming redirect_uri instead of the consent screen.

**Fix.** Use an absolute https URI on your own domain, without a fragment, under ${MAX_REDIRECT_URI_LENGTH}
characters; register it in the developer portal (Login Kit, Redirect URI) exactly as sent, and send the same value in
the token request. For local development, use a tunnel (an https URL that reaches your machine) and register it too.
A query string is reported apart, by \`redirect-uri-query\`.`,
  },
  check(scan, cwd) {
    const lookup = lookupFor(scan);
    const findings: Finding[] = [];
    const reported = new Set<string>();
    const refs = [...webCodeReferences(scan, ['authorize']), ...webCodeReferences(scan, ['token'])];
    for (const ref of refs) {
      const param = paramOf(ref, 'redirect_uri');
      if (!param) continue;
      const bad = redirectFacts(lookup, ref, param, cwd)
        .known.map((k) => ({ ...k, problems: invalidProblems(k.value) }))
        .filter((k) => k.problems.length > 0 && !(ref.endpoint === 'token' && reported.has(`${k.value}|${k.origin}`)));
      if (bad.length === 0) continue;
      for (const k of bad) reported.add(`${k.value}|${k.origin}`);
      const what = bad.map((k) => `${displayUri(k.value)} (${k.origin}): ${k.problems.join(', ')}`).join('; ');
      findings.push(
        paramFinding(
          ref, cwd, 'redirect-uri-invalid', 'error', 'manual',
          `redirect_uri of ${ref.url} is one v2 rejects: ${what}. v2 web apps need an absolute https URI under ${MAX_REDIRECT_URI_LENGTH} characters, without a fragment, registered exactly (spec section 4).`,
          `Change ${bad.map((k) => k.origin.replace(/^from /, '')).filter((o, i, all) => all.indexOf(o) === i).join(', ')} to an absolute https URI on your domain ` +
            `(no fragment, under ${MAX_REDIRECT_URI_LENGTH} characters), register it in the developer portal exactly, and send the same value in the token request.`,
        ),
      );
    }
    return findings;
  },
};
