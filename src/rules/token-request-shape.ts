import type { Rule } from './rule.js';
import { describeEndpoint, placeFinding } from './reference-finding.js';
import type { Reference } from '../scan/types.js';
import { endpointById } from '../endpoints.js';

export const tokenRequestShape: Rule = {
  meta: {
    id: 'token-request-shape',
    severity: 'error',
    description: 'A token, refresh or revoke call that is not (or could not be made) v2-shaped: form body, Content-Type, grant_type, client_secret, redirect_uri.',
    fixable: 'safe',
    docs: `# token-request-shape

**What it finds.** A code exchange, refresh or revoke call whose request does not have the v2 shape, where the tool
could not rewrite it: the parameters are built away from the call, a value it needs (client_secret, redirect_uri)
has no identifier in this code, the HTTP client is not one it rewrites yet, or the options are not an object literal.
Also a token, refresh, revoke or user-info URL that is rewritten to v2 while the call sending it is out of sight (a
config map read at run time, \`fetch(configs[platform].tokenUrl, …)\`, or a helper): that call must be checked by hand.
A v2 \`grant_type=client_credentials\` call (a client access token) needs no code or redirect_uri and is not reported.

**Why.** v2 accepts only \`Content-Type: application/x-www-form-urlencoded\` with the parameters in the body
(spec section 2): the code exchange needs \`client_key, client_secret, code, grant_type=authorization_code,
redirect_uri\` (the one used at authorize); refresh needs \`client_key, client_secret, grant_type=refresh_token,
refresh_token\` (client_secret is new in v2); revoke needs \`client_key, client_secret, token\`.

**Fix.** Where it can, the tool rewrites the call itself (fetch and axios): the parameters move into
\`new URLSearchParams({...})\` with the header, values taken from identifiers the same code already uses. Otherwise
the message says exactly what to add, and where.`,
  },
  check(scan, cwd) {
    const at = (ref: Reference) => [ref.file, ref.call!.line, ref.call!.column, cwd, 'token-request-shape', 'error'] as const;
    // A URL rewritten to v2 whose call is out of sight (a config map read at run time, a helper): that call is the
    // user's to check, call by call, never silently assumed right.
    const unseen = scan.references
      .filter((ref) => ref.where === 'code' && !ref.call && ref.edits.length > 0 && !!ref.endpoint && CALL_ENDPOINTS.has(ref.endpoint))
      .map((ref) => placeFinding(
        ref.file, ref.line, ref.column, cwd, 'token-request-shape', 'error', 'manual',
        `The ${describeEndpoint(ref)} URL is rewritten to v2, but the call that sends it is not in view (the URL goes through a variable, ` +
          'a config object or a helper the tool cannot follow): that call must be made the v2 way too.',
        endpointById(ref.endpoint!).manualStep,
        { endpoint: ref.endpoint, apiVersion: 'v1' },
      ));
    return [...unseen, ...scan.references
      .filter((ref) => ref.where === 'code' && (ref.call?.fixed?.length || ref.call?.shapeProblem))
      .map((ref) =>
        ref.call!.shapeProblem
          ? placeFinding(
              ...at(ref),
              'manual',
              ref.kind === 'v2'
                ? `The v2 ${describeEndpoint(ref)} call (${ref.call!.client}) is malformed: ${ref.call!.shapeProblem}.`
                : `The ${describeEndpoint(ref)} call (${ref.call!.client}) was not reshaped for v2: ${ref.call!.shapeProblem}.`,
              endpointById(ref.endpoint!).manualStep,
              { endpoint: ref.endpoint, apiVersion: ref.kind === 'v2' ? 'v2' : 'v1' },
            )
          : placeFinding(
              ...at(ref),
              'auto',
              `The v2 ${describeEndpoint(ref)} call is malformed: ${ref.call!.fixed!.join('; ')}. It is rewritten as v2 requires.`,
              undefined,
              { endpoint: ref.endpoint, apiVersion: 'v2' },
            ),
      )];
  },
};

/** Endpoints whose v2 call differs from v1 beyond the URL (method, body, headers). */
const CALL_ENDPOINTS = new Set(['token', 'refresh', 'revoke', 'user-info']);
