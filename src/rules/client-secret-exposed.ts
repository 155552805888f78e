import path from 'node:path';
import { ts } from 'ts-morph';
import type { Finding } from '../report/model.js';
import { browserReason } from '../scan/browser-code.js';
import { LineIndex } from '../scan/position.js';
import { isEnvFile, isLiteralCode, isNameLike, paramOf } from './oauth-lookup.js';
import { paramFinding, placeFinding } from './oauth-finding.js';
import { relativeFile } from './reference-finding.js';
import type { Rule } from './rule.js';

const CODE_EXT = /\.(?:[cm]?[jt]sx?|vue|svelte)$/i;
/** Prefixes that bundlers inline into browser (or app) bundles, and who does it. */
const PUBLIC_PREFIXES: Record<string, string> = {
  NEXT_PUBLIC_: 'Next.js',
  VITE_: 'Vite',
  REACT_APP_: 'Create React App',
  EXPO_PUBLIC_: 'Expo',
};
const PREFIX = Object.keys(PUBLIC_PREFIXES).join('|');
/** A read of a browser-exposed variable whose name says SECRET. */
const PUBLIC_SECRET_READ = new RegExp(
  `(?:process\\.env|import\\.meta\\.env)\\s*(?:\\.\\s*|\\[\\s*['"\`])((?:${PREFIX})\\w*SECRET\\w*)`, 'g');
