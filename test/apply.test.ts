// The transform step's safety nets: stale or overlapping edits are refused, a rewrite that would not parse is
// dropped (never written), and edits from several transforms land in the right places.
import { describe, expect, it } from 'vitest';
import { transformFiles } from '../src/apply.js';
import type { Edit, Reference } from '../src/scan/types.js';
import { applyEdits, rebase } from '../src/transform-edits.js';

const FILE = '/virtual/app.js';
const edit = (start: number, old: string, text: string, transform: Edit['transform']): Edit => ({
  file: FILE, start, end: start + old.length, old, text, transform,
});
const reference = (edits: Edit[]): Reference => ({
  file: FILE, offset: 0, line: 1, column: 1, kind: 'v1', where: 'code', url: '', edits,
});

describe('applyEdits', () => {
  it('refuses an edit whose text is no longer there', () => {
    expect(() => applyEdits("const a = 'x';", [edit(11, 'y', 'z', 'token-url')])).toThrow(/stale edit/);
  });
  it('refuses overlapping edits, applies the same edit twice only once', () => {
    const src = "const a = 'abc';";
    expect(() => applyEdits(src, [edit(11, 'ab', 'X', 'token-url'), edit(12, 'bc', 'Y', 'token-url')])).toThrow(/overlapping/);
    expect(applyEdits(src, [edit(11, 'ab', 'X', 'token-url'), edit(11, 'ab', 'X', 'token-url')])).toBe("const a = 'Xc';");
  });
  it('rebases edits past earlier ones of another transform', () => {
    const first = edit(0, 'aa', 'AAAA', 'hybrid-host');
    const later = edit(5, 'c', 'C', 'token-url');
    expect(rebase([later], [first])[0]).toMatchObject({ start: 7, end: 8 });
    expect(rebase([first], [later])[0]).toMatchObject({ start: 0, end: 2 });
  });
});

describe('transformFiles', () => {
  const source = "const a = 'https://open-api.tiktok.com/v2/oauth/token/';\nconst b = 'https://open-api.tiktok.com/oauth/revoke/';\n";
  const text = () => source;

  it('runs each transform on its own edits and records which ran', () => {
    const hybrid = edit(19, 'open-api.tiktok.com', 'open.tiktokapis.com', 'hybrid-host');
    const revokeAt = source.indexOf('open-api', 60);
    const revokeHost = edit(revokeAt, 'open-api.tiktok.com', 'open.tiktokapis.com', 'revoke-url');
    const revokePath = edit(revokeAt + 19, '/oauth/revoke/', '/v2/oauth/revoke/', 'revoke-url');
    const { changes, failures } = transformFiles([reference([hybrid]), reference([revokeHost, revokePath])], text);
    expect(failures).toEqual([]);
    expect(changes[0].transforms).toEqual(['hybrid-host', 'revoke-url']);
    expect(changes[0].after).toBe(source.replaceAll('open-api.tiktok.com', 'open.tiktokapis.com').replace('/oauth/revoke/', '/v2/oauth/revoke/'));
  });

  it('drops a rewrite that would not parse and says so', () => {
    const breaking = edit(10, "'", '', 'token-url'); // removes an opening quote: unterminated code
    const { changes, failures } = transformFiles([reference([breaking])], text);
    expect(changes).toEqual([]);
    expect(failures).toEqual([{ file: FILE, message: 'the rewritten file would not parse, so it was not changed' }]);
  });

  it('reports a stale edit as a failure instead of throwing', () => {
    const { changes, failures } = transformFiles([reference([edit(10, 'nope', 'x', 'token-url')])], text);
    expect(changes).toEqual([]);
    expect(failures[0].message).toMatch(/^a transform failed: stale edit/);
  });
});
