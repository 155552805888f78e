export const TIKTOK_AUTHORIZE_URL = `https://www.tiktok.com/v2/auth/authorize/`;

export function buildAuthorizeUrl({ clientKey, redirectUri, state }) {
  const params = new URLSearchParams({
    client_key: clientKey,
    scope: 'user.info.basic',
    response_type: 'code',
    redirect_uri: redirectUri,
    state,
  });
  return `${TIKTOK_AUTHORIZE_URL}?${params}`;
}
