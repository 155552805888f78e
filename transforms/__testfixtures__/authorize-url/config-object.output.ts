export const TIKTOK = {
  clientKey: process.env.TIKTOK_CLIENT_KEY ?? '',
  clientSecret: process.env.TIKTOK_CLIENT_SECRET ?? '',
  redirectUri: process.env.TIKTOK_REDIRECT_URI ?? 'https://localhost:3000/auth/tiktok/callback/',
  scopes: ['user.info.basic', 'video.list'],
  authorizeUrl: 'https://www.tiktok.com/v2/auth/authorize/',
  userInfoUrl: 'https://open-api.tiktok.com/user/info/',
  docs: 'https://developers.tiktok.com/doc/login-kit-web',
} as const;
