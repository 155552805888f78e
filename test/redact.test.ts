import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../src/report/redact.js';

describe('redactSecrets', () => {
  it.each([
    ["const CLIENT_SECRET = 'sk_live_abc123';", "const CLIENT_SECRET = '***';"],
    ['  client_secret: "s3cr3t-value",', '  client_secret: "***",'],
    ["+    clientSecret: `abcd1234`,", '+    clientSecret: `***`,'],
    ["-  fetch('https://open-api.tiktok.com/oauth/access_token/?client_key=k&client_secret=hardcoded123&code=' + c)", "-  fetch('https://open-api.tiktok.com/oauth/access_token/?client_key=k&client_secret=***&code=' + c)"],
  ])('masks %s', (input, output) => expect(redactSecrets(input)).toBe(output));

  it.each([
    'const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;',
    "client_secret: CLIENT_SECRET,",
    "url += '&client_secret=' + CLIENT_SECRET;",
    "const label = 'client secret';",
  ])('keeps %s (no literal value)', (line) => expect(redactSecrets(line)).toBe(line));
});
