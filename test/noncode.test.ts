import { describe, expect, it } from 'vitest';
import { scanNonCode } from '../src/scan/noncode.js';

const FILE = '/app/.env';

function summary(text: string) {
  return scanNonCode(FILE, text).map((r) => ({ kind: r.kind, endpoint: r.endpoint, url: r.url, line: r.line, column: r.column }));
}

describe('scanNonCode', () => {
  it('reports v1 URLs in a .env file, with and without a scheme, as non-code references that are never edited', () => {
    const text = [
      'TIKTOK_CLIENT_KEY=abc',
      'TIKTOK_AUTH_URL=https://www.tiktok.com/auth/authorize/',
      'TIKTOK_TOKEN_URL=open-api.tiktok.com/oauth/access_token',
      'TIKTOK_REFRESH_URL="http://open-api.tiktok.com/oauth/refresh_token/"',
      'TIKTOK_API=https://open-api.tiktok.com',
      '',
    ].join('\n');
    const refs = scanNonCode(FILE, text);
    expect(summary(text)).toEqual([
      { kind: 'v1', endpoint: 'authorize', url: 'https://www.tiktok.com/auth/authorize/', line: 2, column: 17 },
      { kind: 'v1', endpoint: 'token', url: 'open-api.tiktok.com/oauth/access_token', line: 3, column: 18 },
      { kind: 'v1', endpoint: 'refresh', url: 'http://open-api.tiktok.com/oauth/refresh_token/', line: 4, column: 21 },
      { kind: 'v1-base', endpoint: undefined, url: 'https://open-api.tiktok.com', line: 5, column: 12 },
    ]);
    for (const ref of refs) {
      expect(ref).toMatchObject({ file: FILE, where: 'non-code', edits: [], blocked: 'non-code files are never edited' });
      expect(text.slice(ref.offset, ref.offset + ref.url.length)).toBe(ref.url);
    }
    expect('endpoint' in refs[3]).toBe(false);
  });

  it('reports JSON values, also with escaped slashes, mapping offsets back to the file', () => {
    const text = '{\n  "tokenUrl": "https:\\/\\/open-api.tiktok.com\\/oauth\\/access_token\\/",\n  "revoke": "//open-api.tiktok.com/oauth/revoke/"\n}\n';
    expect(summary(text)).toEqual([
      { kind: 'v1', endpoint: 'token', url: 'https:\\/\\/open-api.tiktok.com\\/oauth\\/access_token\\/', line: 2, column: 16 },
      { kind: 'v1', endpoint: 'revoke', url: '//open-api.tiktok.com/oauth/revoke/', line: 3, column: 14 },
    ]);
    const [ref] = scanNonCode(FILE, text);
    expect(text.slice(ref.offset, ref.offset + ref.url.length)).toBe(ref.url);
  });

  it('reports YAML and HTML references, including hybrids and the old connect URL', () => {
    const yaml = 'tiktok:\n  user_info: https://open-api.tiktok.com/user/info/\n  revoke: https://open.tiktok.com/v2/oauth/revoke/\n';
    expect(summary(yaml).map((r) => [r.kind, r.endpoint, r.line, r.column])).toEqual([
      ['v1', 'user-info', 2, 14],
      ['hybrid', 'revoke', 3, 11],
    ]);
    const html = '<a href="https://open-api.tiktok.com/platform/oauth/connect/?client_key=x">Login</a>';
    expect(summary(html)).toEqual([
      { kind: 'v1', endpoint: 'authorize', url: 'https://open-api.tiktok.com/platform/oauth/connect/', line: 1, column: 10 },
    ]);
  });

  it('does not report v2 URLs or TikTok hosts and links that are not Login Kit', () => {
    const text = [
      'AUTH=https://www.tiktok.com/v2/auth/authorize/',
      'TOKEN=https://open.tiktokapis.com/v2/oauth/token/',
      'USER=https://open.tiktokapis.com/v2/user/info/?fields=open_id',
      'ADS=https://business-api.tiktok.com/open_api/v1.3/oauth2/access_token/',
      'DOUYIN=https://open.douyin.com/oauth/access_token/',
      'PROFILE=https://www.tiktok.com/@someone',
      'VIDEO=https://www.tiktok.com/@someone/video/123',
      'DOCS=https://developers.tiktok.com/doc/login-kit-web/',
    ].join('\n');
    expect(scanNonCode(FILE, text)).toEqual([]);
  });

  it('gives 1-based lines and columns in CRLF text', () => {
    const text = '# TikTok\r\n\r\nA=1\r\n   TOKEN=https://open-api.tiktok.com/oauth/access_token/\r\n';
    const [ref] = scanNonCode(FILE, text);
    expect([ref.line, ref.column]).toEqual([4, 10]);
    expect(ref.offset).toBe(text.indexOf('https://'));
  });
});
