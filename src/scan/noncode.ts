// TikTok OAuth URLs in files the tool never edits (.env*, JSON, YAML, HTML, the template of a .vue/.svelte file):
// each one is reported so a person changes it, because such values configure the code at run time.
import { findTikTokUrls } from '../url-match.js';
import { LineIndex } from './position.js';
import type { Reference } from './types.js';

export const NON_CODE_BLOCKED = 'non-code files are never edited';

/** Every TikTok OAuth URL in `text` that is not already v2 (v1, hybrid, v1 base URLs), as a non-code Reference. */
export function scanNonCode(file: string, text: string): Reference[] {
  const { searchable, toOriginal } = unescapeSlashes(text);
  const matches = findTikTokUrls(searchable).filter((match) => match.kind !== 'v2');
  if (matches.length === 0) return [];
  const lines = new LineIndex(text);
  return matches.map((match) => {
    const start = toOriginal(match.start);
    const end = toOriginal(match.end);
    const reference: Reference = {
      file,
      offset: start,
      ...lines.position(start),
      kind: match.kind,
      where: 'non-code',
      url: text.slice(start, end),
      edits: [],
      blocked: NON_CODE_BLOCKED,
    };
    if (match.endpoint) reference.endpoint = match.endpoint;
    return reference;
  });
}

/**
 * JSON writers may escape slashes ("https:\/\/open-api.tiktok.com\/oauth\/access_token\/"), which hides the path
 * from the URL matcher. Matching runs on a copy with `\/` read as `/`; offsets are mapped back to the file.
 */
function unescapeSlashes(text: string): { searchable: string; toOriginal: (offset: number) => number } {
  if (!text.includes('\\/')) return { searchable: text, toOriginal: (offset) => offset };
  // removed[i] = offset in `searchable` where the i-th dropped backslash would have been.
  const removed: number[] = [];
  const searchable = text.replace(/\\\//g, (_match, offset: number) => {
    removed.push(offset - removed.length);
    return '/';
  });
  return {
    searchable,
    toOriginal(offset) {
      let shift = 0;
      while (shift < removed.length && removed[shift] < offset) shift++;
      return offset + shift;
    },
  };
}
