export const TIKTOK_ENDPOINTS = {
  authorize: 'https://www.tiktok.com/v2/auth/authorize/',
  token: 'https://open-api.tiktok.com/v2/oauth/token/',
  revoke: 'https://open.tiktokapis.com/v2/oauth/revoke/',
  userInfo: 'https://open.tiktok.com/v2/user/info/',
  videoQuery: `https://open-api.tiktok.com/v2/video/query/`,
} as const;
