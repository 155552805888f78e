// One config object with every endpoint: this transform only moves the token and refresh URLs.
export const tiktokConfig = {
  authorizeUrl: 'https://www.tiktok.com/auth/authorize/',
  tokenUrl: 'https://open-api.tiktok.com/oauth/access_token/',
  refreshUrl: 'https://open-api.tiktok.com/oauth/refresh_token/',
  revokeUrl: 'https://open-api.tiktok.com/oauth/revoke/',
  userInfoUrl: 'https://open-api.tiktok.com/user/info/',
};
