import { displayUri, queryNames, redirectFacts } from '../redirect-uris.js';
import type { Finding } from '../report/model.js';
import type { StateMove } from '../state/plan-state.js';
import type { Reference } from '../scan/types.js';
import { lookupFor, paramOf, webCodeReferences } from './oauth-lookup.js';
import { paramFinding } from './oauth-finding.js';
import type { Rule } from './rule.js';

export const redirectUriQuery: Rule = {
  meta: {
    id: 'redirect-uri-query',
    severity: 'error',
    description: 'A redirect_uri carries a query string; v2 accepts only the exact, static registered URI.',
    fixable: 'unsafe',
    docs: `# redirect-uri-query

**What it finds.** A \`redirect_uri\` sent to the authorize URL (or the token request) whose value has a query string:
a static value (\`'https://app.example.com/callback?next=/home'\`, directly or through a constant), a value read from a
\`.env*\` file the code uses (\`process.env.TIKTOK_REDIRECT_URI\`), or a template/concatenation whose static part has a
\`?\` (\`'https://app.example.com/callback?team=' + team\`). The message lists the parameters.

**Why.** v2 redirect URIs are static: each must be registered in the developer portal exactly as sent, with no query
parameters and no fragment (spec section 4). v1 let apps carry data such as a return path on the redirect URI; v2
rejects such a URI with an error page naming redirect_uri. TikTok returns \`state\` unchanged, so that data belongs in
\`state\`, next to the anti-forgery value.

**Fix.** The tool does it for you where it can (an unsafe fix: it changes behaviour, so the report lists it apart;
turn it off with \`--no-state-transform\`). Where the query is written in the code, it is cut off there, and its parameters
(static or computed, e.g. \`?next=\${encodeURIComponent(returnTo)}&src=login\`) are packed into \`state\` with the
anti-forgery value the code already sends: \`state=\${encodeState(csrf, { next: returnTo, src: 'login' }, CLIENT_SECRET)}\`.
\`encodeState\` comes from \`tiktok-state\`, a small module added to the project once (node:crypto only): the state is
\`v1.<nonce>.<params>.<HMAC-SHA256>\`, URL-safe, at most 1,024 characters, and keyed with the server-side client
secret the code already has, so altered parameters fail like a forged nonce. With no state at all, a fresh
\`createNonce()\` is sent (and \`state-missing\` still asks you to keep and check it). Where the callback is found (an
Express/Koa/Fastify GET route at the redirect path, a Next.js API route or route handler there, or else the one route
that exchanges the code), it reads state once (\`const tiktokState = readState(req.query.state, CLIENT_SECRET)\`), its
own anti-forgery comparison gets \`tiktokState.nonce\` (a forged or altered state gives a nonce that matches
nothing), and each moved parameter is read from \`tiktokState.params\`; a return path (\`next\`, \`returnTo\`, …)
goes through \`safeReturnPath\`, so only a same-site path is used (else the code's own default, or \`/\`). Where the callback cannot be found with
confidence, it is left alone and a manual step gives the exact code. A query that comes from a \`.env\` value, a
redirect URI built in browser code, or one with no server-side secret in reach is reported, not rewritten.

By hand: register the URI without its query string and send exactly that as \`redirect_uri\`, in the authorize
URL and in the token request. Put the parameters into \`state\` next to a random nonce kept in the session, and read
them back from \`state\` in the callback after checking the nonce.`,
  },
  check(scan, cwd) {
    const lookup = lookupFor(scan);
    const findings: Finding[] = [];
    const reported = new Set<string>();
    const moves = new Map(scan.stateMoves.map((m) => [m.ref, m]));
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
      const move = moves.get(ref);
      if (move && !move.blocked) {
        findings.push(...movedFindings(ref, move, cwd, fresh.map((p) => p.text).join('; ')));
        continue;
      }
      const cut = ref.endpoint === 'token' && ref.edits.some((e) => e.transform === 'redirect-state');
      if (cut) {
        findings.push({ ...paramFinding(ref, cwd, 'redirect-uri-query', 'error', 'auto', `redirect_uri of ${ref.url} has a query string (${fresh.map((p) => p.text).join('; ')}); its query is cut, as at authorize (spec section 4).`), unsafe: true });
        continue;
      }
      const list = names.length > 0 ? names.join(', ') : 'its parameters';
      const notMoved = move?.blocked ? ` The tool did not move them: ${move.blocked}.` : '';
      findings.push(
        paramFinding(
          ref, cwd, 'redirect-uri-query', 'error', 'manual',
          `redirect_uri of ${ref.url} has a query string (${names.length > 0 ? `parameters: ${names.join(', ')}` : 'built at run time'}): ${fresh.map((p) => p.text).join('; ')}. ` +
            `v2 accepts only the exact registered URI, with no query (spec section 4); move ${list} into state.${notMoved}`,
          `Register and send redirect_uri without its query string (in the authorize URL and the token request), carry ${list} in state ` +
            `(with a random nonce the callback checks), and read ${names.length === 1 ? 'it' : 'them'} back from state in the callback.`,
        ),
      );
    }
    return findings;
  },
};

/** The state transform moved this call's parameters: an unsafe auto fix, plus the callback step when it was not found. */
function movedFindings(ref: Reference, move: StateMove, cwd: string, values: string): Finding[] {
  const list = move.params.join(', ');
  if (move.params.length === 0)
    return [{ ...paramFinding(ref, cwd, 'redirect-uri-query', 'error', 'auto', `redirect_uri of ${ref.url} has an empty query string (${values}); it is cut off (spec section 4).`), unsafe: true }];
  const callback = move.callback
    ? ` The callback (${move.callback}) now reads ${move.params.length === 1 ? 'it' : 'them'} from the verified state and compares the nonce.` +
      (move.unread && move.unread.length > 0 ? ` It never read ${move.unread.join(', ')}; ${move.unread.length === 1 ? 'it is' : 'they are'} in tiktokState.params if needed.` : '')
    : '';
  const nonce = move.hadState === false ? ' No state was sent before: a fresh nonce is sent now, but nothing keeps or checks it yet (see state-missing).' : '';
  const out: Finding[] = [{
    ...paramFinding(ref, cwd, 'redirect-uri-query', 'error', 'auto',
      `redirect_uri of ${ref.url} has a query string (${values}): moved ${list} into state, signed with the anti-forgery value ` +
        `(unsafe fix: it changes what the app sends and reads; --no-state-transform turns it off).${callback}${nonce}`),
    unsafe: true,
  }];
  if (!move.callback)
    out.push(paramFinding(ref, cwd, 'redirect-uri-query', 'error', 'manual',
      `${list} moved from the redirect URI into state, but the callback was not rewritten: ${move.callbackProblem}. Until it reads them from state, ` +
        'its state check fails for every login (state now carries the parameters too).',
      `In the callback: ${move.callbackCode}.`));
  return out;
}
