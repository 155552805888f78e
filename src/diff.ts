// Unified diffs that read (and apply) like `git diff`: `--- a/x` / `+++ b/x`, 3 lines of context.
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/**
 * The unified diff turning `before` into `after`, with a/ and b/ prefixed paths (apply with `git apply` or `patch -p1`).
 * Returns '' when the texts are equal. CRLF lines keep their '\r' inside the line, so a changed CRLF line is one '-' and
 * one '+' line and the patch reproduces `after` byte for byte; a missing final newline is marked the standard way.
 */
export function unifiedDiff(relPath: string, before: string, after: string): string {
  if (before === after) return '';
  const posixPath = relPath.replace(/\\/g, '/');
  const patch = createTwoFilesPatch(`a/${posixPath}`, `b/${posixPath}`, before, after, '', '', {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY, // no `Index:` / `====` lines
  });
  // jsdiff ends each file name with a tab (then the empty header). git only does that when the name has a space,
  // because that tab is what tells `patch` where such a name ends.
  if (posixPath.includes(' ')) return patch;
  return patch.replace(/^(--- a\/.*|\+\+\+ b\/.*)\t$/gm, '$1');
}

const RESET = '\x1b[0m';
const STYLES = {
  header: '\x1b[1m', // bold, like git's meta lines
  hunk: '\x1b[36m', // cyan
  added: '\x1b[32m', // green
  removed: '\x1b[31m', // red
  note: '\x1b[2m', // dim: "\ No newline at end of file"
} as const;
const HUNK_HEADER = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/;

/**
 * `diff` (one or several concatenated file diffs) with ANSI colours for a terminal, as git colours it; the text is
 * otherwise unchanged. Hunk line counts are followed, so a removed line that reads `-- x` is not taken for a header.
 */
export function colorDiff(diff: string): string {
  let oldLeft = 0; // lines of the current hunk still to come, on each side
  let newLeft = 0;
  return diff
    .split('\n')
    .map((line) => {
      let style: string | undefined;
      const hunk = oldLeft === 0 && newLeft === 0 ? HUNK_HEADER.exec(line) : null;
      if (hunk) {
        style = STYLES.hunk;
        oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1]);
        newLeft = hunk[2] === undefined ? 1 : Number(hunk[2]);
      } else if (oldLeft > 0 || newLeft > 0) {
        if (line.startsWith('+')) [style, newLeft] = [STYLES.added, newLeft - 1];
        else if (line.startsWith('-')) [style, oldLeft] = [STYLES.removed, oldLeft - 1];
        else if (line.startsWith('\\')) style = STYLES.note;
        else [oldLeft, newLeft] = [oldLeft - 1, newLeft - 1]; // context
      } else if (line.startsWith('\\')) style = STYLES.note; // after a hunk's last line
      else if (line.startsWith('--- ') || line.startsWith('+++ ')) style = STYLES.header;
      if (!style || line === '') return line;
      // Keep a CRLF line's '\r' after the reset so the escape codes never straddle a carriage return.
      const cr = line.endsWith('\r') ? '\r' : '';
      return `${style}${cr ? line.slice(0, -1) : line}${RESET}${cr}`;
    })
    .join('\n');
}

