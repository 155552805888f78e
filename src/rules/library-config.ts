import type { Rule } from './rule.js';
import type { Finding } from '../report/model.js';
import { arctic } from '../library-configs/arctic.js';
import { forgetPackages, type Detector } from '../library-configs/common.js';
import { grant } from '../library-configs/grant.js';
import { nextAuth } from '../library-configs/next-auth.js';
import { passport } from '../library-configs/passport.js';

const DETECTORS: readonly Detector[] = [nextAuth, passport, grant, arctic];

export const libraryConfig: Rule = {
  meta: {
    id: 'library-config',
    severity: 'error',
    description: 'An OAuth library (next-auth, passport, grant, arctic) configured for TikTok still works the v1 way, or the way v2 refuses.',
    fixable: 'none',
    docs: `# library-config

**What it finds.** TikTok configured through an OAuth library, where the library itself, not the URL, is what still
speaks v1 or what v2 refuses. The URLs inside these configurations are migrated by the other rules; this rule reports
the rest, with the library's own v2 way to configure it. Libraries are recognised by their imports (or the package's
dependencies) and by the shape of their configuration:

- **Auth.js / next-auth**, a custom provider \`{ id: 'tiktok', type: 'oauth', authorization, token, userinfo, profile }\`:
  a token request left to next-auth (it authenticates as \`client_id\`, never \`client_key\`; next-auth v4 does not send
  \`token.params\`), \`authorization.params\` without \`client_key\`, a v1 \`userinfo\` URL or a v2 one without \`?fields=\`,
  and \`profile()\` reading the user outside \`profile.data.user\`. \`profile.data.user.open_id\` is right (v1 and v2 user
  info both answer \`{ data: { user }, error }\`). The built-in provider (\`next-auth/providers/tiktok\`) is not reported.
- **passport**: a passport-oauth2 strategy pointed at TikTok (no \`client_key\` from \`authorizationParams()\` /
  \`tokenParams()\`, scopes joined with a space, \`this._oauth2.get()\` without \`useAuthorizationHeaderforGET(true)\`,
  user info by POST, token fields read as \`params.data.x\` in the verify callback or \`JSON.parse(body).data.x\` in the
  strategy); passport-tiktok-auth with \`version: 'v1'\` or a version before 1.0.8 (v1 only), and other TikTok
  strategies with \`version: 'v1'\`. passport-oauth2 reads \`access_token\` at the top level of the token answer, which is
  v2's shape: once \`client_key\` is sent, nothing else of its token handling changes.
- **grant** (simov/grant), a \`tiktok\` entry in JSON (\`config/oauth.json\`) or in a JS config: no \`authorize_url\` /
  \`access_url\` override (grant's built-in tiktok provider is still v1), \`response\` with \`profile\` (grant fetches the
  profile with a v1 POST), \`client_secret\` or token parameters in \`custom_params\`, a TikTok entry under another name
  (grant sends \`client_key\` only for the provider named \`tiktok\`), grant before 5.4.21.
- **arctic**: \`new TikTok(clientKey, clientSecret, redirectURI)\` is v2 and is never reported by itself; a v1 TikTok call
  in a module joined to it by imports (directly or through others) is reported: it receives arctic's v2 tokens.

**Why.** v2 wants \`client_key\` (not \`client_id\`) and \`client_secret\` in a form body for the code exchange, answers
token requests flat (no \`data\` wrapper), and serves user info by GET with \`Authorization: Bearer\` and \`?fields=\`
(spec sections 2, 3 and 5). Generic OAuth libraries send \`client_id\`, and libraries written for v1 keep v1 defaults:
grant 5.4.24 (the latest) still ships the v1 tiktok URLs and a v1 profile request; passport-tiktok-auth's
\`version: 'v1'\` selects v1. Checked in the libraries' sources: next-auth 4.24.15 (no TikTok provider) and 5 with
@auth/core 0.41.3 (its TikTok provider is v2 and adds \`client_key\` with a custom fetch), openid-client 5.7.1,
passport-oauth2 1.8.0 with oauth 0.10.2, passport-tiktok-auth 1.0.4 to 1.0.12, grant 5.4.24, arctic 3.7.0.

**Fix.** Each finding names the library's own v2 way: next-auth v5's built-in provider, or on v4 a \`token.request()\`
that posts the v2 form; \`client_key\` from passport-oauth2's \`authorizationParams()\` and \`tokenParams()\` and
\`scopeSeparator: ','\`; removing passport-tiktok-auth's \`version: 'v1'\`; the v2 \`authorize_url\` and \`access_url\` in
grant's \`tiktok\` entry and the profile fetched by hand. Nothing here is changed automatically (fix: manual), except
that an arctic finding is resolved when this run migrates the v1 call (fix: auto).`,
  },
  check(scan, cwd) {
    forgetPackages();
    const seen = new Set<string>();
    const unique = (f: Finding) => {
      const key = `${f.file}:${f.line}:${f.column}:${f.message}`;
      return !seen.has(key) && !!seen.add(key);
    };
    return DETECTORS.flatMap((detect) => detect(scan, cwd)).filter(unique);
  },
};
