import { displayUri, queryNames, redirectFacts } from '../redirect-uris.js';
import type { Finding } from '../report/model.js';
import { lookupFor, paramOf, webCodeReferences } from './oauth-lookup.js';
import { paramFinding } from './oauth-finding.js';
import type { Rule } from './rule.js';

export const redirectUriQuery: Rule = {
  meta: {
    id: 'redirect-uri-query',
    severity: 'error',
    description: 'A redirect_uri carries a query string; v2 accepts only the exact, static registered URI.',
    fixable: 'none',
    docs: `# redirect-uri-query

**What it finds.** A \`redirect_uri\` sent to the authorize URL (or the token request) whose value has a query string:
a static value (\`'https://app.example.com/callback?next=/home'\`, directly or through a constant), a value read from a
\`.env*\` file the code uses (\`process.env.TIKTOK_REDIRECT_URI\`), or a template/concatenation whose static part has a
\`?\` (\`'https://app.example.com/callback?team=' + team\`). The message lists the parameters.

**Why.** v2 redirect URIs are static: each must be registered in the developer portal exactly as sent, with no query
parameters and no fragment (spec section 4). v1 let apps carry data such as a return path on the redirect URI; v2
rejects such a URI with an error page naming redirect_uri. TikTok returns \`state\` unchanged, so that data belongs in
\`state\`, next to the anti-forgery value.

**Fix.** Register the URI without its query string and send exactly that as \`redirect_uri\`, in the authorize URL and
in the token request. Put the parameters into \`state\` (for example base64url JSON of \`{ nonce, next }\` where the
nonce is random and kept in the session), and read them back from \`state\` in the callback after checking the nonce.`,
  },
  check(scan, cwd) {
    const lookup = lookupFor(scan);
    const findings: Finding[] = [];
    const reported = new Set<string>();
    // Authorize URLs first: a token request using the same value is the same fix, reported once.
    const refs = [...webCodeReferences(scan, ['authorize']), ...webCodeReferences(scan, ['token'])];
    for (const ref of refs) {
      const param = paramOf(ref, 'redirect_uri');
      if (!param) continue;
      const facts = redirectFacts(lookup, ref, param, cwd);
      const problems: { key: string; text: string; names: string[] }[] = [];
      for (const k of facts.known) {
        const names = queryNames(k.value);
        if (names) problems.push({ key: k.value, text: `${displayUri(k.value)} (${k.origin})`, names });
      }
      if (facts.partialQuery) problems.push({ key: `code:${param.value}`, text: `built as ${param.value}`, names: facts.partialQuery });
      const fresh = ref.endpoint === 'token' ? problems.filter((p) => !reported.has(p.key)) : problems;
      if (fresh.length === 0) continue;
      for (const p of fresh) reported.add(p.key);
      const names = [...new Set(fresh.flatMap((p) => p.names))];
      const list = names.length > 0 ? names.join(', ') : 'its parameters';
      findings.push(
        paramFinding(
          ref, cwd, 'redirect-uri-query', 'error', 'manual',
          `redirect_uri of ${ref.url} has a query string (${names.length > 0 ? `parameters: ${names.join(', ')}` : 'built at run time'}): ${fresh.map((p) => p.text).join('; ')}. ` +
            `v2 accepts only the exact registered URI, with no query (spec section 4); move ${list} into state.`,
          `Register and send redirect_uri without its query string (in the authorize URL and the token request), carry ${list} in state ` +
            `(with a random nonce the callback checks), and read ${names.length === 1 ? 'it' : 'them'} back from state in the callback.`,
        ),
      );
    }
    return findings;
  },
};
