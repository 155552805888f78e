import type { Rule } from './rule.js';
import { placeFinding } from './reference-finding.js';
import type { Finding } from '../report/model.js';
import type { CallProblem } from '../scan/types.js';

export const v1ResponseShape: Rule = {
  meta: {
    id: 'v1-response-shape',
    severity: 'error',
    description: 'A migrated call\'s response is still read (or handed on) in the v1 shape.',
    fixable: 'unsafe',
    docs: `# v1-response-shape

**What it finds.** Reads of a token, refresh or revoke response that the tool could not move to the v2 shape: the
whole v1-shaped response is returned, sent to a client or stored (its consumers read \`data.access_token\`), a field
v2 no longer returns is read (\`captcha\`, \`desc_url\`), or v1's numeric \`error_code\` is compared with something
other than 0.

**Why.** v1 wrapped token answers as \`{"data":{...},"message":"success"}\`; v2 answers flat
\`{"access_token",...,"token_type":"Bearer"}\` and errors as \`{"error","error_description","log_id"}\` (spec section 3).
With fetch, v1 read \`json.data.access_token\` and v2 reads \`json.access_token\`; with axios, \`res.data.data.access_token\`
becomes \`res.data.access_token\`.

**Fix.** The tool rewrites the reads it can follow (\`json.data.x\` -> \`json.x\`, \`message === 'error'\` -> \`json.error\`,
\`data.description\` -> \`error_description\`). Where the response leaves the function, update its consumers, or run with
\`--compat-response\` to wrap the v2 response as \`{ data: ... }\` at that one spot (an unsafe fix: it keeps v1's shape
alive, and v1's error fields are not recreated).`,
  },
  check(scan, cwd) {
    const seen = new Set<string>(); // a helper shared by several calls is reported once
    const firstTime = (p: CallProblem) => !seen.has(`${p.file}:${p.line}:${p.column}`) && !!seen.add(`${p.file}:${p.line}:${p.column}`);
    return scan.references.flatMap((ref) => {
      const extra = { endpoint: ref.endpoint, apiVersion: ref.kind === 'v2' ? ('v2' as const) : ('v1' as const) };
      const what = ref.endpoint === 'revoke' ? 'revoke' : ref.endpoint === 'user-info' ? 'user info' : 'token';
      const out: Finding[] = [];
      if (ref.kind === 'v2' && ref.endpoint !== 'user-info' && ref.call?.readsFixed) {
        const n = ref.call.readsFixed;
        out.push(placeFinding(ref.file, ref.call.line, ref.call.column, cwd, 'v1-response-shape', 'error', 'auto',
          `The response of this v2 ${ref.endpoint} call is read in the v1 shape (${n} read${n === 1 ? '' : 's'}, e.g. json.data.access_token); moved to v2's flat fields.`,
          undefined, extra));
      }
      for (const p of ref.responseWrapped ?? [])
        out.push(placeFinding(p.file, p.line, p.column, cwd, 'v1-response-shape', 'warning', 'auto',
          `The ${what} response is ${p.message}; an unsafe fix: v1's error fields are not recreated, so move its consumers to the v2 shape when you can.`,
          undefined, extra));
      for (const p of (ref.responseProblems ?? []).filter(firstTime))
        out.push(placeFinding(p.file, p.line, p.column, cwd, 'v1-response-shape', 'error', 'manual', `The ${what} response ${p.message}.`,
          'Read the v2 shape here: token fields at the top level (json.access_token), errors in json.error / json.error_description; or re-run with --compat-response to wrap the response as { data: … } at this spot.',
          extra));
      return out;
    });
  },
};
