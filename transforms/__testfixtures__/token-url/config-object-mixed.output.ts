// One config object with every endpoint: this transform only moves the token and refresh URLs.
export const tiktokConfig = {
  authorizeUrl: 'https://www.tiktok.com/auth/authorize/',
  tokenUrl: 'https://open.tiktokapis.com/v2/oauth/token/',
  refreshUrl: 'https://open.tiktokapis.com/v2/oauth/token/',
  revokeUrl: 'https://open-api.tiktok.com/oauth/revoke/',
  userInfoUrl: 'https://open-api.tiktok.com/user/info/',
};