const PUBLIC_SECRET_LINE = new RegExp(`^\\s*(?:export\\s+)?((?:${PREFIX})\\w*SECRET\\w*)\\s*=\\s*(.*)$`);
/** A client_secret written as a key: `client_secret: …`, `'client_secret': …`, `client_secret=…`, `.append('client_secret', …)`, `{ client_secret }`. */
const CLIENT_SECRET_USE = /\bclient_secret\b['"`]?\s*[:=,}]/g;

const MOVE_STEP =
  'Keep the client secret on the server only: remove it from this code, make the TikTok token calls from a server route that reads it from a ' +
  'server-only environment variable, and rotate the secret in the developer portal, since it has already been shipped.';

export const clientSecretExposed: Rule = {
  meta: {
    id: 'client-secret-exposed',
    severity: 'error',
    description: 'The client secret is sent in an authorize URL, used in code that ships to browsers, or read from a browser-exposed env variable.',
    fixable: 'none',
    docs: `# client-secret-exposed

**What it finds.**
- \`client_secret\` among the parameters of an authorize URL;
- a request that sends \`client_secret\`, or any \`client_secret\` key, in a file that ships to browsers: a component file
  (\`.jsx\`, \`.tsx\`, \`.vue\`, \`.svelte\`), a \`'use client'\` file, or a file under \`components/\`, \`client/\`, \`frontend/\`,
  \`public/\`, \`static/\`, \`ui/\`, \`hooks/\` (not under \`api/\`, \`server/\`, \`routes/\`, …);
- a variable whose name contains \`SECRET\` read with a browser-exposed prefix anywhere in the scanned code
  (\`process.env.NEXT_PUBLIC_*\`, \`VITE_*\`, \`REACT_APP_*\`, \`EXPO_PUBLIC_*\`, \`import.meta.env.VITE_*\`), and such a
  variable defined in a \`.env*\` file.

The finding names the parameter or variable and where it is; it never prints the secret's value.

**Why.** The authorize URL travels through the user's browser (history, logs, referrers); browser bundles and
variables with these prefixes are readable by every visitor. Whoever holds the client secret can exchange codes and
refresh tokens as your app. Spec section 5 lists these as security smells; in v2 the secret belongs only in the
server's token, refresh and revoke requests (spec section 2).

**Fix.** ${MOVE_STEP} The authorize URL needs only \`client_key\`, \`scope\`, \`response_type\`, \`redirect_uri\` and
\`state\`. Rename browser-exposed variables without the prefix and read them only in server code.`,
  },
  check(scan, cwd) {
    const findings: Finding[] = [];
    const reportedLines = new Set<string>();
    const browser = new Map<string, string | undefined>();
    const reasonFor = (file: string): string | undefined => {
      if (!browser.has(file)) browser.set(file, browserFileReason(file, scan.sources.get(file) ?? '', cwd));
      return browser.get(file);
    };
    const mobileFiles = new Set(scan.references.filter((r) => r.mobile).map((r) => r.file));

    // 1. References sending client_secret: in an authorize URL, or from browser code.
    for (const ref of scan.references.filter((r) => r.where === 'code' && !r.mobile)) {
      const param = paramOf(ref, 'client_secret');
      if (!param) continue;
      const reasons: string[] = [];
      if (ref.endpoint === 'authorize') reasons.push('it is sent in the authorize URL, which passes through the user\'s browser');
      const inBrowser = reasonFor(ref.file);
      if (inBrowser) reasons.push(`this code ships to browsers (${inBrowser})`);
      if (reasons.length === 0) continue;
      reportedLines.add(`${ref.file}:${ref.line}`);
      findings.push(paramFinding(ref, cwd, 'client-secret-exposed', 'error', 'manual',
        `client_secret of ${ref.url} (${describeValue(param.value)}) is exposed: ${reasons.join('; ')}. Only the server's token, refresh and revoke requests may carry it (spec sections 2 and 5).`,
        ref.endpoint === 'authorize' ? `Remove client_secret from the authorize URL. ${MOVE_STEP}` : MOVE_STEP));
    }

    // 2. Any client_secret key in browser code (a request the scanner did not tie to a URL, a config object).
    for (const [file, text] of scan.sources) {
      if (!CODE_EXT.test(file) || mobileFiles.has(file) || !text.includes('client_secret')) continue;
      const reason = reasonFor(file);
      if (!reason) continue;
      const lines = new LineIndex(text);
      for (const hit of matches(text, CLIENT_SECRET_USE)) {
        if (isCommentOrType(text, hit.index, hit.end)) continue;
        const { line, column } = lines.position(hit.index);
        const key = `${file}:${line}`;
        if (reportedLines.has(key)) continue;
        reportedLines.add(key);
        findings.push(placeFinding(file, line, column, cwd, 'client-secret-exposed', 'error', 'manual',
          `client_secret is used in code that ships to browsers (${reason}): every visitor can read it (spec section 5).`, MOVE_STEP));
      }
    }

    // 3. Secrets read from (or defined as) browser-exposed environment variables.
    for (const [file, text] of scan.sources) {
      if (CODE_EXT.test(file)) {
        if (!/SECRET/.test(text)) continue;
        const lines = new LineIndex(text);
        for (const hit of matches(text, PUBLIC_SECRET_READ)) {
          if (isCommentOrType(text, hit.index, hit.end)) continue;
          const { line, column } = lines.position(hit.index);
          findings.push(placeFinding(file, line, column, cwd, 'client-secret-exposed', 'error', 'manual',
            `${hit.group} is read here: ${bundler(hit.group)} puts ${prefixOf(hit.group)}* variables into the browser bundle, so this secret ships to every visitor (spec section 5).`,
            `Rename ${hit.group} without the ${prefixOf(hit.group)} prefix and read it only in server code. ${MOVE_STEP}`));
        }
      } else if (isEnvFile(file)) {
        text.split(/\r?\n|\r/).forEach((raw, i) => {
          const m = PUBLIC_SECRET_LINE.exec(raw);
          if (!m || m[2].trim() === '' || /^['"`]{2}$/.test(m[2].trim())) return;
          findings.push(placeFinding(file, i + 1, raw.indexOf(m[1]) + 1, cwd, 'client-secret-exposed', 'error', 'manual',
            `${m[1]} is defined in ${relativeFile(cwd, file)} with a browser-exposed prefix: ${bundler(m[1])} makes ${prefixOf(m[1])}* variables readable in the browser bundle (spec section 5).`,
            `Rename ${m[1]} without the ${prefixOf(m[1])} prefix and read it only in server code. ${MOVE_STEP}`));
        });
      }
    }
    return findings;
  },
};

/** Why a file (by path and text) ships to browsers, using the scanner's own test on its first statement and folders. */
export function browserFileReason(file: string, text: string, cwd: string): string | undefined {
  const relative = relativeFile(cwd, file);
  const head = text.slice(0, 2000);
  const sf = ts.createSourceFile(path.basename(file), head, ts.ScriptTarget.Latest, true);
  return browserReason({ file: relative.startsWith('..') ? file : relative, sf, offset: 0, lines: new LineIndex(head) });
}

/** How the secret is written, never its value: a variable's or constant's name, or "a hard-coded value". */
export function describeValue(code: string): string {
  if (isNameLike(code)) return `from ${code}`;
  if (isLiteralCode(code)) return 'hard-coded';
  return 'built from an expression';
}

function prefixOf(name: string): string {
  return Object.keys(PUBLIC_PREFIXES).find((p) => name.startsWith(p)) ?? '';
}

function bundler(name: string): string {
  return PUBLIC_PREFIXES[prefixOf(name)] ?? 'the bundler';
}

function matches(text: string, re: RegExp): { index: number; end: number; group: string }[] {
  const out: { index: number; end: number; group: string }[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ index: m.index, end: m.index + m[0].length, group: m[1] ?? m[0] });
  return out;
}

/** A hit on a comment line, or a type annotation (`client_secret: string`). */
function isCommentOrType(text: string, index: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  const before = text.slice(lineStart, index);
  if (/^\s*(?:\/\/|\*|\/\*)/.test(before)) return true;
  return /^\s*(?:string|number|unknown|any)\b/.test(text.slice(end, end + 20)) && text[end - 1] === ':';
}
