// Token endpoint for the TikTok integration
export const TIKTOK_TOKEN_URL = 'https://open-api.tiktok.com/oauth/access_token/';
