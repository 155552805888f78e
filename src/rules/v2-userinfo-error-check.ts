import type { Rule } from './rule.js';
import { placeFinding } from './reference-finding.js';

export const v2UserinfoErrorCheck: Rule = {
  meta: {
    id: 'v2-userinfo-error-check',
    severity: 'error',
    description: 'A v2 user info response is checked the v1 way (error.code as a number), which treats success as failure.',
    fixable: 'safe',
    docs: `# v2-userinfo-error-check

**What it finds.** Code that calls v2 user info and tests \`error.code\` the v1 way: \`if (body.error.code)\`,
\`error.code !== 0\`, \`!error.code\`.

**Why.** v2 user info always carries \`error\`, and its \`code\` is the string \`"ok"\` on success (spec section 3): every
such check turns success into failure.

**Fix.** Rewritten to compare with \`'ok'\`: \`error.code !== 'ok'\` means failure.`,
  },
  check(scan, cwd) {
    return scan.references
      .filter((ref) => ref.kind === 'v2' && ref.endpoint === 'user-info' && ref.call?.readsFixed)
      .map((ref) =>
        placeFinding(ref.file, ref.call!.line, ref.call!.column, cwd, 'v2-userinfo-error-check', 'error', 'auto',
          `The v2 user info error check treats success as failure (error.code is "ok" on success); ${ref.call!.readsFixed} check${ref.call!.readsFixed === 1 ? '' : 's'} rewritten to compare with 'ok'.`,
          undefined, { endpoint: ref.endpoint, apiVersion: 'v2' }),
      );
  },
};
