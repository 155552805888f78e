import { randomBytes } from 'node:crypto';

export function createTikTokLogin(clientKey: string, redirectUri: string) {
  const state = randomBytes(24).toString('base64url');
  const url = new URL('https://www.tiktok.com/v2/auth/authorize/');
  url.search = new URLSearchParams({
    client_key: clientKey,
    scope: 'user.info.basic',
    response_type: 'code',
    redirect_uri: redirectUri,
    state,
  }).toString();
  return { url: url.href, state };
}
