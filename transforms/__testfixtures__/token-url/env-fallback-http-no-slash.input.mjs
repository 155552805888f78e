export const TOKEN_URL = process.env.TIKTOK_TOKEN_URL ?? 'http://open-api.tiktok.com/oauth/access_token';
export const REFRESH_URL = process.env.TIKTOK_REFRESH_URL || "http://open-api.tiktok.com/oauth/refresh_token";
