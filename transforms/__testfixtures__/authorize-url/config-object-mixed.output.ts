// One config object with every endpoint: this transform only moves the authorize URL.
export const tiktokConfig = {
  authorizeUrl: 'https://www.tiktok.com/v2/auth/authorize/',
  tokenUrl: 'https://open-api.tiktok.com/oauth/access_token/',
  refreshUrl: 'https://open-api.tiktok.com/oauth/refresh_token/',
  revokeUrl: 'https://open-api.tiktok.com/oauth/revoke/',
  userInfoUrl: 'https://open-api.tiktok.com/user/info/',
};
