export const REVOKE_ENDPOINTS = {
  plain: 'https://open.tiktokapis.com/v2/oauth/revoke/',
  relative: '//open.tiktokapis.com/v2/oauth/revoke/',
  bare: `open.tiktokapis.com/v2/oauth/revoke/`,
};
