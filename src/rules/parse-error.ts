import type { Rule } from './rule.js';
import { relativeFile } from './reference-finding.js';

export const parseError: Rule = {
  meta: {
    id: 'parse-error',
    severity: 'warning',
    description: 'A file could not be parsed, or a rewrite would not re-parse; it was left byte-identical.',
    fixable: 'none',
    docs: `# parse-error

**What it finds.** A source file with a syntax error (file, line and column of the first one), or a file whose
rewritten text would no longer parse (then the rewrite is dropped, never written).

**Why.** The tool never guesses: a file it cannot read as code is left exactly as it was. Any TikTok v1 URL in it is
still reported by \`v1-endpoint\` with a manual step, found from the text alone.

**Fix.** Fix the syntax error (or exclude the file with \`--ignore\`), then run the tool again.`,
  },
  check(scan, cwd) {
    return scan.parseErrors.map((e) => ({
      ruleId: 'parse-error',
      severity: 'warning' as const,
      file: relativeFile(cwd, e.file),
      line: e.line,
      column: e.column,
      fix: 'manual' as const,
      message: `Could not parse: ${e.message.replace(/\.$/, '')}. The file was left unchanged.`,
      manualStep: 'Fix the syntax error or exclude the file with --ignore, then run tiktok-migrate again.',
    }));
  },
};
