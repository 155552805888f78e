// One config object with every endpoint: this transform only moves the revoke URL.
export const tiktokConfig = {
  authorizeUrl: 'https://www.tiktok.com/auth/authorize/',
  tokenUrl: 'https://open-api.tiktok.com/oauth/access_token/',
  refreshUrl: 'https://open-api.tiktok.com/oauth/refresh_token/',
  revokeUrl: 'https://open.tiktokapis.com/v2/oauth/revoke/',
  userInfoUrl: 'https://open-api.tiktok.com/user/info/',
};
