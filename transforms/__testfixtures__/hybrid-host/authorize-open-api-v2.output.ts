const AUTHORIZE = 'https://www.tiktok.com/v2/auth/authorize/';

export function loginUrl(clientKey: string, redirectUri: string, state: string): string {
  const q = new URLSearchParams({ client_key: clientKey, scope: 'user.info.basic', response_type: 'code', redirect_uri: redirectUri, state });
  return `${AUTHORIZE}?${q}`;
}
