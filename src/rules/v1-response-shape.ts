import type { Rule } from './rule.js';
import { relativeFile } from './reference-finding.js';

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
    const fixed = scan.references
      .filter((ref) => ref.kind === 'v2' && ref.endpoint !== 'user-info' && ref.call?.readsFixed)
      .map((ref) => ({
        ruleId: 'v1-response-shape',
        severity: 'error' as const,
        file: relativeFile(cwd, ref.file),
        line: ref.call!.line,
        column: ref.call!.column,
        endpoint: ref.endpoint,
        apiVersion: 'v2' as const,
        fix: 'auto' as const,
        message: `The response of this v2 ${ref.endpoint} call is read in the v1 shape (${ref.call!.readsFixed} read${ref.call!.readsFixed === 1 ? '' : 's'}, e.g. json.data.access_token); moved to v2's flat fields.`,
      }));
    const wrapped = scan.references.flatMap((ref) =>
      (ref.responseWrapped ?? []).map((p) => ({
        ruleId: 'v1-response-shape',
        severity: 'warning' as const,
        file: relativeFile(cwd, p.file),
        line: p.line,
        column: p.column,
        endpoint: ref.endpoint,
        apiVersion: 'v1' as const,
        fix: 'auto' as const,
        message: `The ${ref.endpoint} response is ${p.message}; an unsafe fix: v1's error fields are not recreated, so move its consumers to the v2 shape when you can.`,
      })),
    );
    return [...fixed, ...wrapped, ...scan.references.flatMap((ref) =>
      (ref.responseProblems ?? []).filter((p) => !seen.has(`${p.file}:${p.line}:${p.column}`) && seen.add(`${p.file}:${p.line}:${p.column}`)).map((p) => ({
        ruleId: 'v1-response-shape',
        severity: 'error' as const,
        file: relativeFile(cwd, p.file),
        line: p.line,
        column: p.column,
        endpoint: ref.endpoint,
        apiVersion: 'v1' as const,
        fix: 'manual' as const,
        message: `The ${ref.endpoint === 'revoke' ? 'revoke' : 'token'} response ${p.message}.`,
        manualStep: 'Read the v2 shape here: token fields at the top level (json.access_token), errors in json.error / json.error_description; or re-run with --compat-response to wrap the response as { data: … } at this spot.',
      })),
    )];
  },
};
