import type { Rule } from './rule.js';
import { describeEndpoint, findingFromReference, successorUrl } from './reference-finding.js';

export const nonCodeReference: Rule = {
  meta: {
    id: 'non-code-reference',
    severity: 'error',
    description: 'A v1 or hybrid TikTok OAuth URL in a non-code file (.env, JSON, YAML, HTML, a Vue/Svelte template).',
    fixable: 'none',
    docs: `# non-code-reference

**What it finds.** A v1 (or hybrid) TikTok OAuth URL in \`.env*\`, \`.json\`, \`.yaml\`/\`.yml\`, \`.html\` files, or in the
template part of a \`.vue\`/\`.svelte\` file.

**Why.** Such values usually configure the code at run time (\`TIKTOK_TOKEN_URL=...\`), so the app keeps calling v1
even after its code is migrated. The tool never edits these files: their format and their consumers are unknown.

**Fix.** Replace the value by hand with its v2 successor (the message names it), and check what reads it: the
token endpoint now needs a form-urlencoded body, and data endpoints need a Bearer header.`,
  },
  check(scan, cwd) {
    return scan.references
      .filter((ref) => ref.where === 'non-code' && ref.kind !== 'v2' && !ref.mobile)
      .map((ref) => {
        const target = successorUrl(ref);
        const finding = findingFromReference(
          ref,
          cwd,
          'non-code-reference',
          'error',
          `${ref.kind === 'hybrid' ? 'Hybrid' : 'v1'} ${describeEndpoint(ref)} URL ${ref.url} in a non-code file: change it by hand${target ? ` to ${target}` : ''}.`,
        );
        finding.fix = 'manual';
        return finding;
      });
  },
};
