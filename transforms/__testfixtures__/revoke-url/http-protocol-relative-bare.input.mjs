export const REVOKE_ENDPOINTS = {
  plain: 'http://open-api.tiktok.com/oauth/revoke/',
  relative: '//open-api.tiktok.com/oauth/revoke',
  bare: `open-api.tiktok.com/oauth/revoke/`,
};
