// The script blocks of .vue and .svelte files. Offsets are kept exact so that a position found in a block maps back
// to the original file, and the rest of the file (the template) can be scanned for URLs as plain text.

export interface ScriptBlock {
  /** Offset of the script content (just after the opening tag) in the file's text. */
  start: number;
  content: string;
  lang: 'ts' | 'js';
}

// Attribute values may hold '>' (Vue 3.3: generic="T extends Record<string, unknown>"), so quoted values are skipped whole.
const OPEN_TAG_RE = /<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const CLOSE_TAG_RE = /<\/script\s*>/gi;
/** type="…" values that still mean JavaScript; other types (JSON, templates) are data, scanned as text. */
const SCRIPT_TYPES = /^(?:module|(?:text|application)\/(?:java|ecma|type)script)$/i;

/** Every `<script …>…</script>` block whose content is JavaScript or TypeScript, in file order. */
export function extractScripts(text: string): ScriptBlock[] {
  const blocks: ScriptBlock[] = [];
  OPEN_TAG_RE.lastIndex = 0;
  for (let open = OPEN_TAG_RE.exec(text); open; open = OPEN_TAG_RE.exec(text)) {
    const attributes = open[1];
    if (open[0].endsWith('/>')) continue; // <script src="…" />: no content
    const start = open.index + open[0].length;
    CLOSE_TAG_RE.lastIndex = start;
    const close = CLOSE_TAG_RE.exec(text);
    const end = close ? close.index : text.length; // unclosed: the rest of the file, as a browser would read it
    OPEN_TAG_RE.lastIndex = close ? close.index + close[0].length : text.length;
    const type = attribute(attributes, 'type');
    if (type !== undefined && !SCRIPT_TYPES.test(type.trim())) continue;
    blocks.push({ start, content: text.slice(start, end), lang: langOf(attribute(attributes, 'lang'), type) });
  }
  return blocks;
}

/** The text with every script block's content blanked to spaces (line breaks kept), so offsets still match. */
export function nonScriptText(text: string): string {
  let out = '';
  let last = 0;
  for (const block of extractScripts(text)) {
    out += text.slice(last, block.start) + block.content.replace(/[^\r\n]/g, ' ');
    last = block.start + block.content.length;
  }
  return out + text.slice(last);
}

function langOf(lang: string | undefined, type: string | undefined): 'ts' | 'js' {
  const value = (lang ?? '').trim().toLowerCase();
  if (value === 'ts' || value === 'tsx' || value === 'typescript') return 'ts';
  return /typescript$/i.test(type?.trim() ?? '') ? 'ts' : 'js';
}

function attribute(attributes: string, name: string): string | undefined {
  const re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+))`, 'i');
  const m = re.exec(attributes);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}
